import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  chipTextColor,
  CHIP_DARK_TEXT,
  CHIP_LIGHT_TEXT,
  contrastRatio,
  parseHexColor,
  WCAG_AA_CONTRAST,
} from './contrast';
import { nextTagColor, TAG_PALETTE } from './palette';

const hexColor = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map((channels) => `#${channels.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`);

describe('contrast', () => {
  it('black on white is 21', () => {
    expect(contrastRatio('#000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777')).toBeCloseTo(1, 5);
  });

  it('known pair matches the WCAG value', () => {
    // #767676 on white is the classic lightest grey that passes AA, at 4.54:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('parses short and long hex only', () => {
    expect(parseHexColor('#0aF')).toEqual([0, 170, 255]);
    expect(parseHexColor('#00aaff')).toEqual([0, 170, 255]);
    expect(parseHexColor('navy')).toBeNull();
    expect(parseHexColor('#12345')).toBeNull();
  });

  it('chooses light text on dark chips', () => {
    expect(chipTextColor('#1e3a8a')).toBe(CHIP_LIGHT_TEXT);
    expect(chipTextColor('#fef9c3')).toBe(CHIP_DARK_TEXT);
    expect(chipTextColor('red')).toBeNull();
    // Mid grey reaches only about 4.2:1 with the ink colour and with white, so it gets black.
    expect(chipTextColor('#7a7a7a')).toBe('#000000');
  });

  it('chip text meets AA on every palette colour', () => {
    for (const color of TAG_PALETTE) {
      expect(contrastRatio(color, chipTextColor(color)!), color).toBeGreaterThanOrEqual(WCAG_AA_CONTRAST);
    }
    expect(contrastRatio('#e5e7eb', CHIP_DARK_TEXT)).toBeGreaterThanOrEqual(WCAG_AA_CONTRAST);
  });

  it('chosen text always reaches at least 4.5', () => {
    fc.assert(fc.property(hexColor, (color) => contrastRatio(color, chipTextColor(color)!) >= WCAG_AA_CONTRAST));
  });
});

describe('palette', () => {
  it('gives unused colours first', () => {
    expect(nextTagColor([])).toBe(TAG_PALETTE[0]);
    expect(nextTagColor([{ id: 'a', label: 'A', color: TAG_PALETTE[0] }])).toBe(TAG_PALETTE[1]);
    const all = TAG_PALETTE.map((color, index) => ({ id: String(index), label: String(index), color }));
    expect(nextTagColor(all)).toBe(TAG_PALETTE[0]);
  });
});
