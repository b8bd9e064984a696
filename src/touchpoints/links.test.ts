import { describe, expect, it } from 'vitest';

import { mailtoHref, telHref, webHref } from './links';

describe('mailtoHref', () => {
  it('addresses the mail by name', () => {
    expect(mailtoHref('ada@example.com', 'Ada Lovelace')).toBe('mailto:%22Ada%20Lovelace%22%20%3Cada%40example.com%3E');
    expect(decodeURIComponent(mailtoHref('ada@example.com', 'Ada Lovelace').slice(7))).toBe(
      '"Ada Lovelace" <ada@example.com>',
    );
  });

  it('escapes quotes and backslashes in the name', () => {
    const href = mailtoHref('ada@example.com', 'Ada "The Countess" \\ L');
    expect(decodeURIComponent(href.slice(7))).toBe('"Ada \\"The Countess\\" \\\\ L" <ada@example.com>');
  });

  it('drops line breaks from the name', () => {
    expect(decodeURIComponent(mailtoHref('a@example.com', 'Ada\r\nBcc: x@example.com').slice(7))).toBe(
      '"Ada Bcc: x@example.com" <a@example.com>',
    );
  });

  it('encodes ? and & in a bare address', () => {
    expect(mailtoHref('a?b&c@example.com')).toBe('mailto:a%3Fb%26c@example.com');
    expect(mailtoHref('ada@example.com')).toBe('mailto:ada@example.com');
  });
});

describe('telHref', () => {
  it('prefers E.164', () => {
    expect(telHref('020 7946 0958', '+442079460958')).toBe('tel:+442079460958');
  });

  it('falls back to the typed digits', () => {
    expect(telHref('(555) 010-0199')).toBe('tel:5550100199');
    expect(telHref('+1 555 010 0199 +2')).toBe('tel:+155501001992');
  });

  it('gives no link without digits', () => {
    expect(telHref('call reception')).toBeNull();
  });
});

describe('webHref', () => {
  const unsafe = [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'JavaScript:alert(document.cookie)',
    '  javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'mailto:ada@example.com',
    '//example.com/path',
  ];
  for (const text of unsafe) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      expect(webHref(text)).toBeNull();
    });
  }

  it('accepts http and https', () => {
    expect(webHref('https://example.com/a?b=c')).toBe('https://example.com/a?b=c');
    expect(webHref('HTTP://example.com')).toBe('HTTP://example.com');
    expect(webHref('  https://example.com  ')).toBe('https://example.com');
  });

  it('adds https to a bare domain', () => {
    expect(webHref('example.com/ada')).toBe('https://example.com/ada');
  });
});
