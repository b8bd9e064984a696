import { describe, expect, it } from 'vitest';

import { socialNetworkName } from './socialNetworks';

describe('socialNetworkName', () => {
  const cases: [string, string][] = [
    ['https://www.linkedin.com/in/ada-lovelace', 'LinkedIn'],
    ['https://uk.linkedin.com/in/ada', 'LinkedIn'],
    ['https://www.facebook.com/ada', 'Facebook'],
    ['https://m.facebook.com/ada', 'Facebook'],
    ['https://instagram.com/ada', 'Instagram'],
    ['https://x.com/ada', 'X'],
    ['https://twitter.com/ada', 'X'],
    ['https://www.tiktok.com/@ada', 'TikTok'],
    ['https://www.youtube.com/@ada', 'YouTube'],
    ['https://youtu.be/abc', 'YouTube'],
    ['https://mastodon.social/@ada', 'Mastodon'],
    ['HTTPS://WWW.LINKEDIN.COM/in/ada', 'LinkedIn'],
  ];
  for (const [href, name] of cases) {
    it(`names ${href}`, () => {
      expect(socialNetworkName(href)).toBe(name);
    });
  }

  it('ignores look-alike hosts', () => {
    expect(socialNetworkName('https://linkedin.com.example.net/in/ada')).toBeNull();
    expect(socialNetworkName('https://notlinkedin.com/in/ada')).toBeNull();
    expect(socialNetworkName('https://example.com/linkedin.com')).toBeNull();
  });

  it('returns null for other sites and bad input', () => {
    expect(socialNetworkName('https://example.com')).toBeNull();
    expect(socialNetworkName('not a url')).toBeNull();
  });
});
