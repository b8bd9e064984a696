// Reads vCard 2.1, 3.0 and 4.0 text into VCardContact records. Written by
// hand because ical.js reads only 3.0 and 4.0, and phones and Outlook still
// export 2.1 with quoted-printable values, soft line breaks and bare TYPE
// parameters ("TEL;WORK;VOICE:"). Photos, sounds and keys are skipped.

import { emptyContact, type PostalAddress, type TypedValue, type VCardContact, type VCardParseResult } from './contact';

/** One property after unfolding: `item1.EMAIL;TYPE=work:jo@example.com`. */
interface ContentLine {
  /** Lower-case group such as 'item1', or '' for none. */
  group: string;
  /** Upper-case property name. */
  name: string;
  /** Upper-case parameter names with their values; bare 2.1 parameters are listed under 'TYPE'. */
  params: Map<string, string[]>;
  /** The raw value, after quoted-printable decoding but before unescaping. */
  value: string;
  /** Line of the file, from 1, where the property starts. */
  line: number;
}

/** Bare 2.1 parameters that name an encoding rather than a type. */
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** Properties that carry binary data or a URI for it, skipped whole. */
const SKIPPED_PROPERTIES = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);

const QUOTED_PRINTABLE = /QUOTED-PRINTABLE/i;

interface PhysicalLine {
  text: string;
  number: number;
}

function splitPhysicalLines(text: string): PhysicalLine[] {
  return text.split(/\r\n|\r|\n/).map((line, index) => ({ text: line, number: index + 1 }));
}

/** Returns the part of a line before its first ':' outside double quotes, or undefined when there is none. */
function propertyPart(line: string): string | undefined {
  const colon = unquotedIndex(line, ':');
  return colon === -1 ? undefined : line.slice(0, colon);
}

function unquotedIndex(text: string, character: string): number {
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const current = text[index];
    if (current === '"') quoted = !quoted;
    else if (current === character && !quoted) return index;
  }
  return -1;
}

function splitUnquoted(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const current = text[index];
    if (current === '"') quoted = !quoted;
    else if (current === separator && !quoted) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * Joins folded lines into logical lines. A line starting with a space or tab
 * continues the previous one (RFC 6350 section 3.2), and empty lines between
 * them are ignored because some exporters write '\r\r\n'. A quoted-printable
 * value ending in '=' continues on the next line whatever it starts with
 * (vCard 2.1 soft line break).
 */
function unfold(lines: PhysicalLine[]): PhysicalLine[] {
  const logical: PhysicalLine[] = [];
  let inSoftBreak = false;

  for (const line of lines) {
    const previous = logical.at(-1);
    if (inSoftBreak && previous) {
      previous.text = previous.text.slice(0, -1) + line.text;
      inSoftBreak = previous.text.endsWith('=');
      continue;
    }
    if (line.text === '') continue;

    if (previous && (line.text.startsWith(' ') || line.text.startsWith('\t'))) {
      previous.text += line.text.slice(1);
    } else {
      logical.push({ text: line.text, number: line.number });
    }

    const current = logical.at(-1)!;
    const property = propertyPart(current.text);
    inSoftBreak = property !== undefined && QUOTED_PRINTABLE.test(property) && current.text.endsWith('=');
  }
  return logical;
}

/** Decodes RFC 6868 caret escapes in a parameter value: ^n, ^' and ^^. */
function decodeCaret(value: string): string {
  return value.replace(/\^([n'^])/g, (_match, code: string) => (code === 'n' ? '\n' : code === "'" ? '"' : '^'));
}

function parseParams(parts: string[]): Map<string, string[]> {
  const params = new Map<string, string[]>();
  const add = (key: string, values: string[]) => params.set(key, [...(params.get(key) ?? []), ...values]);

  for (const part of parts) {
    if (part.trim() === '') continue;
    const equals = part.indexOf('=');
    if (equals === -1) {
      // vCard 2.1 writes parameters without a name: TEL;WORK;VOICE or EMAIL;QUOTED-PRINTABLE.
      const bare = part.trim().toUpperCase();
      add(BARE_ENCODINGS.has(bare) ? 'ENCODING' : 'TYPE', [bare]);
      continue;
    }
    const key = part.slice(0, equals).trim().toUpperCase();
    const values = splitUnquoted(part.slice(equals + 1), ',').map((value) =>
      decodeCaret(value.trim().replace(/^"(.*)"$/s, '$1')),
    );
    // A quoted type list, TYPE="voice,home", is one parameter value holding several types.
    add(key, key === 'TYPE' ? values.flatMap((value) => value.split(',')) : values);
  }
  return params;
}

function parseContentLine(line: PhysicalLine): ContentLine | undefined {
  const colon = unquotedIndex(line.text, ':');
  if (colon === -1) return undefined;

  const [nameWithGroup = '', ...paramParts] = splitUnquoted(line.text.slice(0, colon), ';');
  const dot = nameWithGroup.lastIndexOf('.');
  const group = dot === -1 ? '' : nameWithGroup.slice(0, dot).toLowerCase();
  const name = nameWithGroup
    .slice(dot + 1)
    .trim()
    .toUpperCase();
  if (name === '') return undefined;

  const params = parseParams(paramParts);
  let value = line.text.slice(colon + 1);
  const encoding = params.get('ENCODING')?.[0]?.toUpperCase();
  if (encoding === 'QUOTED-PRINTABLE') value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0]);
  return { group, name, params, value, line: line.number };
}

/**
 * Decodes a quoted-printable value into text. The bytes are read in the
 * CHARSET parameter's encoding. Without one they are read as UTF-8 when valid,
 * else as Windows-1252, the encoding of most old desktop exports.
 * NOTE: a card from a Central European system without CHARSET (The Bat! writes
 * Latin-2 'ń' as =F1) comes out with the Windows-1252 letter ('ñ').
 */
export function decodeQuotedPrintable(value: string, charset?: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const character = value[index]!;
    const hex = value.slice(index + 1, index + 3);
    if (character === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else if (character === '=' && index === value.length - 1) {
      // A soft line break left at the very end of the value.
    } else {
      for (const byte of new TextEncoder().encode(character)) bytes.push(byte);
    }
  }

  const data = new Uint8Array(bytes);
  if (charset) {
    try {
      return new TextDecoder(charset).decode(data);
    } catch {
      // An unknown CHARSET label: fall through to detection.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}

/** Splits a structured value (N, ADR, ORG) at ';' that no backslash escapes. */
function splitComponents(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index += 1) {
    const character = value[index]!;
    if (character === '\\' && index + 1 < value.length) {
      current += character + value[index + 1];
      index += 1;
    } else if (character === separator) {
      parts.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts;
}

/** Removes vCard text escapes: \n and \N are line breaks, \, \; \: and \\ are the character itself. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_match, code: string) => (code === 'n' || code === 'N' ? '\n' : code));
}

function typesOf(line: ContentLine): string[] {
  const types = (line.params.get('TYPE') ?? []).map((type) => type.toLowerCase()).filter((type) => type !== '');
  if (line.params.has('PREF') && !types.includes('pref')) types.push('pref');
  return types;
}

/** Reads a BDAY value into 'YYYY-MM-DD' or '--MM-DD', or undefined when it is not a date. */
export function readBirthday(value: string): string | undefined {
  const text = value.trim();
  const full = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(text);
  if (full) return validMonthDay(full[2]!, full[3]!) ? `${full[1]}-${full[2]}-${full[3]}` : undefined;
  const yearless = /^--(\d{2})-?(\d{2})$/.exec(text);
  if (yearless) return validMonthDay(yearless[1]!, yearless[2]!) ? `--${yearless[1]}-${yearless[2]}` : undefined;
  return undefined;
}

function validMonthDay(month: string, day: string): boolean {
  const monthNumber = Number(month);
  const dayNumber = Number(day);
  return monthNumber >= 1 && monthNumber <= 12 && dayNumber >= 1 && dayNumber <= 31;
}

/** Returns an Apple X-ABLabel such as '_$!<AssistantPhone>!$_' as 'assistantphone'. */
function cleanLabel(label: string): string {
  return label
    .replace(/^_\$!<(.*)>!\$_$/, '$1')
    .trim()
    .toLowerCase();
}

interface CardBuilder {
  number: number;
  line: number;
  lines: ContentLine[];
}

function buildContact(card: CardBuilder, report: (line: number, message: string) => void): VCardContact {
  const contact = emptyContact();
  const labels = new Map<string, string>();
  for (const line of card.lines) {
    if (line.name === 'X-ABLABEL' && line.group) labels.set(line.group, cleanLabel(unescapeText(line.value)));
  }
  const typed = (line: ContentLine, value: string): TypedValue => {
    const types = typesOf(line);
    const label = labels.get(line.group);
    if (label && !types.includes(label)) types.push(label);
    return { value, types };
  };

  let formattedName = '';
  for (const line of card.lines) {
    if (SKIPPED_PROPERTIES.has(line.name)) continue;
    const text = unescapeText(line.value).trim();

    switch (line.name) {
      case 'FN':
        if (!formattedName) formattedName = text;
        break;
      case 'N': {
        const [family = '', given = ''] = splitComponents(line.value, ';').map((part) => unescapeText(part).trim());
        if (!contact.familyName && !contact.givenName) {
          contact.familyName = family;
          contact.givenName = given;
        }
        break;
      }
      case 'ORG':
        if (!contact.organization)
          contact.organization = unescapeText(splitComponents(line.value, ';')[0] ?? '').trim();
        break;
      case 'TITLE':
        if (!contact.title) contact.title = text;
        break;
      case 'EMAIL':
        if (text) contact.emails.push(typed(line, text));
        break;
      case 'TEL': {
        const phone = text.replace(/^tel:/i, '');
        if (phone) contact.phones.push(typed(line, phone));
        break;
      }
      case 'URL':
        if (text) contact.urls.push(typed(line, text));
        break;
      case 'ADR': {
        const address = readAddress(line);
        if (address) contact.addresses.push({ ...address, types: typed(line, '').types });
        break;
      }
      case 'BDAY':
        if (!contact.birthday && text) {
          const birthday = readBirthday(text);
          if (birthday) contact.birthday = birthday;
          else report(line.line, `BDAY ${JSON.stringify(text)} is not a date, so it was left out`);
        }
        break;
      case 'NOTE':
        if (text) contact.note = contact.note ? `${contact.note}\n${text}` : text;
        break;
      case 'CATEGORIES':
        for (const category of splitComponents(line.value, ',')) {
          const label = unescapeText(category).trim();
          if (label && !contact.categories.includes(label)) contact.categories.push(label);
        }
        break;
      default:
        break;
    }
  }

  contact.fullName = formattedName || [contact.givenName, contact.familyName].filter((part) => part !== '').join(' ');
  return contact;
}

function readAddress(line: ContentLine): Omit<PostalAddress, 'types'> | undefined {
  const parts = splitComponents(line.value, ';').map((part) => unescapeText(part).trim());
  const [poBox = '', extended = '', street = '', city = '', region = '', postalCode = '', country = ''] = parts;
  const streetLines = [poBox, extended, street].filter((part) => part !== '').join('\n');
  const address = { street: streetLines, city, region, postalCode, country };
  return Object.values(address).some((part) => part !== '') ? address : undefined;
}

/**
 * Parses every card in a vCard file. A card missing END:VCARD is still read
 * up to the next BEGIN:VCARD or the end of the file. A line that is not a
 * property is skipped. Each such problem names the card and the line.
 */
export function parseVCards(text: string): VCardParseResult {
  const result: VCardParseResult = { contacts: [], problems: [] };
  let card: CardBuilder | null = null;
  let cardCount = 0;

  const finish = (current: CardBuilder) => {
    const report = (line: number, message: string) => result.problems.push({ card: current.number, line, message });
    result.contacts.push(buildContact(current, report));
  };

  for (const physical of unfold(splitPhysicalLines(text.replace(/^\uFEFF/, '')))) {
    if (physical.text.trim() === '') continue;
    const line = parseContentLine(physical);

    if (line?.name === 'BEGIN' && line.value.trim().toUpperCase() === 'VCARD') {
      if (card) {
        result.problems.push({
          card: card.number,
          line: card.line,
          message: `Card ${card.number} has no END:VCARD before the next card on line ${physical.number}`,
        });
        finish(card);
      }
      cardCount += 1;
      card = { number: cardCount, line: physical.number, lines: [] };
      continue;
    }
    if (line?.name === 'END' && line.value.trim().toUpperCase() === 'VCARD') {
      if (card) finish(card);
      card = null;
      continue;
    }
    if (!card) continue;

    if (line === undefined) {
      result.problems.push({
        card: card.number,
        line: physical.number,
        message: `Line ${physical.number} is not a vCard property (it has no ':'), so it was skipped`,
      });
      continue;
    }
    card.lines.push(line);
  }

  if (card) {
    result.problems.push({
      card: card.number,
      line: card.line,
      message: `Card ${card.number} has no END:VCARD at the end of the file`,
    });
    finish(card);
  }
  return result;
}

/** Tells whether decoded text looks like a vCard file: its first property is BEGIN:VCARD. */
export function looksLikeVCard(text: string): boolean {
  return /^\uFEFF?\s*BEGIN:VCARD\s*$/im.test(
    text
      .slice(0, 2000)
      .split(/\r\n|\r|\n/)
      .find((line) => line.trim()) ?? '',
  );
}
