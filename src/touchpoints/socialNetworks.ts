// Hosts of social networks, so a URL cell that points at a profile shows the
// network's name ("LinkedIn") instead of a long address. A host matches
// itself and its subdomains: 'uk.linkedin.com' is LinkedIn.

/** Network names by host, without a leading "www.". */
export const SOCIAL_NETWORK_HOSTS: Readonly<Record<string, string>> = {
  'linkedin.com': 'LinkedIn',
  'lnkd.in': 'LinkedIn',
  'facebook.com': 'Facebook',
  'fb.com': 'Facebook',
  'fb.me': 'Facebook',
  'instagram.com': 'Instagram',
  'instagr.am': 'Instagram',
  'x.com': 'X',
  'twitter.com': 'X',
  'tiktok.com': 'TikTok',
  'youtube.com': 'YouTube',
  'youtu.be': 'YouTube',
  'mastodon.social': 'Mastodon',
  'mastodon.online': 'Mastodon',
  'mstdn.social': 'Mastodon',
  'fosstodon.org': 'Mastodon',
  'hachyderm.io': 'Mastodon',
  'infosec.exchange': 'Mastodon',
  'bsky.app': 'Bluesky',
  'threads.net': 'Threads',
  'threads.com': 'Threads',
  'pinterest.com': 'Pinterest',
  'pin.it': 'Pinterest',
  'snapchat.com': 'Snapchat',
  'reddit.com': 'Reddit',
  'github.com': 'GitHub',
  'gitlab.com': 'GitLab',
  'xing.com': 'XING',
  'behance.net': 'Behance',
  'dribbble.com': 'Dribbble',
  'vimeo.com': 'Vimeo',
  'twitch.tv': 'Twitch',
  'medium.com': 'Medium',
  'substack.com': 'Substack',
  'wa.me': 'WhatsApp',
  't.me': 'Telegram',
  'etsy.com': 'Etsy',
  'yelp.com': 'Yelp',
};

/** Returns the social network an http(s) address points at, or null for any other site. */
export function socialNetworkName(href: string): string | null {
  let host: string;
  try {
    host = new URL(href).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
  const labels = host.split('.');
  // Try 'uk.linkedin.com', then 'linkedin.com', never the bare top-level domain.
  for (let start = 0; start < labels.length - 1; start += 1) {
    const name = SOCIAL_NETWORK_HOSTS[labels.slice(start).join('.')];
    if (name) return name;
  }
  return null;
}
