import { describe, expect, it } from 'vitest';
import { longTextField, normaliseLineBreaks } from './longText';
import { makeContext, makeField } from './testFields';

const field = makeField('longText');
const ctx = makeContext();

describe('longTextField', () => {
  it('turns CRLF and CR into LF', () => {
    expect(longTextField.parse('one\r\ntwo\rthree\nfour', field, ctx)).toEqual({
      ok: true,
      value: 'one\ntwo\nthree\nfour',
    });
    expect(normaliseLineBreaks('a\r\n\r\nb')).toBe('a\n\nb');
  });

  it('keeps surrounding spaces', () => {
    expect(longTextField.parse('  indented\n', field, ctx)).toEqual({ ok: true, value: '  indented\n' });
  });

  it('reads blank text as null', () => {
    expect(longTextField.parse('', field, ctx)).toEqual({ ok: true, value: null });
    expect(longTextField.fromCsv('\r\n', field, ctx)).toEqual({ ok: true, value: null });
  });

  it('normalises CSV line breaks', () => {
    expect(longTextField.fromCsv('a\r\nb', field, ctx)).toEqual({ ok: true, value: 'a\nb' });
    expect(longTextField.toCsv('a\nb', field, ctx)).toBe('a\nb');
  });

  it('validates strings only', () => {
    expect(longTextField.validate('x', field)).toBeNull();
    expect(longTextField.validate(['x'], field)).not.toBeNull();
  });
});
