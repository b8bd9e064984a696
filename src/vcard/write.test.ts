import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { SheetRecord, RowRecord } from '../db';
import { defaultFieldContext } from '../fields/registry';
import type { CellValue, FieldDef } from '../fields/types';
import { emptyContact, type VCardContact } from './contact';
import { parseVCards } from './parse';
import { contactFromRow, escapeText, foldLine, writeVCards } from './write';

const encoder = new TextEncoder();

function contact(changes: Partial<VCardContact>): VCardContact {
  return { ...emptyContact(), ...changes };
}

/** Splits a vCard file into its physical lines, without the final empty one. */
function physicalLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  return text.slice(0, -2).split('\r\n');
}

/** Joins folded lines back into content lines, as RFC 6350 section 3.2 describes. */
function unfold(text: string): string[] {
  return text.replace(/\r\n /g, '').slice(0, -2).split('\r\n');
}

describe('escapeText', () => {
  it('escapes backslash, comma, semicolon', () => {
    expect(escapeText('a\\b,c;d')).toBe('a\\\\b\\,c\\;d');
  });

  it('writes every line break as \\n', () => {
    expect(escapeText('one\r\ntwo\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour');
  });
});

describe('foldLine', () => {
  it('keeps a short line whole', () => {
    expect(foldLine('FN:Ada Lovelace')).toBe('FN:Ada Lovelace');
  });

  it('folds ASCII at 75 octets', () => {
    const line = `NOTE:${'x'.repeat(200)}`;
    const lines = foldLine(line).split('\r\n');
    expect(lines[0]).toHaveLength(75);
    for (const continuation of lines.slice(1)) {
      expect(continuation.startsWith(' ')).toBe(true);
      expect(encoder.encode(continuation).length).toBeLessThanOrEqual(75);
    }
    expect(lines.map((each, index) => (index === 0 ? each : each.slice(1))).join('')).toBe(line);
  });

  it('never splits a UTF-8 character', () => {
    const line = `NOTE:${'é€😀'.repeat(40)}`;
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) {
      expect(encoder.encode(physical).length).toBeLessThanOrEqual(75);
      expect(physical).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      expect(physical).not.toMatch(/(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(folded.replaceAll('\r\n ', '')).toBe(line);
  });
});

describe('writeVCards', () => {
  const ada = contact({
    fullName: 'Ada Lovelace',
    givenName: 'Ada',
    familyName: 'Lovelace',
    organization: 'Analytical Engines; Ltd',
    title: 'Countess, mathematician',
    emails: [{ value: 'ada@example.com', types: ['work', 'pref'] }],
    phones: [
      { value: '+442079460958', types: ['cell'] },
      { value: '020 7946 0000 ext. 12', types: ['work'] },
    ],
    addresses: [
      {
        street: "12 St James's Square",
        city: 'London',
        region: '',
        postalCode: 'SW1Y 4JH',
        country: 'UK',
        types: ['home'],
      },
    ],
    urls: [{ value: 'https://example.com/ada', types: [] }],
    birthday: '1815-12-10',
    note: 'Met at the fair,\nwants a quote',
    categories: ['VIP', 'Smith, Jones'],
  });

  it('writes a 4.0 card with CRLF lines', () => {
    const text = writeVCards([ada]);
    expect(text).not.toMatch(/(?<!\r)\n/);
    expect(unfold(text)).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Ada Lovelace',
      'N:Lovelace;Ada;;;',
      'ORG:Analytical Engines\\; Ltd',
      'TITLE:Countess\\, mathematician',
      'EMAIL;TYPE=work;PREF=1:ada@example.com',
      'TEL;VALUE=uri;TYPE=cell:tel:+442079460958',
      'TEL;VALUE=text;TYPE=work:020 7946 0000 ext. 12',
      "ADR;TYPE=home:;;12 St James's Square;London;;SW1Y 4JH;UK",
      'URL:https://example.com/ada',
      'BDAY:18151210',
      'NOTE:Met at the fair\\,\\nwants a quote',
      'CATEGORIES:VIP,Smith\\, Jones',
      'END:VCARD',
    ]);
  });

  it('writes a birthday without a year', () => {
    expect(unfold(writeVCards([contact({ fullName: 'Grace', birthday: '--03-09' })]))).toContain('BDAY:--0309');
  });

  it('leaves out empty properties', () => {
    expect(unfold(writeVCards([contact({ fullName: 'Grace' })]))).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Grace',
      'END:VCARD',
    ]);
  });

  it('names a card without a name by its email', () => {
    const text = writeVCards([contact({ emails: [{ value: 'info@example.com', types: [] }] })]);
    expect(unfold(text)).toContain('FN:info@example.com');
  });

  it('writes several cards one after another', () => {
    const text = writeVCards([ada, contact({ fullName: 'Grace Hopper' })]);
    expect(text.match(/BEGIN:VCARD\r\n/g)).toHaveLength(2);
    expect(text.match(/END:VCARD\r\n/g)).toHaveLength(2);
  });

  it('folds long UTF-8 notes within 75 octets', () => {
    const text = writeVCards([contact({ fullName: 'Zoë Ångström', note: 'Ünïcödé 😀 '.repeat(30) })]);
    for (const line of physicalLines(text)) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(unfold(text)).toContain(`NOTE:${'Ünïcödé 😀 '.repeat(30)}`);
    expect(unfold(text)).toContain('FN:Zoë Ångström');
  });
});

describe('contactFromRow', () => {
  const fields: FieldDef[] = [
    { id: 'first', name: 'First Name', type: 'text', settings: {}, role: 'name' },
    { id: 'last', name: 'Last Name', type: 'text', settings: {} },
    { id: 'title', name: 'Title', type: 'text', settings: {} },
    { id: 'company', name: 'Company', type: 'text', settings: {}, role: 'company' },
    { id: 'email', name: 'Email', type: 'email', settings: {}, role: 'email' },
    { id: 'email2', name: 'Personal email', type: 'email', settings: {} },
    { id: 'work', name: 'Work Phone', type: 'phone', settings: {}, role: 'phone' },
    { id: 'mobile', name: 'Mobile Phone', type: 'phone', settings: {} },
    { id: 'street', name: 'Street', type: 'text', settings: {} },
    { id: 'city', name: 'City', type: 'text', settings: {} },
    { id: 'zip', name: 'Postal Code', type: 'text', settings: {} },
    { id: 'site', name: 'Website', type: 'url', settings: {} },
    { id: 'bad', name: 'Other link', type: 'url', settings: {} },
    {
      id: 'tags',
      name: 'Tags',
      type: 'multiSelect',
      role: 'tags',
      settings: {
        options: [
          { id: 't1', label: 'VIP' },
          { id: 't2', label: 'Newsletter' },
        ],
      },
    },
    { id: 'notes', name: 'Details', type: 'longText', settings: {}, role: 'notes' },
    { id: 'born', name: 'Birthday', type: 'date', settings: {} },
  ];
  const sheet = { id: 's1', name: 'Leads', fields } as SheetRecord;

  function row(values: Record<string, CellValue>): RowRecord {
    return { id: 'r1', sheetId: 's1', values } as RowRecord;
  }

  it('maps columns by role, type and header', () => {
    const result = contactFromRow(
      sheet,
      row({
        first: 'Ada',
        last: 'Lovelace',
        title: 'Countess',
        company: 'Analytical Engines',
        email: 'ada@example.com',
        email2: 'ada@home.example',
        work: { text: '020 7946 0958', e164: '+442079460958' },
        mobile: { text: '07700 900123 ext 4' },
        street: '12 High Street',
        city: 'London',
        zip: 'SW1A 1AA',
        site: 'example.com/ada',
        bad: { invalid: 'javascript:alert(1)' },
        tags: ['t1', 't2'],
        notes: 'Likes tea',
        born: '1815-12-10',
      }),
      defaultFieldContext,
    );
    expect(result).toEqual({
      fullName: 'Ada Lovelace',
      givenName: 'Ada',
      familyName: 'Lovelace',
      organization: 'Analytical Engines',
      title: 'Countess',
      emails: [
        { value: 'ada@example.com', types: [] },
        { value: 'ada@home.example', types: ['home'] },
      ],
      phones: [
        { value: '+442079460958', types: ['work'] },
        { value: '07700 900123 ext 4', types: ['cell'] },
      ],
      addresses: [
        { street: '12 High Street', city: 'London', region: '', postalCode: 'SW1A 1AA', country: '', types: [] },
      ],
      urls: [{ value: 'https://example.com/ada', types: [] }],
      birthday: '1815-12-10',
      note: 'Likes tea',
      categories: ['VIP', 'Newsletter'],
    });
  });

  it('splits a single name column', () => {
    const simple = {
      id: 's2',
      name: 'Clients',
      fields: [{ id: 'name', name: 'Name', type: 'text', settings: {}, role: 'name' }],
    } as SheetRecord;
    const result = contactFromRow(simple, row({ name: 'Ada King Lovelace' }), defaultFieldContext);
    expect(result.fullName).toBe('Ada King Lovelace');
    expect(result.givenName).toBe('Ada King');
    expect(result.familyName).toBe('Lovelace');
  });

  it('gives an empty row an empty card', () => {
    const result = contactFromRow(sheet, row({}), defaultFieldContext);
    expect(result).toEqual(emptyContact());
  });
});

describe('vCard round trip', () => {
  // Characters that stress escaping, folding and UTF-8: delimiters, backslash, line breaks, controls, emoji.
  const character = fc.oneof(
    fc.constantFrom(',', ';', ':', '\\', '\n', '"', '=', ' ', '\t', '\u0001', '\u007f', 'é', 'ß', '€', '😀', '日'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  );
  // The parser trims values and reads every line break as \n, so generated text is trimmed and has no CR.
  const text = fc.string({ unit: character, maxLength: 90 }).map((value) => value.replaceAll('\r', '').trim());
  const nonEmptyText = text.filter((value) => value !== '');

  const types = (choices: string[]) =>
    fc
      .tuple(fc.subarray(choices), fc.boolean())
      .map(([chosen, preferred]) => (preferred ? [...chosen, 'pref'] : chosen));

  const phone = fc.oneof(fc.stringMatching(/^\+[1-9]\d{6,14}$/), fc.stringMatching(/^[0-9][0-9 ()-]{3,15}[0-9]$/));

  const birthday = fc.oneof(
    fc.constant(''),
    fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10)),
    fc
      .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([month, day]) => `--${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`),
  );

  const address = fc
    .record({
      street: text,
      city: text,
      region: text,
      postalCode: text,
      country: text,
      types: types(['home', 'work']),
    })
    .filter((each) => [each.street, each.city, each.region, each.postalCode, each.country].some((part) => part !== ''));

  const contactArbitrary: fc.Arbitrary<VCardContact> = fc.record({
    fullName: nonEmptyText,
    givenName: text,
    familyName: text,
    organization: text,
    title: text,
    emails: fc.array(fc.record({ value: nonEmptyText, types: types(['work', 'home', 'internet']) }), { maxLength: 3 }),
    phones: fc.array(fc.record({ value: phone, types: types(['cell', 'work', 'home', 'voice', 'fax']) }), {
      maxLength: 3,
    }),
    addresses: fc.array(address, { maxLength: 2 }),
    urls: fc.array(fc.record({ value: fc.webUrl(), types: types(['work', 'home']) }), { maxLength: 2 }),
    birthday,
    note: text,
    categories: fc.uniqueArray(nonEmptyText, { maxLength: 4 }),
  });

  it('parse(write(contacts)) gives the contacts back', () => {
    fc.assert(
      fc.property(fc.array(contactArbitrary, { minLength: 1, maxLength: 3 }), (contacts) => {
        const parsed = parseVCards(writeVCards(contacts));
        expect(parsed.problems).toEqual([]);
        expect(parsed.contacts).toEqual(contacts);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every physical line within 75 octets', () => {
    fc.assert(
      fc.property(contactArbitrary, (each) => {
        const written = writeVCards([each]);
        for (const line of physicalLines(written)) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
      }),
      { numRuns: 200 },
    );
  });
});
