import { describe, expect, it } from 'vitest';
import { textField } from './text';
import { makeContext, makeField } from './testFields';

const field = makeField('text');
const ctx = makeContext();

describe('textField', () => {
  it('keeps text exactly as typed', () => {
    expect(textField.parse('  Ada Lovelace ', field, ctx)).toEqual({ ok: true, value: '  Ada Lovelace ' });
    expect(textField.parse('line\r\nbreak', field, ctx)).toEqual({ ok: true, value: 'line\r\nbreak' });
  });

  it('reads empty and blank text as null', () => {
    expect(textField.parse('', field, ctx)).toEqual({ ok: true, value: null });
    expect(textField.parse('   ', field, ctx)).toEqual({ ok: true, value: null });
  });

  it('round-trips through CSV', () => {
    const csv = textField.toCsv('a, "b"', field, ctx);
    expect(textField.fromCsv(csv, field, ctx)).toEqual({ ok: true, value: 'a, "b"' });
  });

  it('sorts case-insensitively with numbers', () => {
    expect(textField.compare('apple', 'Banana', field)).toBeLessThan(0);
    expect(textField.compare('item 2', 'item 10', field)).toBeLessThan(0);
    expect(textField.compare('ABC', 'abc', field)).toBe(0);
  });

  it('validates strings only', () => {
    expect(textField.validate('x', field)).toBeNull();
    expect(textField.validate(3, field)).toMatch(/string/);
  });
});
