// Builds a contact card from a sheet row. Columns are found by role first
// (name, company, email, phone, tags, notes), then by type: every email and
// phone column, so "Mobile Phone" beside "Work Phone" is included. Parts that
// have no role (job title, address, birthday, first and last name) are found
// by their header.

import type { RowRecord, SheetRecord } from '../db';
import { formatCell, isEmptyCell, isInvalid } from '../fields/registry';
import type { CellValue, FieldContext, FieldDef, PhoneValue } from '../fields/types';
import { urlHref } from '../fields/url';
import { emptyContact, type PostalAddress, type VCardContact } from './contact';

type HeaderKey =
  'givenName' | 'familyName' | 'title' | 'street' | 'city' | 'region' | 'postalCode' | 'country' | 'birthday';

/** Headers in compact form (lower case, letters and digits only) that name each contact part. */
const HEADERS: Record<HeaderKey, string[]> = {
  givenName: ['firstname', 'givenname', 'forename'],
  familyName: ['lastname', 'familyname', 'surname'],
  title: ['title', 'jobtitle', 'position', 'role'],
  street: ['street', 'streetaddress', 'address', 'addressline', 'postaladdress', 'mailingaddress'],
  city: ['city', 'town', 'locality'],
  region: ['state', 'region', 'county', 'province'],
  postalCode: ['postalcode', 'postcode', 'zip', 'zipcode'],
  country: ['country', 'countryregion'],
  birthday: ['birthday', 'birthdate', 'dateofbirth', 'dob', 'born'],
};

function compactHeader(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

function fieldByHeader(fields: readonly FieldDef[], key: HeaderKey): FieldDef | undefined {
  return fields.find((field) => HEADERS[key].includes(compactHeader(field.name)));
}

/** vCard TYPE values implied by a column's header, such as 'Work Phone' or 'Mobile'. */
function typesFromHeader(name: string): string[] {
  const words = name.toLowerCase();
  const types: string[] = [];
  if (/\b(work|office|business)\b/.test(words)) types.push('work');
  if (/\b(home|personal|private)\b/.test(words)) types.push('home');
  if (/\b(mobile|cell|cellphone)\b/.test(words)) types.push('cell');
  if (/\bfax\b/.test(words)) types.push('fax');
  return types;
}

/** Returns the cell as display text, '' when empty. */
function cellText(value: CellValue | undefined, field: FieldDef | undefined, ctx: FieldContext): string {
  if (!field || isEmptyCell(value)) return '';
  return formatCell(value ?? null, field, ctx).trim();
}

function labelsOf(value: CellValue | undefined, field: FieldDef, ctx: FieldContext): string[] {
  if (isEmptyCell(value)) return [];
  if (field.type === 'multiSelect' && Array.isArray(value) && !isInvalid(value)) {
    return value.map((id) => formatCell([id], field, ctx).trim()).filter((label) => label !== '');
  }
  if (field.type === 'text') {
    return formatCell(value ?? null, field, ctx)
      .split(/[,;]/)
      .map((label) => label.trim())
      .filter((label) => label !== '');
  }
  const text = cellText(value, field, ctx);
  return text === '' ? [] : [text];
}

function phoneOf(value: CellValue | undefined): string {
  if (isEmptyCell(value) || isInvalid(value)) return '';
  if (typeof value === 'object' && value !== null && 'text' in value) {
    const phone = value as PhoneValue;
    return (phone.e164 ?? phone.text).trim();
  }
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Splits a full name into given and family name at the last space: 'Ada King
 * Lovelace' becomes 'Ada King' and 'Lovelace'. Phones sort and show cards by
 * N, so a guess is better than an empty N. A one-word name is the given name.
 */
export function splitFullName(fullName: string): { givenName: string; familyName: string } {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { givenName: words[0] ?? '', familyName: '' };
  return { givenName: words.slice(0, -1).join(' '), familyName: words[words.length - 1] ?? '' };
}

function addressOf(row: RowRecord, fields: readonly FieldDef[], ctx: FieldContext): PostalAddress | null {
  const part = (key: HeaderKey) => {
    const field = fieldByHeader(fields, key);
    return cellText(field ? row.values[field.id] : undefined, field, ctx);
  };
  const address: PostalAddress = {
    street: part('street'),
    city: part('city'),
    region: part('region'),
    postalCode: part('postalCode'),
    country: part('country'),
    types: [],
  };
  const hasAny = [address.street, address.city, address.region, address.postalCode, address.country].some(
    (text) => text !== '',
  );
  return hasAny ? address : null;
}

function birthdayOf(row: RowRecord, fields: readonly FieldDef[]): string {
  const field = fieldByHeader(fields, 'birthday');
  const value = field ? row.values[field.id] : undefined;
  return field?.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
}

/** Returns the full, given and family name of a row from its name column or its first and last name columns. */
export function nameOfRow(
  fields: readonly FieldDef[],
  row: RowRecord,
  ctx: FieldContext,
): { fullName: string; givenName: string; familyName: string } {
  const textOf = (field: FieldDef | undefined) => cellText(field ? row.values[field.id] : undefined, field, ctx);
  const nameField = fields.find((field) => field.role === 'name');
  const givenField = fieldByHeader(fields, 'givenName');
  const familyField = fieldByHeader(fields, 'familyName');

  // A sheet with "First Name" and "Last Name" columns has its name role on one of them.
  if (givenField || familyField) {
    const givenName = textOf(givenField);
    const familyName = textOf(familyField);
    const nameIsPart = nameField === givenField || nameField === familyField;
    const fullName =
      (nameIsPart || !nameField ? '' : textOf(nameField)) || [givenName, familyName].filter(Boolean).join(' ');
    return { fullName, givenName, familyName };
  }
  const fullName = textOf(nameField);
  return { fullName, ...splitFullName(fullName) };
}

/** Builds the contact card of one row, with every email, phone and web address column it has. */
export function contactFromRow(sheet: SheetRecord, row: RowRecord, ctx: FieldContext): VCardContact {
  const fields = sheet.fields;
  const contact: VCardContact = { ...emptyContact(), ...nameOfRow(fields, row, ctx) };
  const byRole = (role: FieldDef['role']) => fields.find((field) => field.role === role);
  const textOf = (field: FieldDef | undefined) => cellText(field ? row.values[field.id] : undefined, field, ctx);

  contact.organization = textOf(byRole('company'));
  const titleField = fieldByHeader(fields, 'title');
  contact.title = titleField?.type === 'text' ? textOf(titleField) : '';

  // The column with the role comes first, so phones pick it as the main address or number.
  const ordered = (role: 'email' | 'phone', type: 'email' | 'phone') => {
    const roleField = byRole(role);
    const rest = fields.filter((field) => field.type === type && field !== roleField);
    return roleField ? [roleField, ...rest] : rest;
  };

  for (const field of ordered('email', 'email')) {
    const value = row.values[field.id];
    if (typeof value === 'string' && value.trim() !== '') {
      contact.emails.push({ value: value.trim(), types: typesFromHeader(field.name) });
    }
  }
  for (const field of ordered('phone', 'phone')) {
    const value = phoneOf(row.values[field.id]);
    if (value !== '') contact.phones.push({ value, types: typesFromHeader(field.name) });
  }
  for (const field of fields.filter((each) => each.type === 'url')) {
    const value = row.values[field.id];
    const href = typeof value === 'string' ? urlHref(value) : null;
    if (href) contact.urls.push({ value: href, types: typesFromHeader(field.name) });
  }

  const address = addressOf(row, fields, ctx);
  if (address) contact.addresses.push(address);
  contact.birthday = birthdayOf(row, fields);

  const notesField = byRole('notes');
  contact.note = notesField ? cellText(row.values[notesField.id], notesField, ctx) : '';
  const tagsField = byRole('tags');
  contact.categories = tagsField ? labelsOf(row.values[tagsField.id], tagsField, ctx) : [];

  return contact;
}
