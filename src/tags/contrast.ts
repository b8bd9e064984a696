// Text colour for a coloured tag chip. A user may pick any background in the
// choices editor, so the chip text is dark or white, whichever contrasts more,
// using the WCAG 2.x relative luminance and contrast ratio formulas.

/** Dark chip text, the app's ink colour. */
export const CHIP_DARK_TEXT = '#1f1a14';
export const CHIP_LIGHT_TEXT = '#ffffff';

/** Minimum contrast ratio for normal-size text at WCAG 2.x level AA. */
export const WCAG_AA_CONTRAST = 4.5;

/** Reads '#rgb' or '#rrggbb' into red, green and blue from 0 to 255, or null for any other text. */
export function parseHexColor(color: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!match) return null;
  const hex = match[1]!.length === 3 ? [...match[1]!].map((digit) => digit + digit).join('') : match[1]!;
  return [0, 2, 4].map((start) => parseInt(hex.slice(start, start + 2), 16)) as [number, number, number];
}

/** Returns the WCAG relative luminance of an sRGB colour, from 0 (black) to 1 (white). */
export function relativeLuminance([red, green, blue]: [number, number, number]): number {
  const linear = (channel: number) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

/** Returns the WCAG contrast ratio of two hex colours, from 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const a = parseHexColor(first);
  const b = parseHexColor(second);
  if (!a || !b) throw new Error(`Invalid colour ${JSON.stringify(a ? second : first)}: expected #rgb or #rrggbb.`);
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Black, for mid-tone backgrounds where neither the ink colour nor white reaches AA. */
export const CHIP_BLACK_TEXT = '#000000';

/**
 * Returns the chip text colour for a hex background, or null when the colour
 * is not hex: the ink colour or white, whichever contrasts more, and black
 * when neither reaches AA. Black or white always reaches 4.58:1, so the
 * result always meets AA.
 */
export function chipTextColor(background: string): string | null {
  if (!parseHexColor(background)) return null;
  const dark = contrastRatio(background, CHIP_DARK_TEXT);
  const light = contrastRatio(background, CHIP_LIGHT_TEXT);
  if (Math.max(dark, light) >= WCAG_AA_CONTRAST) return dark >= light ? CHIP_DARK_TEXT : CHIP_LIGHT_TEXT;
  return CHIP_BLACK_TEXT;
}
