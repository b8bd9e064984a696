// Byte counts in the units a person reads on their computer's disk usage.

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** Decimal steps (1 kB = 1000 bytes), as Chromium's and most systems' storage pages count. */
const STEP = 1000;

/** Formats a byte count in the largest unit that keeps the number at 1 or more, e.g. "1.5 MB". */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= STEP && unit < UNITS.length - 1) {
    value /= STEP;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    // The short form of 'byte' is 'byte' even for many bytes in English, so bytes are written out.
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
