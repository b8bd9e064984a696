import { describe, expect, it } from 'vitest';
import { selectField } from './select';
import { makeContext, makeField } from './testFields';

const options = [
  { id: 'o-lead', label: 'Lead' },
  { id: 'o-won', label: 'Won' },
  { id: 'o-lost', label: 'Lost' },
];
const field = makeField('select', options);
const ctx = makeContext();

describe('selectField', () => {
  it('matches labels ignoring case and spaces', () => {
    expect(selectField.parse('won', field, ctx)).toEqual({ ok: true, value: 'o-won' });
    expect(selectField.parse('  LEAD ', field, ctx)).toEqual({ ok: true, value: 'o-lead' });
  });

  it('rejects unknown labels listing the choices', () => {
    expect(selectField.parse('Maybe', field, ctx)).toEqual({
      ok: false,
      error: '"Maybe" is not one of the choices. The choices are: Lead, Won, Lost.',
    });
  });

  it('explains a field without choices', () => {
    const result = selectField.parse('Lead', makeField('select'), ctx);
    expect(result).toEqual({ ok: false, error: '"Lead" is not one of the choices. This field has no choices yet.' });
  });

  it('does not match an option id as a label', () => {
    expect(selectField.parse('o-won', field, ctx).ok).toBe(false);
  });

  it('reads empty text as null', () => {
    expect(selectField.parse(' ', field, ctx)).toEqual({ ok: true, value: null });
  });

  it('formats and exports labels', () => {
    expect(selectField.format('o-lost', field, ctx)).toBe('Lost');
    expect(selectField.toCsv('o-lost', field, ctx)).toBe('Lost');
    expect(selectField.fromCsv('Lost', field, ctx)).toEqual({ ok: true, value: 'o-lost' });
  });

  it('shows the id of a deleted option', () => {
    expect(selectField.format('o-gone', field, ctx)).toBe('o-gone');
  });

  it('compares by option order', () => {
    expect(selectField.compare('o-lost', 'o-lead', field)).toBeGreaterThan(0);
    expect(selectField.compare('o-lead', 'o-won', field)).toBeLessThan(0);
    expect(selectField.compare('o-gone', 'o-lost', field)).toBeGreaterThan(0);
  });

  it('validates known option ids', () => {
    expect(selectField.validate('o-won', field)).toBeNull();
    expect(selectField.validate('o-gone', field)).toBe('The option "o-gone" no longer exists');
    expect(selectField.validate(1, field)).not.toBeNull();
  });
});
