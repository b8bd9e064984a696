// Writes contacts as vCard 4.0 text (RFC 6350), the format phones, Apple
// Contacts, Google Contacts and Outlook import. Every line ends in CRLF and is
// folded at 75 octets, and text values escape backslash, comma, semicolon and
// line breaks.

import type { PostalAddress, TypedValue, VCardContact } from './contact';

const CRLF = '\r\n';

/** RFC 6350 section 3.2: a line should be at most 75 octets long, not counting the line break. */
const MAX_LINE_OCTETS = 75;

/** A phone in E.164 form, written as a tel: URI instead of free text. */
const E164 = /^\+\d{2,15}$/;

/** TYPE values that stand for the 4.0 PREF parameter instead of a type. */
const PREFERRED_TYPE = 'pref';

const encoder = new TextEncoder();

/** Escapes a text value: backslash, comma, semicolon and line breaks (RFC 6350 section 3.4). */
export function escapeText(value: string): string {
  return value
    .replaceAll('\\', '\\\\')
    .replaceAll(',', '\\,')
    .replaceAll(';', '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line into lines of at most 75 octets joined by CRLF and a
 * space. A cut never falls inside a UTF-8 character: the text is walked by
 * code point, so a surrogate pair or a multi-byte letter stays whole.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let currentOctets = 0;
  // Continuation lines start with a space, which counts towards their 75 octets.
  let limit = MAX_LINE_OCTETS;

  for (const character of line) {
    const octets = encoder.encode(character).length;
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = '';
      currentOctets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += character;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** Builds the parameters of a typed value: TYPE=work,cell and PREF=1 for 'pref'. */
function typeParameters(types: readonly string[]): string {
  const plain = types
    .map((type) => type.trim().toLowerCase())
    .filter((type) => type !== '' && type !== PREFERRED_TYPE && /^[a-z0-9-]+$/.test(type));
  const preferred = types.some((type) => type.toLowerCase() === PREFERRED_TYPE);
  return (plain.length ? `;TYPE=${plain.join(',')}` : '') + (preferred ? ';PREF=1' : '');
}

function emailLine(email: TypedValue): string {
  return `EMAIL${typeParameters(email.types)}:${escapeText(email.value)}`;
}

/** Writes a phone in E.164 form as a tel: URI and any other phone as the text typed. */
function phoneLine(phone: TypedValue): string {
  const value = phone.value.trim();
  if (E164.test(value)) return `TEL;VALUE=uri${typeParameters(phone.types)}:tel:${value}`;
  return `TEL;VALUE=text${typeParameters(phone.types)}:${escapeText(value)}`;
}

function addressLine(address: PostalAddress): string {
  // ADR components: post office box; extended address; street; locality; region; postal code; country.
  const components = ['', '', address.street, address.city, address.region, address.postalCode, address.country];
  return `ADR${typeParameters(address.types)}:${components.map(escapeText).join(';')}`;
}

function isEmptyAddress(address: PostalAddress): boolean {
  return [address.street, address.city, address.region, address.postalCode, address.country].every(
    (part) => part.trim() === '',
  );
}

/** Writes 'YYYY-MM-DD' as 19850412 and '--MM-DD' as --0412, the basic forms RFC 6350 uses. */
function birthdayValue(birthday: string): string | null {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthday);
  if (full) return `${full[1]}${full[2]}${full[3]}`;
  const noYear = /^--(\d{2})-(\d{2})$/.exec(birthday);
  if (noYear) return `--${noYear[1]}${noYear[2]}`;
  return null;
}

/** Returns the name a card shows: FN, else the organisation, an email or a phone. */
export function displayName(contact: VCardContact): string {
  const joined = [contact.givenName, contact.familyName].filter((part) => part.trim() !== '').join(' ');
  return (
    [contact.fullName, joined, contact.organization, contact.emails[0]?.value, contact.phones[0]?.value].find(
      (candidate) => candidate !== undefined && candidate.trim() !== '',
    ) ?? ''
  );
}

/** Returns whether a contact has anything worth a card: a name, an organisation, an email or a phone. */
export function hasContactDetails(contact: VCardContact): boolean {
  return displayName(contact).trim() !== '';
}

/** Writes one contact as the unfolded content lines of a card. */
function contentLines(contact: VCardContact): string[] {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${escapeText(displayName(contact))}`];

  // N has five components: family; given; additional; prefixes; suffixes.
  if (contact.familyName !== '' || contact.givenName !== '') {
    lines.push(`N:${escapeText(contact.familyName)};${escapeText(contact.givenName)};;;`);
  }
  if (contact.organization !== '') lines.push(`ORG:${escapeText(contact.organization)}`);
  if (contact.title !== '') lines.push(`TITLE:${escapeText(contact.title)}`);

  for (const email of contact.emails) if (email.value.trim() !== '') lines.push(emailLine(email));
  for (const phone of contact.phones) if (phone.value.trim() !== '') lines.push(phoneLine(phone));
  for (const address of contact.addresses) if (!isEmptyAddress(address)) lines.push(addressLine(address));
  // URL is a URI value, which RFC 6350 does not escape.
  for (const url of contact.urls) {
    const value = url.value.replace(/[\r\n]/g, '').trim();
    if (value !== '') lines.push(`URL${typeParameters(url.types)}:${value}`);
  }

  const birthday = birthdayValue(contact.birthday);
  if (birthday) lines.push(`BDAY:${birthday}`);
  if (contact.note !== '') lines.push(`NOTE:${escapeText(contact.note)}`);

  const categories = contact.categories.filter((category) => category.trim() !== '');
  if (categories.length) lines.push(`CATEGORIES:${categories.map(escapeText).join(',')}`);

  lines.push('END:VCARD');
  return lines;
}

/** Writes the contacts as one vCard 4.0 file: folded lines, each ending in CRLF. */
export function writeVCards(contacts: readonly VCardContact[]): string {
  return contacts
    .map((contact) =>
      contentLines(contact)
        .map((line) => foldLine(line) + CRLF)
        .join(''),
    )
    .join('');
}

export { contactFromRow } from './fromRow';
