import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { defaultFieldContext } from '../fields/registry';
import type { FieldContext } from '../fields/types';
import { analyseFile } from './analyseFile';
import { planFile } from './planFile';
import type { NewSheetColumnChoice } from './protocol';

const ctx: FieldContext = { ...defaultFieldContext, locale: 'en-GB', defaultCountry: 'GB', dateOrder: 'dmy' };

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const byteOrderMark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  const bytes: number[] = bom ? byteOrderMark : [];
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const pair = [code & 0xff, code >> 8];
    bytes.push(...(endian === 'le' ? pair : pair.reverse()));
  }
  return new Uint8Array(bytes);
}

/** Encodes text in Windows-1252 for the Latin-1 range, which is all these tests use. */
function windows1252(text: string): Uint8Array {
  return new Uint8Array([...text].map((character) => character.charCodeAt(0)));
}

function analyse(bytes: Uint8Array, fileName = 'people.csv') {
  return analyseFile({ bytes, fileName, ctx });
}

const keepAll = (count: number): NewSheetColumnChoice[] =>
  Array.from({ length: count }, () => ({ keep: true, type: 'text' }));

describe('analyseFile reads CSV quirks', () => {
  const expected = {
    headers: ['Name', 'City'],
    rows: [
      ['Ada', 'Ludlow'],
      ['Bram', 'Bath'],
    ],
  };

  it.each([
    ['comma', 'Name,City\nAda,Ludlow\nBram,Bath\n', ','],
    ['semicolon', 'Name;City\nAda;Ludlow\nBram;Bath\n', ';'],
    ['tab', 'Name\tCity\nAda\tLudlow\nBram\tBath\n', '\t'],
    ['pipe', 'Name|City\nAda|Ludlow\nBram|Bath\n', '|'],
  ])('detects a %s delimiter', (_name, text, delimiter) => {
    const { analysis } = analyse(utf8(text));
    expect(analysis.delimiter).toBe(delimiter);
    expect(analysis.headers).toEqual(expected.headers);
    expect(analysis.previewRows).toEqual(expected.rows);
  });

  it.each([
    ['CR', '\r'],
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('reads %s line endings and blank trailing lines', (_name, lineEnd) => {
    const text = ['Name,City', 'Ada,Ludlow', 'Bram,Bath', '', '', ''].join(lineEnd);
    const { analysis } = analyse(utf8(text));
    expect(analysis.rowCount).toBe(2);
    expect(analysis.previewRows).toEqual(expected.rows);
  });

  it('keeps quoted line breaks and doubled quotes', () => {
    const { analysis } = analyse(utf8('Name,Notes\r\n"Ada","Said ""hello""\r\non Monday"\r\nBram,plain\r\n'));
    expect(analysis.previewRows).toEqual([
      ['Ada', 'Said "hello"\r\non Monday'],
      ['Bram', 'plain'],
    ]);
    expect(analysis.newSheetFields[1]!.type).toBe('longText');
  });

  it.each([
    ['LE with BOM', 'le', true],
    ['LE without BOM', 'le', false],
    ['BE with BOM', 'be', true],
    ['BE without BOM', 'be', false],
  ] as const)('decodes UTF-16 %s', (_name, endian, bom) => {
    const { analysis } = analyse(utf16('Name,City\r\nZoë,Zürich\r\n', endian, bom));
    expect(analysis.encoding).toBe(endian === 'le' ? 'utf-16le' : 'utf-16be');
    expect(analysis.hadBom).toBe(bom);
    expect(analysis.previewRows).toEqual([['Zoë', 'Zürich']]);
  });

  it('falls back to Windows-1252 for accents that are not UTF-8', () => {
    const { analysis } = analyse(windows1252('Name;Stadt\r\nRenée;Köln\r\nJosé;Málaga\r\n'));
    expect(analysis.encoding).toBe('windows-1252');
    expect(analysis.previewRows).toEqual([
      ['Renée', 'Köln'],
      ['José', 'Málaga'],
    ]);
  });

  it('rejects binary data', () => {
    expect(() => analyse(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3, 0, 0, 0]))).toThrow(/binary data/);
  });
});

describe('analyseFile finds Excel damage', () => {
  const text =
    'Name;Phone 1;Index\r\nAda;+44 7700 900123;1\r\nBram;-9892;2\r\nCleo;07700 900456;1,30E+01\r\nDev;0113 496 0000;4\r\n';

  it('lists damaged cells and keeps the phone column a phone column', () => {
    const { analysis } = analyse(utf8(text));
    expect(analysis.flagged.map(({ rowNumber, column, value }) => [rowNumber, column, value])).toEqual([
      [3, 1, '-9892'],
      [4, 2, '1,30E+01'],
    ]);
    expect(analysis.newSheetFields[1]!.type).toBe('phone');
  });

  it('stores damaged cells as invalid values instead of converting them', () => {
    const { loaded, analysis } = analyse(utf8(text));
    const plan = planFile(loaded, {
      ctx,
      dateOrders: [],
      readings: [],
      target: { kind: 'newSheet', columns: analysis.newSheetFields.map((field) => ({ keep: true, type: field.type })) },
      existing: [],
      duplicateMode: 'add',
    });
    const [phone, index] = [analysis.newSheetFields[1]!.id, analysis.newSheetFields[2]!.id];
    expect(plan.rejected).toEqual([]);
    expect(plan.rows[1]![phone]).toEqual({ invalid: '-9892' });
    expect(plan.rows[2]![index]).toEqual({ invalid: '1,30E+01' });
    expect(plan.rows[0]![phone]).toEqual({ text: '+44 7700 900123', e164: '+447700900123' });
  });
});

describe('analyseFile dates and numbers', () => {
  it('leaves ambiguous dates without a format until the user picks one', () => {
    const { loaded, analysis } = analyse(utf8('Name;Geburtstag;Betrag\nAda;05.03.1990;1,50\nBram;11.12.1985;12,75\n'));
    expect(analysis.dateDetections[1]).toEqual({ ambiguous: true, candidates: ['mdy', 'dmyDots'] });
    expect(analysis.newSheetFields[1]!.type).toBe('date');
    expect(analysis.decimal.mark).toBe(',');

    const plan = planFile(loaded, {
      ctx,
      dateOrders: [],
      readings: [{}, { dateFormat: 'mdy' }, { decimalMark: ',' }],
      target: { kind: 'newSheet', columns: analysis.newSheetFields.map((field) => ({ keep: true, type: field.type })) },
      existing: [],
      duplicateMode: 'add',
    });
    const [, birthday, amount] = analysis.newSheetFields.map((field) => field.id);
    expect(plan.rows.map((row) => row[birthday!])).toEqual(['1990-05-03', '1985-11-12']);
    expect(plan.rows.map((row) => row[amount!])).toEqual([1.5, 12.75]);
  });

  it('turns Excel serials under a date header into a date column', () => {
    const { analysis } = analyse(utf8('Name,Customer since\nAda,44927\nBram,45382\n'));
    expect(analysis.dateDetections[1]!.format).toBe('excelSerial');
    expect(analysis.newSheetFields[1]!.type).toBe('date');
  });
});

describe('analyseFile contact files', () => {
  it('reads a vCard file into the contact table', () => {
    const vcf = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Quill\r\nEMAIL:ada@example.com\r\nBDAY:--0415\r\nEND:VCARD\r\n';
    const { analysis, loaded } = analyse(utf8(vcf), 'contacts.vcf');
    expect(analysis.source).toBe('vcard');
    expect(analysis.rowLabel).toBe('Card');
    expect(analysis.headers.slice(0, 4)).toEqual(['Name', 'Company', 'Job title', 'Email']);
    expect(analysis.flagged).toEqual([
      { rowNumber: 1, column: 9, value: '--04-15', reason: 'the birthday --04-15 has no year, so it is kept as text' },
    ]);

    const plan = planFile(loaded, {
      ctx,
      dateOrders: [],
      readings: [],
      target: { kind: 'newSheet', columns: keepAll(analysis.headers.length) },
      existing: [],
      duplicateMode: 'add',
    });
    expect(plan.rows[0]![analysis.newSheetFields[9]!.id]).toEqual({ invalid: '--04-15' });
  });

  it('reports vCard problems with card and line', () => {
    const { analysis } = analyse(utf8('BEGIN:VCARD\nFN:Ada\nBDAY:someday\nEND:VCARD\n'), 'x.vcf');
    expect(analysis.warnings).toEqual(['Card 1, line 3: BDAY "someday" is not a date, so it was left out.']);
  });

  it('detects a Google export and says so', () => {
    const csv =
      'First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value,Organization Name\nAda,Quill,* Work,a@x.example ::: b@x.example,Quill Ltd\n';
    const { analysis } = analyse(utf8(csv));
    expect(analysis.layoutNote).toMatch(/^Recognised a Google Contacts export \(current layout\)/);
    expect(analysis.previewRows[0]!.slice(0, 5)).toEqual(['Ada Quill', 'Quill Ltd', '', 'a@x.example', 'b@x.example']);
  });
});

describe('planFile duplicates', () => {
  const csv = 'Name,Email\nAda Quill,ada@example.com\nBram Oakes,bram@example.com\nada quill,ADA@example.com\n';

  it('counts and skips rows already in the sheet and within the file', () => {
    const { loaded, analysis } = analyse(utf8(csv));
    const fields = analysis.newSheetFields;
    const plan = planFile(loaded, {
      ctx,
      dateOrders: [],
      readings: [],
      target: {
        kind: 'existingSheet',
        fields,
        mapping: { columns: fields.map((field) => ({ kind: 'field' as const, fieldId: field.id })) },
      },
      existing: [{ rowId: 'r-bram', keys: { email: 'bram@example.com' } }],
      duplicateMode: 'skip',
    });
    expect(plan.rows.map((row) => row[fields[0]!.id])).toEqual(['Ada Quill']);
    expect(plan.skippedDuplicates).toBe(2);
    expect(plan.duplicates).toEqual({ existing: { email: 1, phone: 0, name: 0 }, withinFile: 1 });
  });
});

describe('analyseFile never throws unexpectedly', () => {
  it('handles random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('a.csv', 'b.vcf'), (bytes, fileName) => {
        try {
          const { analysis } = analyse(bytes, fileName);
          expect(analysis.rowCount).toBeGreaterThanOrEqual(0);
        } catch (error) {
          // Only the two messages meant for the user may come out.
          expect(String(error)).toMatch(/binary data|contains no vCard/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('handles random CSV-like text', () => {
    const pieces = fc.constantFrom(
      ',',
      ';',
      '\t',
      '|',
      '"',
      '""',
      '\r',
      '\n',
      '\r\n',
      'a',
      'é',
      '1,5',
      '-12',
      '0123',
      ' ::: ',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 80 }), (parts) => {
        const { analysis } = analyse(utf8(parts.join('')));
        expect(analysis.headers.length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
