import { describe, expect, it } from 'vitest';
import { emailField, isEmailAddress } from './email';
import { makeContext, makeField } from './testFields';

const field = makeField('email');
const ctx = makeContext();

describe('emailField', () => {
  it('trims and lower-cases the domain only', () => {
    expect(emailField.parse('  Ada.Lovelace@Example.CO.UK ', field, ctx)).toEqual({
      ok: true,
      value: 'Ada.Lovelace@example.co.uk',
    });
  });

  it.each(['a+tag@example.com', "o'brien@example.ie", 'user@sub.example.museum', 'ünï@exämple.de'])(
    'accepts %s',
    (text) => {
      expect(emailField.parse(text, field, ctx).ok).toBe(true);
    },
  );

  it.each([
    'plainaddress',
    'a@b',
    'a@@example.com',
    'a b@example.com',
    'a@exa mple.com',
    '@example.com',
    'a@example.',
    'a@.com',
    'a@b@c.com',
  ])('rejects %s with a message naming it', (text) => {
    const result = emailField.parse(text, field, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe(`"${text}" is not a valid email address`);
  });

  it('reads empty text as null', () => {
    expect(emailField.parse('  ', field, ctx)).toEqual({ ok: true, value: null });
  });

  it('round-trips through CSV', () => {
    expect(emailField.fromCsv(emailField.toCsv('Bob@example.com', field, ctx), field, ctx)).toEqual({
      ok: true,
      value: 'Bob@example.com',
    });
  });

  it('validates stored addresses', () => {
    expect(emailField.validate('bob@example.com', field)).toBeNull();
    expect(emailField.validate('bob', field)).not.toBeNull();
    expect(emailField.validate(null, field)).not.toBeNull();
  });

  it('compares ignoring case', () => {
    expect(emailField.compare('ann@x.com', 'Bob@x.com', field)).toBeLessThan(0);
  });

  it('exposes the address check', () => {
    expect(isEmailAddress(' a@b.co ')).toBe(true);
    expect(isEmailAddress('a@b')).toBe(false);
  });
});
