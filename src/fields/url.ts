import { quoteValue } from './messages';
import { textCollator } from './text';
import type { FieldTypeModule, ParseResult } from './types';

const WEB_SCHEME = /^https?:\/\//i;
// A scheme such as 'mailto:' or 'javascript:'. 'example.com:8080' is a host and port instead.
const OTHER_SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d+(?:[/?#]|$))/i;

/**
 * Returns the link a cell opens: the stored text with 'https://' added to a bare
 * domain, or null for text that is not a web address, so a javascript: URL can
 * never become a link.
 */
export function urlHref(text: string): string | null {
  const trimmed = text.trim();
  if (/\s/.test(trimmed) || trimmed === '') return null;

  if (WEB_SCHEME.test(trimmed)) return hasWebHost(trimmed) ? trimmed : null;
  if (OTHER_SCHEME.test(trimmed) || trimmed.startsWith('/')) return null;

  const href = `https://${trimmed}`;
  if (!hasWebHost(href)) return null;
  return href;
}

function hasWebHost(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  const host = url.hostname;
  if (host === 'localhost') return true;

  // URL reads '1.5' as the IPv4 address 1.0.0.5, so an address counts only when typed in full.
  const typedIpv4 = /^\d+\.\d+\.\d+\.\d+$/.test(host) && href.includes(host);
  return typedIpv4 || /^[^.]+(\.[^.]+)*\.[a-z][a-z0-9-]*$/i.test(host);
}

function readUrl(text: string): ParseResult<string> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };

  const scheme = OTHER_SCHEME.exec(trimmed)?.[1];
  if (scheme && !WEB_SCHEME.test(trimmed)) {
    return {
      ok: false,
      error: `${quoteValue(text)} is not a web address because links must start with http:// or https://, not ${scheme.toLowerCase()}:`,
    };
  }
  if (urlHref(trimmed) === null) return { ok: false, error: `${quoteValue(text)} is not a valid web address` };
  return { ok: true, value: trimmed };
}

export const urlField: FieldTypeModule<string> = {
  type: 'url',
  label: 'URL',
  parse: readUrl,
  format: (value) => value,
  validate(value) {
    if (typeof value !== 'string' || urlHref(value) === null)
      return 'A URL value must be an http(s) address or a domain';
    return null;
  },
  compare: (a, b) => textCollator.compare(a, b),
  toCsv: (value) => value,
  fromCsv: readUrl,
};
