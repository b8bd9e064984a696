// The addresses that email, phone and web cells link to. Each one is built
// here so the rules (which schemes may become a link, how a name is quoted)
// live in one place and have tests.

import { urlHref } from '../fields/url';

/**
 * Returns a mailto: address that addresses the mail to the customer by name,
 * as mailto:"Ada Lovelace" <ada@example.com>, percent-encoded. Without a name
 * it is the bare address. A quote or backslash in the name is escaped as in an
 * RFC 5322 quoted string, and line breaks are dropped.
 */
export function mailtoHref(address: string, name = ''): string {
  const cleanAddress = address.trim();
  const cleanName = name.replace(/[\r\n]+/g, ' ').trim();
  if (cleanName === '') return `mailto:${encodeURIComponent(cleanAddress).replaceAll('%40', '@')}`;

  const quoted = cleanName.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
  return `mailto:${encodeURIComponent(`"${quoted}" <${cleanAddress}>`)}`;
}

/**
 * Returns a tel: address: the E.164 number when it is known, else the digits
 * and a leading + of the typed text. Returns null when the text has no digits.
 */
export function telHref(text: string, e164?: string): string | null {
  if (e164 && /^\+\d{2,15}$/.test(e164)) return `tel:${e164}`;
  const digits = text.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return /\d/.test(digits) ? `tel:${digits}` : null;
}

/**
 * Returns the address a URL cell may open: an http or https URL, or null.
 * javascript:, data:, vbscript: and every other scheme stay plain text,
 * whatever their case or the spaces before them.
 */
export function webHref(text: string): string | null {
  const href = urlHref(text);
  if (href === null) return null;
  try {
    const protocol = new URL(href).protocol;
    return protocol === 'http:' || protocol === 'https:' ? href : null;
  } catch {
    return null;
  }
}
