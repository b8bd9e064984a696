import { describe, expect, it } from 'vitest';
import { urlField, urlHref } from './url';
import { makeContext, makeField } from './testFields';

const field = makeField('url');
const ctx = makeContext();

describe('urlField', () => {
  it.each([
    'https://example.com',
    'http://www.stephenson.com/',
    'www.example.com',
    'example.com/path?q=1',
    'HTTPS://Example.com',
    'localhost:3000',
    'example.com:8080/x',
    'http://192.168.0.1/',
  ])('stores %s as typed', (text) => {
    expect(urlField.parse(` ${text} `, field, ctx)).toEqual({ ok: true, value: text });
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'mailto:a@example.com',
    'ftp://example.com',
    'data:text/html,hi',
  ])('rejects the scheme of %s', (text) => {
    const result = urlField.parse(text, field, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(`"${text}"`);
      expect(result.error).toContain('http:// or https://');
    }
  });

  it.each(['hello', 'http://', 'example .com', '1.5', '/relative/path', 'https://.com'])('rejects %s', (text) => {
    const result = urlField.parse(text, field, ctx);
    expect(result).toEqual({ ok: false, error: `"${text}" is not a valid web address` });
  });

  it('builds a safe link', () => {
    expect(urlHref('www.example.com')).toBe('https://www.example.com');
    expect(urlHref('http://example.com')).toBe('http://example.com');
    expect(urlHref('javascript:alert(1)')).toBeNull();
  });

  it('round-trips through CSV', () => {
    expect(urlField.fromCsv(urlField.toCsv('example.com/a', field, ctx), field, ctx)).toEqual({
      ok: true,
      value: 'example.com/a',
    });
  });

  it('validates stored links', () => {
    expect(urlField.validate('https://example.com', field)).toBeNull();
    expect(urlField.validate('javascript:alert(1)', field)).not.toBeNull();
    expect(urlField.validate(1, field)).not.toBeNull();
  });
});
