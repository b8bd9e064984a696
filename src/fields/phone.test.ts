import { describe, expect, it } from 'vitest';
import { phoneField, toE164 } from './phone';
import { makeContext, makeField } from './testFields';

const field = makeField('phone');
const gb = makeContext({ defaultCountry: 'GB' });
const us = makeContext({ defaultCountry: 'US' });

describe('phoneField', () => {
  it('computes E.164 for a national number', () => {
    expect(phoneField.parse('020 7946 0958', field, gb)).toEqual({
      ok: true,
      value: { text: '020 7946 0958', e164: '+442079460958' },
    });
  });

  it('uses the default country', () => {
    expect(phoneField.parse('(213) 373-4253', field, us)).toEqual({
      ok: true,
      value: { text: '(213) 373-4253', e164: '+12133734253' },
    });
  });

  it('keeps international numbers regardless of country', () => {
    const result = phoneField.parse(' +1-813-324-8756 ', field, gb);
    expect(result).toEqual({ ok: true, value: { text: '+1-813-324-8756', e164: '+18133248756' } });
  });

  it.each([
    '001-808-617-6467x12895',
    '(496)452-6181x3291',
    '+1-813-324-8756',
    '229.077.5154',
    '0123 456789',
    '12',
    'call 555',
  ])('keeps the text of %s', (text) => {
    for (const ctx of [gb, us]) {
      const result = phoneField.parse(text, field, ctx);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value?.text).toBe(text);
    }
  });

  it('leaves out the extension from E.164', () => {
    const result = phoneField.parse('(496)452-6181x3291', field, us);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value?.e164).toBe('+14964526181');
  });

  it('has no E.164 for impossible numbers', () => {
    const result = phoneField.parse('12', field, gb);
    expect(result).toEqual({ ok: true, value: { text: '12' } });
  });

  it('rejects text without digits', () => {
    expect(phoneField.parse('n/a', field, gb)).toEqual({
      ok: false,
      error: '"n/a" is not a valid phone number because it has no digits',
    });
  });

  it('reads empty text as null', () => {
    expect(phoneField.parse('', field, gb)).toEqual({ ok: true, value: null });
  });

  it('formats and exports the text', () => {
    const value = { text: '020 7946 0958', e164: '+442079460958' };
    expect(phoneField.format(value, field, gb)).toBe('020 7946 0958');
    expect(phoneField.toCsv(value, field, gb)).toBe('020 7946 0958');
    expect(phoneField.fromCsv('020 7946 0958', field, gb)).toEqual({ ok: true, value });
  });

  it('compares by E.164 when both have one', () => {
    const london = { text: '020 7946 0958', e164: '+442079460958' };
    const sameLondon = { text: '+44 20 7946 0958', e164: '+442079460958' };
    const us = { text: '+1 213 373 4253', e164: '+12133734253' };
    expect(phoneField.compare(london, sameLondon, field)).toBe(0);
    expect(phoneField.compare(us, london, field)).toBeLessThan(0);
    expect(phoneField.compare({ text: 'a1' }, { text: 'b1' }, field)).toBeLessThan(0);
  });

  it('validates the stored shape', () => {
    expect(phoneField.validate({ text: '123' }, field)).toBeNull();
    expect(phoneField.validate({ text: '123', e164: '+44123' }, field)).toBeNull();
    expect(phoneField.validate({ text: '' }, field)).not.toBeNull();
    expect(phoneField.validate({ text: '1', e164: '0044' }, field)).not.toBeNull();
    expect(phoneField.validate('123', field)).not.toBeNull();
  });

  it('accepts a lower-case country code', () => {
    expect(toE164('020 7946 0958', 'gb')).toBe('+442079460958');
  });
});
