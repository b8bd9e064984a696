import { describe, expect, it } from 'vitest';

import { emptyContact } from '../vcard/contact';
import { contactQrCode, qrPath, QR_MAX_BYTES } from './qrCode';

describe('contactQrCode', () => {
  it('encodes a small card', async () => {
    const result = await contactQrCode({ ...emptyContact(), fullName: 'Ada Lovelace', note: 'Likes tea' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.droppedNote).toBe(false);
    expect(result.modules.length).toBeGreaterThanOrEqual(21 + 8);
    expect(result.modules.every((row) => row.length === result.modules.length)).toBe(true);
  });

  it('drops a long note to fit', async () => {
    const result = await contactQrCode({ ...emptyContact(), fullName: 'Ada Lovelace', note: 'x'.repeat(4000) });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.droppedNote).toBe(true);
  });

  it('reports a card that never fits', async () => {
    const result = await contactQrCode({
      ...emptyContact(),
      fullName: 'Ada Lovelace',
      note: 'short',
      categories: Array.from({ length: 400 }, (_, index) => `Category ${index}`),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.bytes).toBeGreaterThan(QR_MAX_BYTES);
    expect(result.message).toContain('even without its note');
    expect(result.message).toContain('2,953');
  });
});

describe('qrPath', () => {
  it('draws one square per dark module', () => {
    expect(
      qrPath([
        [true, false],
        [false, true],
      ]),
    ).toBe('M0 0h1v1h-1zM1 1h1v1h-1z');
  });
});
