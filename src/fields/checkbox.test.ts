import { describe, expect, it } from 'vitest';
import { checkboxField } from './checkbox';
import { makeContext, makeField } from './testFields';

const field = makeField('checkbox');
const ctx = makeContext();

describe('checkboxField', () => {
  it.each(['true', 'TRUE', 'Yes', 'y', '1', 'x', 'X', '✓', '✔', 'checked', 'on', ' yes '])(
    'reads %s as true',
    (text) => {
      expect(checkboxField.parse(text, field, ctx)).toEqual({ ok: true, value: true });
    },
  );

  it.each(['false', 'FALSE', 'No', 'n', '0', 'unchecked', 'off'])('reads %s as false', (text) => {
    expect(checkboxField.parse(text, field, ctx)).toEqual({ ok: true, value: false });
  });

  it('rejects other words', () => {
    expect(checkboxField.parse('maybe', field, ctx)).toEqual({
      ok: false,
      error: '"maybe" is not a valid checkbox value. Use yes or no.',
    });
  });

  it('reads empty text as null', () => {
    expect(checkboxField.parse('', field, ctx)).toEqual({ ok: true, value: null });
  });

  it('formats a tick or nothing', () => {
    expect(checkboxField.format(true, field, ctx)).toBe('✓');
    expect(checkboxField.format(false, field, ctx)).toBe('');
  });

  it('writes Excel booleans', () => {
    expect(checkboxField.toCsv(true, field, ctx)).toBe('TRUE');
    expect(checkboxField.toCsv(false, field, ctx)).toBe('FALSE');
    expect(checkboxField.fromCsv('FALSE', field, ctx)).toEqual({ ok: true, value: false });
  });

  it('sorts false first', () => {
    expect(checkboxField.compare(false, true, field)).toBeLessThan(0);
    expect(checkboxField.compare(true, true, field)).toBe(0);
  });

  it('validates booleans', () => {
    expect(checkboxField.validate(true, field)).toBeNull();
    expect(checkboxField.validate('true', field)).not.toBeNull();
  });
});
