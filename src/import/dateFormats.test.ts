import { describe, expect, it } from 'vitest';

import { dateTextAs, detectDateFormat, excelSerialToIso } from './dateFormats';

describe('dateTextAs', () => {
  it.each([
    ['2024-03-31', 'iso', '2024-03-31'],
    ['2024/3/5', 'iso', '2024-03-05'],
    ['31/03/2024', 'dmy', '2024-03-31'],
    ['5-3-2024', 'dmy', '2024-03-05'],
    ['03/31/2024', 'mdy', '2024-03-31'],
    ['3.31.2024', 'mdy', '2024-03-31'],
    ['31.03.2024', 'dmyDots', '2024-03-31'],
    ['5. 3. 2024', 'dmyDots', '2024-03-05'],
    ['45382', 'excelSerial', '2024-03-31'],
  ] as const)('reads %s as %s', (text, format, expected) => {
    expect(dateTextAs(text, format)).toBe(expected);
  });

  it('refuses other shapes and impossible days', () => {
    expect(dateTextAs('31.03.2024', 'dmy')).toBeUndefined();
    expect(dateTextAs('31/02/2024', 'dmy')).toBeUndefined();
    expect(dateTextAs('13/31/2024', 'mdy')).toBeUndefined();
    expect(dateTextAs('5 Mar 2024', 'iso')).toBeUndefined();
  });
});

describe('excelSerialToIso', () => {
  it('follows Excel 1900 dates', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(44927)).toBe('2023-01-01');
    expect(excelSerialToIso(45382.75)).toBe('2024-03-31');
  });

  it('rejects the leap day that never was', () => {
    expect(excelSerialToIso(60)).toBeUndefined();
    expect(excelSerialToIso(0)).toBeUndefined();
  });
});

describe('detectDateFormat', () => {
  it('settles the order when a day is over 12', () => {
    expect(detectDateFormat(['01/02/2024', '25/12/2024'], 'Date')).toMatchObject({ format: 'dmy', ambiguous: false });
    expect(detectDateFormat(['01/02/2024', '12/25/2024'], 'Date')).toMatchObject({ format: 'mdy', ambiguous: false });
    expect(detectDateFormat(['24.08.2020', '01.02.2021'], 'Date')).toMatchObject({ format: 'dmyDots' });
  });

  it('marks ambiguous dates without a format', () => {
    expect(detectDateFormat(['01/02/2024', '03/04/2024'], 'Date')).toEqual({
      ambiguous: true,
      candidates: ['dmy', 'mdy'],
    });
    expect(detectDateFormat(['05.03.2024', '', '11.12.2023'], 'Geburtstag')).toMatchObject({ ambiguous: true });
  });

  it('is not ambiguous when both orders give the same days', () => {
    expect(detectDateFormat(['01/01/2024', '07/07/2024'], 'Date')).toMatchObject({ format: 'dmy', ambiguous: false });
  });

  it('finds ISO dates', () => {
    expect(detectDateFormat(['2024-01-02', '2024-11-30'], 'Since')).toMatchObject({ format: 'iso', ambiguous: false });
  });

  it('finds Excel serials only under a date header', () => {
    expect(detectDateFormat(['44927', '45382'], 'Customer since')).toMatchObject({ format: 'excelSerial' });
    expect(detectDateFormat(['44927', '45382'], 'Units sold')).toEqual({ ambiguous: false, candidates: [] });
  });

  it('finds nothing in text', () => {
    expect(detectDateFormat(['soon', '2024-01-01'], 'Date')).toEqual({ ambiguous: false, candidates: [] });
    expect(detectDateFormat(['', ' '], 'Date')).toEqual({ ambiguous: false, candidates: [] });
  });
});
