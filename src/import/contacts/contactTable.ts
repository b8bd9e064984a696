// Turns contact cards into the table that every contact source imports as:
// vCard files and recognised Google or Outlook CSV exports all become these
// columns, so they share one mapping, preview and duplicate check.

import type { PostalAddress, TypedValue, VCardContact } from '../../vcard/contact';

export const CONTACT_TABLE_HEADERS = [
  'Name',
  'Company',
  'Job title',
  'Email',
  'Email 2',
  'Phone',
  'Phone 2',
  'Address',
  'Website',
  'Birthday',
  'Notes',
  'Tags',
] as const;

/** Note on the values beyond the table's columns and where they go, shown beside the preview. */
export const CONTACT_TABLE_OVERFLOW_NOTE =
  'The first email and phone go to Email and Phone, the second to Email 2 and Phone 2, ' +
  'and any more (with extra addresses and websites) are added to Notes.';

/** A cell kept as text and flagged, because its value cannot be stored in its column's type. */
export interface FlaggedCell {
  /** Index into the table's rows. */
  row: number;
  column: number;
  reason: string;
}

export interface ContactTable {
  headers: string[];
  rows: string[][];
  flagged: FlaggedCell[];
}

/** Writes an address on one line: street, postal code and city, region, country. */
export function formatAddress(address: Omit<PostalAddress, 'types'>): string {
  const town = [address.postalCode, address.city].filter((part) => part !== '').join(' ');
  return [address.street.replace(/\s*\n\s*/g, ', '), town, address.region, address.country]
    .filter((part) => part !== '')
    .join(', ');
}

/** Puts values marked 'pref' first, keeping the file's order otherwise. */
function preferredFirst(values: readonly TypedValue[]): TypedValue[] {
  return [...values].sort((a, b) => Number(b.types.includes('pref')) - Number(a.types.includes('pref')));
}

function overflowNote(label: string, values: readonly string[]): string | undefined {
  return values.length ? `${label}: ${values.join('; ')}` : undefined;
}

/**
 * Builds one row per contact under CONTACT_TABLE_HEADERS. A birthday without
 * a year ('--04-15') is kept as text and flagged, because a date column
 * stores whole dates only. Tags are joined with ', ' as a multi-select reads them.
 */
export function contactsToTable(contacts: readonly VCardContact[]): ContactTable {
  const flagged: FlaggedCell[] = [];
  const birthdayColumn = CONTACT_TABLE_HEADERS.indexOf('Birthday');

  const rows = contacts.map((contact, rowIndex) => {
    const emails = preferredFirst(contact.emails).map((email) => email.value);
    const phones = preferredFirst(contact.phones).map((phone) => phone.value);
    const addresses = contact.addresses.map(formatAddress);
    const urls = contact.urls.map((url) => url.value);

    const notes = [
      contact.note,
      overflowNote('Other emails', emails.slice(2)),
      overflowNote('Other phones', phones.slice(2)),
      overflowNote('Other addresses', addresses.slice(1)),
      overflowNote('Other websites', urls.slice(1)),
    ].filter((part): part is string => part !== undefined && part !== '');

    if (/^--\d{2}-\d{2}$/.test(contact.birthday)) {
      flagged.push({
        row: rowIndex,
        column: birthdayColumn,
        reason: `the birthday ${contact.birthday} has no year, so it is kept as text`,
      });
    }

    return [
      contact.fullName,
      contact.organization,
      contact.title,
      emails[0] ?? '',
      emails[1] ?? '',
      phones[0] ?? '',
      phones[1] ?? '',
      addresses[0] ?? '',
      urls[0] ?? '',
      contact.birthday,
      notes.join('\n'),
      contact.categories.join(', '),
    ];
  });

  return { headers: [...CONTACT_TABLE_HEADERS], rows, flagged };
}
