import { describe, expect, it } from 'vitest';
import {
  cellToCsv,
  cellValueOrInvalid,
  compareCells,
  convertCell,
  defaultFieldContext,
  fieldTypeOrder,
  fieldTypes,
  formatCell,
  getFieldType,
  isEmptyCell,
  isFieldType,
  isInvalid,
  parseCell,
  parseCsvCell,
  validateCell,
} from './registry';
import { ALL_FIELD_TYPES as ALL_TYPES, makeContext, makeField } from './testFields';
import type { CellValue, FieldType } from './types';

const ctx = makeContext();

describe('fieldTypes', () => {
  it('has a module for every type', () => {
    expect(Object.keys(fieldTypes).sort()).toEqual([...ALL_TYPES].sort());
    for (const type of ALL_TYPES) {
      expect(fieldTypes[type].type).toBe(type);
      expect(getFieldType(type)).toBe(fieldTypes[type]);
    }
    expect(fieldTypeOrder).toEqual(ALL_TYPES);
  });

  it('rejects unknown type names', () => {
    expect(() => getFieldType('formula' as FieldType)).toThrow('Unknown field type "formula"');
    expect(isFieldType('toString')).toBe(false);
    expect(isFieldType('date')).toBe(true);
  });

  it('reads empty text as null for every type', () => {
    for (const type of ALL_TYPES) {
      expect(parseCell('', makeField(type), ctx)).toEqual({ ok: true, value: null });
      expect(parseCsvCell('', makeField(type), ctx)).toEqual({ ok: true, value: null });
    }
  });

  it('exports the default context', () => {
    expect(defaultFieldContext).toEqual({ locale: 'en-GB', currency: 'GBP', defaultCountry: 'GB', dateOrder: 'dmy' });
  });
});

describe('cell helpers', () => {
  const number = makeField('number');
  const select = makeField('select', [{ id: 'a', label: 'Alpha' }]);

  it('detects empty cells', () => {
    for (const value of [null, undefined, '', []] as (CellValue | undefined)[]) expect(isEmptyCell(value)).toBe(true);
    for (const value of [0, false, ' ', ['a'], { invalid: '' }] as CellValue[]) expect(isEmptyCell(value)).toBe(false);
  });

  it('detects invalid values', () => {
    expect(isInvalid({ invalid: '12abc' })).toBe(true);
    expect(isInvalid({ text: '12' })).toBe(false);
    expect(isInvalid(null)).toBe(false);
    expect(isInvalid(['invalid'])).toBe(false);
  });

  it('formats empty, invalid and valid values', () => {
    expect(formatCell(null, number, ctx)).toBe('');
    expect(formatCell(undefined, number, ctx)).toBe('');
    expect(formatCell({ invalid: '12abc' }, number, ctx)).toBe('12abc');
    expect(formatCell(1234.5, number, ctx)).toBe('1,234.5');
    expect(formatCell('a', select, ctx)).toBe('Alpha');
    expect(formatCell('gone', select, ctx)).toBe('gone');
  });

  it('formats a value of the wrong shape as text', () => {
    expect(formatCell('hello', number, ctx)).toBe('hello');
    expect(formatCell({ minor: 1250, currency: 'GBP' }, makeField('text'), ctx)).toBe('12.50 GBP');
  });

  it('names the value in parse errors', () => {
    expect(parseCell('31/02/2024', makeField('date'), ctx)).toEqual({
      ok: false,
      error: '"31/02/2024" is not a valid date',
    });
  });

  it('keeps failed text as an InvalidValue', () => {
    expect(cellValueOrInvalid(parseCell('12abc', number, ctx), '12abc')).toEqual({ invalid: '12abc' });
    expect(cellValueOrInvalid(parseCell('12', number, ctx), '12')).toBe(12);
  });

  it('writes CSV cells', () => {
    expect(cellToCsv(null, number, ctx)).toBe('');
    expect(cellToCsv({ invalid: 'n/a' }, number, ctx)).toBe('n/a');
    expect(cellToCsv(0.5, makeField('percent'), ctx)).toBe('50');
  });

  it('validates cells', () => {
    expect(validateCell(null, number)).toBeNull();
    expect(validateCell(3, number)).toBeNull();
    expect(validateCell({ invalid: 'abc' }, number)).toBe('"abc" is not a valid number value');
    expect(validateCell('x', number)).not.toBeNull();
  });

  it('sorts valid, then invalid, then empty', () => {
    const values: (CellValue | undefined)[] = [null, { invalid: 'zz' }, 10, undefined, { invalid: 'aa' }, 2, 'wrong'];
    values.sort((a, b) => compareCells(a, b, number));
    expect(values).toEqual([2, 10, { invalid: 'aa' }, 'wrong', { invalid: 'zz' }, null, undefined]);
  });

  it('sorts deleted select options last among valid values', () => {
    const values: CellValue[] = ['gone', null, 'a'];
    values.sort((a, b) => compareCells(a, b, select));
    expect(values).toEqual(['a', 'gone', null]);
  });
});

describe('convertCell', () => {
  it('converts between types through CSV text', () => {
    expect(convertCell(1234.5, makeField('number'), makeField('currency'), ctx)).toEqual({
      minor: 123450,
      currency: 'GBP',
    });
    expect(convertCell('2024-03-05', makeField('date'), makeField('text'), ctx)).toBe('2024-03-05');
    expect(convertCell('a', makeField('select', [{ id: 'a', label: 'Alpha' }]), makeField('text'), ctx)).toBe('Alpha');
  });

  it('keeps text the new type cannot read', () => {
    expect(convertCell('call back', makeField('text'), makeField('date'), ctx)).toEqual({ invalid: 'call back' });
    expect(convertCell(null, makeField('text'), makeField('date'), ctx)).toBeNull();
  });

  it('retries an InvalidValue under the new type', () => {
    expect(convertCell({ invalid: '12abc' }, makeField('number'), makeField('text'), ctx)).toBe('12abc');
  });
});
