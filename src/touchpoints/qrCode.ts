// Turns one contact into a QR code a phone camera reads as a contact card,
// so a contact moves to a phone with no cloud account. uqr builds the code
// and is loaded on first use.

import type { VCardContact } from '../vcard/contact';
import { writeVCards } from '../vcard/write';

/**
 * Maximum bytes of a version 40 QR code in byte mode at error correction
 * level L (ISO/IEC 18004 table 7). Longer cards fit in no QR code.
 */
export const QR_MAX_BYTES = 2953;

export type ContactQrCode =
  | {
      ok: true;
      /** Rows of modules, true for dark, with the quiet zone included. */
      modules: boolean[][];
      /** Whether the note was left out to make the card fit. */
      droppedNote: boolean;
      bytes: number;
    }
  | { ok: false; message: string; bytes: number };

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Encodes the contact's vCard as a QR code. A card too big for one is tried
 * again without its note. When even that does not fit, the result is a
 * message with the card's size.
 */
export async function contactQrCode(contact: VCardContact): Promise<ContactQrCode> {
  const { encode } = await import('uqr');
  const attempts = contact.note === '' ? [contact] : [contact, { ...contact, note: '' }];

  let bytes = 0;
  for (const attempt of attempts) {
    const card = writeVCards([attempt]);
    bytes = byteLength(card);
    if (bytes > QR_MAX_BYTES) continue;
    try {
      // A border of 4 modules is the quiet zone ISO/IEC 18004 requires, so cameras find the code.
      const { data } = encode(card, { ecc: 'L', boostEcc: true, border: 4 });
      return { ok: true, modules: data, droppedNote: attempt !== contact, bytes };
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  const withoutNote = contact.note === '' ? '' : ', even without its note,';
  return {
    ok: false,
    bytes,
    message: `This contact's card${withoutNote} is ${bytes.toLocaleString('en')} bytes, and a QR code stores at most ${QR_MAX_BYTES.toLocaleString('en')}. Use "Copy as vCard" or export a .vcf file instead.`,
  };
}

/** Builds an SVG path with one square per dark module, for a viewBox of the code's size. */
export function qrPath(modules: readonly (readonly boolean[])[]): string {
  const squares: string[] = [];
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) squares.push(`M${x} ${y}h1v1h-1z`);
    });
  });
  return squares.join('');
}
