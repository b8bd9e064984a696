import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { parseCsvText } from '../csv/parse';
import { contactLayoutToTable, detectContactLayout } from './contactLayouts';
import { CONTACT_TABLE_HEADERS, contactsToTable, formatAddress } from './contactTable';

function readFixture(name: string) {
  const text = readFileSync(new URL(`../../../tests/fixtures/import/${name}`, import.meta.url), 'utf8');
  return parseCsvText(text);
}

/** Returns one row of a table as an object keyed by header, leaving out empty cells. */
function rowObject(headers: readonly string[], row: readonly string[]): Record<string, string> {
  return Object.fromEntries(headers.map((header, index) => [header, row[index] ?? '']).filter(([, value]) => value));
}

describe('detectContactLayout', () => {
  it('recognises each export layout', () => {
    expect(detectContactLayout(readFixture('google-current.csv').headers)).toBe('googleCurrent');
    expect(detectContactLayout(readFixture('google-legacy.csv').headers)).toBe('googleLegacy');
    expect(detectContactLayout(readFixture('outlook.csv').headers)).toBe('outlook');
  });

  it('leaves other files alone', () => {
    expect(detectContactLayout(['Name', 'Email', 'Phone'])).toBeUndefined();
    expect(detectContactLayout(['First Name', 'Last Name', 'Company', 'Phone 1', 'Email'])).toBeUndefined();
  });
});

describe('Google Contacts current layout', () => {
  const file = readFixture('google-current.csv');
  const table = contactLayoutToTable('googleCurrent', file.headers, file.rows);

  it('splits multi-values into Email 2, Phone 2 and Notes', () => {
    expect(rowObject(table.headers, table.rows[0]!)).toEqual({
      Name: 'Ada Quill',
      Company: 'Quill & Daughters',
      'Job title': 'Owner',
      Email: 'ada@quill.example',
      'Email 2': 'ada.quill@mail.example',
      Phone: '+44 7700 900123',
      'Phone 2': '01632 960001',
      Address: '1 Mill Lane, SY8 1AA Ludlow, Shropshire, United Kingdom',
      Website: 'https://quill.example',
      Birthday: '1984-05-17',
      Notes: 'Met at the spring fair\nOther emails: ada.home@mail.example',
      Tags: 'Clients, VIP',
      Nickname: 'Ads',
    });
  });

  it('splits a multi-value phone and flags a year-less birthday', () => {
    const bram = rowObject(table.headers, table.rows[1]!);
    expect(bram['Name']).toBe('Bram J. Oakes');
    expect(bram['Phone']).toBe('07700 900456');
    expect(bram['Phone 2']).toBe('07700 900789');
    expect(bram['Birthday']).toBe('--04-15');
    expect(table.flagged).toEqual([
      {
        row: 1,
        column: table.headers.indexOf('Birthday'),
        reason: 'the birthday --04-15 has no year, so it is kept as text',
      },
    ]);
  });

  it('keeps unread columns with values and says so', () => {
    expect(table.headers).toEqual([...CONTACT_TABLE_HEADERS, 'Nickname']);
    expect(table.note).toContain('Google Contacts export (current layout)');
    expect(table.note).toContain('Other columns with values are kept as they are: Nickname.');
  });
});

describe('Google Contacts legacy layout', () => {
  const file = readFixture('google-legacy.csv');
  const table = contactLayoutToTable('googleLegacy', file.headers, file.rows);

  it('reads names, groups and starred values', () => {
    expect(rowObject(table.headers, table.rows[0]!)).toEqual({
      Name: 'Cleo Marsh',
      Company: 'Marsh Bakery',
      'Job title': 'Head baker',
      Email: 'cleo@marsh.example',
      'Email 2': 'c.marsh@work.example',
      Phone: '+1 555 0100',
      'Phone 2': '+1 555 0101',
      Address: '22 Elm Street, Springfield',
      Website: 'https://marsh.example/blog',
      Birthday: '1975-12-12',
      Notes: 'Prefers "morning" calls',
      Tags: 'Trade',
    });
  });
});

describe('Outlook layout', () => {
  const file = readFixture('outlook.csv');
  const table = contactLayoutToTable('outlook', file.headers, file.rows);

  it('keeps the honorific apart from the job title', () => {
    expect(rowObject(table.headers, table.rows[0]!)).toEqual({
      Name: 'Dana Rowe',
      Company: 'Rowe Consulting',
      'Job title': 'Managing Director',
      Email: 'dana@rowe.example',
      'Email 2': 'd.rowe@mail.example',
      Phone: '07700 900321',
      'Phone 2': '0113 496 0000',
      Address: '2 Bridge Road, LS1 4AP Leeds, West Yorkshire, United Kingdom',
      Website: 'www.rowe.example',
      Birthday: '3/22/1980',
      Notes: 'Prefers email',
      Tags: 'Clients, Leeds',
      Honorific: 'Ms.',
      Department: 'Advisory',
    });
  });

  it('treats 0/0/00 as no birthday', () => {
    const evan = rowObject(table.headers, table.rows[1]!);
    expect(evan['Name']).toBe('Evan T Price Jr.');
    expect(evan['Birthday']).toBeUndefined();
    expect(evan['Honorific']).toBe('Mr.');
    expect(table.note).toContain('kept as Honorific');
  });
});

describe('contactsToTable', () => {
  it('puts preferred values first', () => {
    const table = contactsToTable([
      {
        fullName: 'Fay Lin',
        givenName: 'Fay',
        familyName: 'Lin',
        organization: '',
        title: '',
        emails: [
          { value: 'old@lin.example', types: [] },
          { value: 'main@lin.example', types: ['pref'] },
        ],
        phones: [],
        addresses: [],
        urls: [],
        birthday: '',
        note: '',
        categories: [],
      },
    ]);
    expect(table.rows[0]!.slice(3, 5)).toEqual(['main@lin.example', 'old@lin.example']);
  });

  it('formats an address on one line', () => {
    expect(
      formatAddress({ street: 'Flat 2\n3 Rose Row', city: 'Bath', region: '', postalCode: 'BA1 1AA', country: 'UK' }),
    ).toBe('Flat 2, 3 Rose Row, BA1 1AA Bath, UK');
  });
});
