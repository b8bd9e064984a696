// Turns the bytes of a CSV file into text. Spreadsheet programs and contact
// managers save CSV in many encodings: UTF-8 with or without a BOM, UTF-16
// from Excel's "Unicode text", Windows-1252 from older Excel, Shift_JIS from
// Japanese systems. Detection runs in a fixed order of certainty, and the user
// can force any encoding that TextDecoder supports.

export interface DecodedText {
  /** The decoded text, without a byte order mark. */
  text: string;
  /** The WHATWG encoding name used, e.g. 'utf-8', 'utf-16le', 'windows-1252'. */
  encoding: string;
  /** Whether the bytes started with a byte order mark of that encoding. */
  hadBom: boolean;
}

export interface EncodingChoice {
  /** A TextDecoder label. */
  value: string;
  /** Name shown in the encoding dropdown. */
  label: string;
}

/** Encodings offered in the import dialog. decodeCsvBytes accepts any other TextDecoder label too. */
export const SUPPORTED_ENCODINGS: readonly EncodingChoice[] = [
  { value: 'utf-8', label: 'Unicode (UTF-8)' },
  { value: 'utf-16le', label: 'Unicode (UTF-16 LE)' },
  { value: 'utf-16be', label: 'Unicode (UTF-16 BE)' },
  { value: 'windows-1252', label: 'Western European (Windows-1252)' },
  { value: 'iso-8859-15', label: 'Western European (ISO 8859-15)' },
  { value: 'windows-1250', label: 'Central European (Windows-1250)' },
  { value: 'iso-8859-2', label: 'Central European (ISO 8859-2)' },
  { value: 'windows-1251', label: 'Cyrillic (Windows-1251)' },
  { value: 'koi8-r', label: 'Cyrillic (KOI8-R)' },
  { value: 'windows-1253', label: 'Greek (Windows-1253)' },
  { value: 'windows-1254', label: 'Turkish (Windows-1254)' },
  { value: 'windows-1255', label: 'Hebrew (Windows-1255)' },
  { value: 'windows-1256', label: 'Arabic (Windows-1256)' },
  { value: 'windows-1257', label: 'Baltic (Windows-1257)' },
  { value: 'windows-1258', label: 'Vietnamese (Windows-1258)' },
  { value: 'windows-874', label: 'Thai (Windows-874)' },
  { value: 'macintosh', label: 'Western (Mac OS Roman)' },
  { value: 'shift_jis', label: 'Japanese (Shift_JIS)' },
  { value: 'euc-jp', label: 'Japanese (EUC-JP)' },
  { value: 'iso-2022-jp', label: 'Japanese (ISO-2022-JP)' },
  { value: 'gbk', label: 'Chinese Simplified (GBK)' },
  { value: 'gb18030', label: 'Chinese Simplified (GB18030)' },
  { value: 'big5', label: 'Chinese Traditional (Big5)' },
  { value: 'euc-kr', label: 'Korean (EUC-KR)' },
];

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/** Bytes inspected when looking for the NUL pattern of UTF-16 without a BOM. */
const UTF16_SAMPLE_BYTES = 4096;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((byte, i) => bytes[i] === byte);
}

function bomFor(encoding: string): readonly number[] | undefined {
  if (encoding === 'utf-8') return UTF8_BOM;
  if (encoding === 'utf-16le') return UTF16LE_BOM;
  if (encoding === 'utf-16be') return UTF16BE_BOM;
  return undefined;
}

// With ignoreBOM: false, TextDecoder removes a leading BOM of its own
// encoding (UTF-8, UTF-16 LE or BE) and keeps every other character.
function decodeWith(encoding: string, bytes: Uint8Array, fatal = false): string {
  return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes);
}

/**
 * Guesses UTF-16 without a BOM from where the NUL bytes fall. Text in a CSV is
 * mostly ASCII (digits, delimiters, line breaks), and in UTF-16 every ASCII
 * character has a NUL high byte: the second byte of each pair in little-endian
 * order, the first in big-endian order. Returns undefined for anything else.
 */
export function detectUtf16ByNulBytes(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, UTF16_SAMPLE_BYTES) & ~1;
  const pairs = length / 2;
  if (pairs < 2) return undefined;

  let nulAtEven = 0;
  let nulAtOdd = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) nulAtEven++;
    if (bytes[i + 1] === 0) nulAtOdd++;
  }

  // At least a fifth of the characters must be ASCII, and the NULs must sit
  // almost only on one side of the pairs. A binary file has them on both.
  const minimum = pairs * 0.2;
  if (nulAtOdd >= minimum && nulAtEven <= nulAtOdd * 0.1) return 'utf-16le';
  if (nulAtEven >= minimum && nulAtOdd <= nulAtEven * 0.1) return 'utf-16be';
  return undefined;
}

/**
 * Decodes the bytes of a CSV file. Without `forced`, the first match in this
 * order wins: a UTF-8 or UTF-16 byte order mark, UTF-16 detected from the NUL
 * byte pattern, UTF-8 when the bytes are valid UTF-8, and Shift_JIS when
 * decodeShiftJisIfJapanese finds Japanese text. Anything else is read as
 * Windows-1252, which maps every byte to a character and never fails.
 *
 * `forced` is any TextDecoder label (for example 'shift_jis' or 'iso-8859-1')
 * and overrides detection. A BOM of the chosen encoding is removed from the
 * text. A BOM of another encoding is decoded as characters, as the user asked.
 * Throws a RangeError naming the label when TextDecoder does not support it.
 */
export function decodeCsvBytes(bytes: Uint8Array, forced?: string): DecodedText {
  if (forced !== undefined && forced.trim() !== '') {
    return decodeForced(bytes, forced.trim());
  }

  if (startsWith(bytes, UTF8_BOM)) {
    return { text: decodeWith('utf-8', bytes), encoding: 'utf-8', hadBom: true };
  }
  if (startsWith(bytes, UTF16LE_BOM)) {
    return { text: decodeWith('utf-16le', bytes), encoding: 'utf-16le', hadBom: true };
  }
  if (startsWith(bytes, UTF16BE_BOM)) {
    return { text: decodeWith('utf-16be', bytes), encoding: 'utf-16be', hadBom: true };
  }

  const utf16 = detectUtf16ByNulBytes(bytes);
  if (utf16 !== undefined) {
    return { text: decodeWith(utf16, bytes), encoding: utf16, hadBom: false };
  }

  try {
    return { text: decodeWith('utf-8', bytes, true), encoding: 'utf-8', hadBom: false };
  } catch {
    // Not valid UTF-8: try Shift_JIS, then the single-byte Windows encoding.
  }
  const shiftJis = decodeShiftJisIfJapanese(bytes);
  if (shiftJis !== undefined) return { text: shiftJis, encoding: 'shift_jis', hadBom: false };

  // NOTE: browsers map bytes 0x80-0x9F to the Windows-1252 characters (€, curly
  // quotes), but TextDecoder in Node 20.18.3 and later decodes them as Latin-1
  // control characters, so unit tests under Node see those bytes differently.
  return { text: decodeWith('windows-1252', bytes), encoding: 'windows-1252', hadBom: false };
}

const FULL_WIDTH_KANA = /[\u3040-\u30ff]/gu;
const HALF_WIDTH_KANA = /[\uff61-\uff9f]/gu;

/**
 * Returns the text when the bytes are valid Shift_JIS that reads as Japanese:
 * at least one full-width hiragana or katakana, and more of those than
 * half-width katakana. Western text in Windows-1252 can be valid Shift_JIS by
 * chance, but its accented capitals (0xA1-0xDF) decode as half-width katakana
 * and it almost never has the lead bytes 0x82 and 0x83 that full-width kana
 * start with, so it fails this test.
 */
export function decodeShiftJisIfJapanese(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const fullWidth = text.match(FULL_WIDTH_KANA)?.length ?? 0;
  const halfWidth = text.match(HALF_WIDTH_KANA)?.length ?? 0;
  return fullWidth > 0 && fullWidth > halfWidth ? text : undefined;
}

function decodeForced(bytes: Uint8Array, label: string): DecodedText {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { ignoreBOM: false });
  } catch {
    throw new RangeError(
      `Unsupported encoding "${label}". Choose one of: ${SUPPORTED_ENCODINGS.map((e) => e.value).join(', ')}.`,
    );
  }
  const encoding = decoder.encoding;
  const bom = bomFor(encoding);
  const hadBom = bom !== undefined && startsWith(bytes, bom);
  return { text: decoder.decode(bytes), encoding, hadBom };
}

/** Share of control characters above which decoded text is taken for binary data. */
const MAX_CONTROL_CHARACTER_SHARE = 0.01;

/**
 * Tells whether decoded text is more likely binary data (an image, a
 * spreadsheet saved as .xlsx, a zip) than a text export: text files use tab,
 * CR and LF, and almost no other control characters.
 */
export function looksLikeBinary(text: string): boolean {
  if (!text.length) return false;
  let control = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control += 1;
  }
  return control / text.length > MAX_CONTROL_CHARACTER_SHARE;
}
