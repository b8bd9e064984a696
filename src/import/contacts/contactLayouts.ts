// Recognises the CSV layouts that Google Contacts and Outlook export and reads
// their rows as contact cards. Google writes several values in one cell
// joined by ' ::: ' and marks the primary one with '* '. Outlook's "Title" is
// the honorific (Mr., Ms.) and "Job Title" the job.

import { readBirthday } from '../../vcard/parse';
import { emptyContact, type PostalAddress, type TypedValue, type VCardContact } from '../../vcard/contact';
import { normaliseName } from '../csv/mapping';
import { CONTACT_TABLE_OVERFLOW_NOTE, contactsToTable, type ContactTable } from './contactTable';

export type ContactLayout = 'googleCurrent' | 'googleLegacy' | 'outlook';

export const CONTACT_LAYOUT_NAMES: Record<ContactLayout, string> = {
  googleCurrent: 'a Google Contacts export (current layout)',
  googleLegacy: 'a Google Contacts export (older layout)',
  outlook: 'an Outlook contacts export',
};

const MULTI_VALUE_SEPARATOR = /\s*:::\s*/;

/** Google's group that every contact belongs to, left out of tags. */
const GOOGLE_SYSTEM_GROUPS = new Set(['mycontacts', 'starred']);

/** Outlook phone columns, in the order they fill Phone and Phone 2. */
const OUTLOOK_PHONES: [string, string[]][] = [
  ['Primary Phone', ['pref']],
  ['Mobile Phone', ['cell']],
  ['Business Phone', ['work']],
  ['Home Phone', ['home']],
  ['Business Phone 2', ['work']],
  ['Home Phone 2', ['home']],
  ['Company Main Phone', ['work']],
  ['Other Phone', ['other']],
  ['Car Phone', ['car']],
];

const OUTLOOK_ADDRESS_PREFIXES = ['Business', 'Home', 'Other'];

/** Source columns renamed when they are kept beside the contact table. */
const KEPT_COLUMN_NAMES: Partial<Record<ContactLayout, Record<string, string>>> = {
  outlook: { Title: 'Honorific' },
};

/** Tells which contact export layout a header row is, if any. */
export function detectContactLayout(headers: readonly string[]): ContactLayout | undefined {
  const keys = new Set(headers.map(normaliseName));
  const has = (name: string) => keys.has(normaliseName(name));

  if (has('Given Name') && has('Family Name') && (has('Group Membership') || has('E-mail 1 - Type'))) {
    return 'googleLegacy';
  }
  if (
    has('First Name') &&
    (has('E-mail 1 - Value') || has('Phone 1 - Value')) &&
    (has('Organization Name') || has('Labels') || has('E-mail 1 - Label') || has('Phone 1 - Label'))
  ) {
    return 'googleCurrent';
  }
  if (has('E-mail Address') && (has('Business Phone') || has('Mobile Phone') || has('Job Title') || has('Company'))) {
    return 'outlook';
  }
  return undefined;
}

/** Reads cells by header name and records which columns were used. */
class RowReader {
  private readonly indexByKey = new Map<string, number>();
  readonly used = new Set<number>();
  row: readonly string[] = [];

  constructor(readonly headers: readonly string[]) {
    headers.forEach((header, index) => {
      const key = normaliseName(header);
      if (!this.indexByKey.has(key)) this.indexByKey.set(key, index);
    });
  }

  index(name: string): number | undefined {
    return this.indexByKey.get(normaliseName(name));
  }

  /** Marks a column as read even when it is empty, so it is not kept as an extra column. */
  claim(name: string): void {
    const index = this.index(name);
    if (index !== undefined) this.used.add(index);
  }

  get(name: string): string {
    const index = this.index(name);
    if (index === undefined) return '';
    this.used.add(index);
    return (this.row[index] ?? '').trim();
  }

  /** Numbers N of columns named like `E-mail N - Value`, ascending. */
  numbered(pattern: RegExp): number[] {
    const numbers = new Set<number>();
    for (const header of this.headers) {
      const match = pattern.exec(header.trim());
      if (match) numbers.add(Number(match[1]));
    }
    return [...numbers].sort((a, b) => a - b);
  }
}

/** Splits a Google label such as '* Home' into lower-case types, with 'pref' for the starred one. */
function googleTypes(label: string): string[] {
  const types: string[] = [];
  let text = label.trim();
  if (text.startsWith('*')) {
    types.push('pref');
    text = text.slice(1).trim();
  }
  if (text) types.push(text.toLowerCase());
  return types;
}

function splitValues(cell: string): string[] {
  return cell
    .split(MULTI_VALUE_SEPARATOR)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

function googleMultiValues(reader: RowReader, kind: 'E-mail' | 'Phone' | 'Website'): TypedValue[] {
  const labelSuffix = reader.index(`${kind} 1 - Label`) !== undefined ? 'Label' : 'Type';
  const values: TypedValue[] = [];
  for (const number of reader.numbered(new RegExp(`^${kind} (\\d+) - Value$`, 'i'))) {
    const types = googleTypes(reader.get(`${kind} ${number} - ${labelSuffix}`));
    for (const value of splitValues(reader.get(`${kind} ${number} - Value`))) values.push({ value, types });
  }
  return values;
}

function googleAddresses(reader: RowReader, labelSuffix: 'Label' | 'Type'): PostalAddress[] {
  const addresses: PostalAddress[] = [];
  for (const number of reader.numbered(/^Address (\d+) - /i)) {
    const part = (name: string) => reader.get(`Address ${number} - ${name}`);
    const types = googleTypes(part(labelSuffix));
    const street = [part('PO Box'), part('Street'), part('Extended Address')].filter((text) => text !== '').join('\n');
    const address = {
      street,
      city: part('City'),
      region: part('Region'),
      postalCode: part('Postal Code'),
      country: part('Country'),
      types,
    };
    const formatted = part('Formatted');
    const hasParts = [address.street, address.city, address.region, address.postalCode, address.country].some(
      (text) => text !== '',
    );
    if (hasParts) addresses.push(address);
    else if (formatted) addresses.push({ ...address, street: formatted });
  }
  return addresses;
}

function googleTags(cell: string): string[] {
  return splitValues(cell)
    .map((label) => label.replace(/^\*\s*/, ''))
    .filter((label) => !GOOGLE_SYSTEM_GROUPS.has(normaliseName(label)));
}

/** Birthday text as the file has it, normalised when it is an ISO or year-less date. */
function birthdayText(text: string): string {
  if (text === '' || /^0?0\/0?0\/0{2,4}$/.test(text)) return '';
  return readBirthday(text) ?? text;
}

function joinName(parts: string[]): string {
  return parts.filter((part) => part !== '').join(' ');
}

function readGoogle(reader: RowReader, layout: 'googleCurrent' | 'googleLegacy'): VCardContact {
  const contact = emptyContact();
  const legacy = layout === 'googleLegacy';

  contact.givenName = reader.get(legacy ? 'Given Name' : 'First Name');
  contact.familyName = reader.get(legacy ? 'Family Name' : 'Last Name');
  const middle = reader.get(legacy ? 'Additional Name' : 'Middle Name');
  const fullName = legacy ? reader.get('Name') : '';
  contact.fullName = fullName || joinName([contact.givenName, middle, contact.familyName]);

  contact.organization = reader.get(legacy ? 'Organization 1 - Name' : 'Organization Name');
  contact.title = reader.get(legacy ? 'Organization 1 - Title' : 'Organization Title');
  reader.claim(legacy ? 'Organization 1 - Type' : 'Organization Department');

  contact.emails = googleMultiValues(reader, 'E-mail');
  contact.phones = googleMultiValues(reader, 'Phone');
  contact.urls = googleMultiValues(reader, 'Website');
  contact.addresses = googleAddresses(reader, legacy ? 'Type' : 'Label');
  contact.birthday = birthdayText(reader.get('Birthday'));
  contact.note = reader.get('Notes');
  contact.categories = googleTags(reader.get(legacy ? 'Group Membership' : 'Labels'));
  return contact;
}

function readOutlook(reader: RowReader): VCardContact {
  const contact = emptyContact();
  contact.givenName = reader.get('First Name');
  contact.familyName = reader.get('Last Name');
  contact.fullName = joinName([contact.givenName, reader.get('Middle Name'), contact.familyName, reader.get('Suffix')]);
  contact.organization = reader.get('Company');
  contact.title = reader.get('Job Title');

  for (const prefix of ['E-mail', 'E-mail 2', 'E-mail 3']) {
    const value = reader.get(`${prefix} Address`);
    if (value) contact.emails.push({ value, types: [] });
    // Outlook's address type ('SMTP') and display name repeat the address itself.
    reader.claim(`${prefix} Type`);
    reader.claim(`${prefix} Display Name`);
  }
  for (const [name, types] of OUTLOOK_PHONES) {
    const value = reader.get(name);
    if (value) contact.phones.push({ value, types });
  }
  for (const prefix of OUTLOOK_ADDRESS_PREFIXES) {
    const street = [reader.get(`${prefix} Street`), reader.get(`${prefix} Street 2`), reader.get(`${prefix} Street 3`)]
      .filter((text) => text !== '')
      .join('\n');
    const address = {
      street,
      city: reader.get(`${prefix} City`),
      region: reader.get(`${prefix} State`),
      postalCode: reader.get(`${prefix} Postal Code`),
      country: reader.get(`${prefix} Country/Region`) || reader.get(`${prefix} Country`),
      types: [prefix.toLowerCase()],
    };
    if ([address.street, address.city, address.region, address.postalCode, address.country].some((text) => text)) {
      contact.addresses.push(address);
    }
  }
  const webPage = reader.get('Web Page');
  if (webPage) contact.urls.push({ value: webPage, types: [] });
  contact.birthday = birthdayText(reader.get('Birthday'));
  contact.note = reader.get('Notes');
  contact.categories = reader
    .get('Categories')
    .split(';')
    .map((category) => category.trim())
    .filter((category) => category !== '');
  return contact;
}

export interface ContactLayoutTable extends ContactTable {
  /** Description of the recognised layout and of where values went, for the preview. */
  note: string;
}

/**
 * Reads every row of a recognised export as a contact and builds the contact
 * table. Source columns the layout does not read are kept after the table's
 * columns when any row has a value in them, so nothing in the file is lost.
 */
export function contactLayoutToTable(
  layout: ContactLayout,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): ContactLayoutTable {
  const reader = new RowReader(headers);
  const contacts = rows.map((row) => {
    reader.row = row;
    return layout === 'outlook' ? readOutlook(reader) : readGoogle(reader, layout);
  });
  const table = contactsToTable(contacts);

  const renames = KEPT_COLUMN_NAMES[layout] ?? {};
  const kept = headers
    .map((header, index) => ({ header, index }))
    .filter(({ index }) => !reader.used.has(index) && rows.some((row) => (row[index] ?? '').trim() !== ''));
  const usedNames = new Set(table.headers.map(normaliseName));
  const keptHeaders = kept.map(({ header }) => {
    let name = renames[header] ?? header;
    for (let copy = 2; usedNames.has(normaliseName(name)); copy += 1) name = `${renames[header] ?? header} (${copy})`;
    usedNames.add(normaliseName(name));
    return name;
  });

  const note =
    `Recognised ${CONTACT_LAYOUT_NAMES[layout]}: its columns were gathered into Name, Company, Job title, ` +
    `Email, Phone, Address, Website, Birthday, Notes and Tags. ${CONTACT_TABLE_OVERFLOW_NOTE}` +
    (layout === 'outlook' ? ' Outlook\u2019s "Title" (Mr., Ms.) is kept as Honorific; "Job Title" is the job.' : '') +
    (keptHeaders.length ? ` Other columns with values are kept as they are: ${keptHeaders.join(', ')}.` : '');

  return {
    headers: [...table.headers, ...keptHeaders],
    rows: table.rows.map((row, index) => [...row, ...kept.map(({ index: column }) => rows[index]?.[column] ?? '')]),
    flagged: table.flagged,
    note,
  };
}
