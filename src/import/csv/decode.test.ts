import { describe, expect, it } from 'vitest';
import {
  SUPPORTED_ENCODINGS,
  decodeCsvBytes,
  detectUtf16ByNulBytes,
  looksLikeBinary,
  decodeShiftJisIfJapanese,
} from './decode';

function utf16le(text: string, bom: boolean): Uint8Array {
  const bytes: number[] = bom ? [0xff, 0xfe] : [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes.push(code & 0xff, code >> 8);
  }
  return Uint8Array.from(bytes);
}

function utf16be(text: string, bom: boolean): Uint8Array {
  const bytes: number[] = bom ? [0xfe, 0xff] : [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes.push(code >> 8, code & 0xff);
  }
  return Uint8Array.from(bytes);
}

function concat(...parts: (Uint8Array | number[])[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => Array.from(part)));
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const SAMPLE = 'Name,City\r\nZoë Brontë,Kraków\r\n';

describe('decodeCsvBytes', () => {
  it('reads plain UTF-8', () => {
    const result = decodeCsvBytes(utf8(SAMPLE));
    expect(result).toEqual({ text: SAMPLE, encoding: 'utf-8', hadBom: false });
  });

  it('strips a UTF-8 BOM', () => {
    const result = decodeCsvBytes(concat([0xef, 0xbb, 0xbf], utf8(SAMPLE)));
    expect(result.text).toBe(SAMPLE);
    expect(result.encoding).toBe('utf-8');
    expect(result.hadBom).toBe(true);
  });

  it('strips a UTF-8 BOM before a quoted header', () => {
    const result = decodeCsvBytes(concat([0xef, 0xbb, 0xbf], utf8('"column1","column2"\n')));
    expect(result.text.startsWith('"column1"')).toBe(true);
  });

  it('reads UTF-16 LE with a BOM', () => {
    const result = decodeCsvBytes(utf16le(SAMPLE, true));
    expect(result).toEqual({ text: SAMPLE, encoding: 'utf-16le', hadBom: true });
  });

  it('reads UTF-16 BE with a BOM', () => {
    const result = decodeCsvBytes(utf16be(SAMPLE, true));
    expect(result).toEqual({ text: SAMPLE, encoding: 'utf-16be', hadBom: true });
  });

  it('detects UTF-16 LE without a BOM', () => {
    const result = decodeCsvBytes(utf16le(SAMPLE, false));
    expect(result).toEqual({ text: SAMPLE, encoding: 'utf-16le', hadBom: false });
  });

  it('detects UTF-16 BE without a BOM', () => {
    const result = decodeCsvBytes(utf16be(SAMPLE, false));
    expect(result).toEqual({ text: SAMPLE, encoding: 'utf-16be', hadBom: false });
  });

  it('falls back to Windows-1252 for invalid UTF-8', () => {
    // "Crédito Nº 7" with é = E9 and º = BA, as Excel saves it on Western Windows.
    const bytes = Uint8Array.from([0x43, 0x72, 0xe9, 0x64, 0x69, 0x74, 0x6f, 0x20, 0x4e, 0xba, 0x20, 0x37]);
    const result = decodeCsvBytes(bytes);
    expect(result).toEqual({ text: 'Crédito Nº 7', encoding: 'windows-1252', hadBom: false });
  });

  // NOTE: TextDecoder in Node 20.18.3 and later (seen on 20.20.2) decodes
  // windows-1252 bytes 0x80-0x9F as Latin-1 control characters, while browsers
  // follow the WHATWG table. The case runs only where 0x80 decodes to '€'.
  it.skipIf(new TextDecoder('windows-1252').decode(Uint8Array.of(0x80)) !== '€')(
    'reads Windows-1252 curly quotes and euro sign',
    () => {
      const result = decodeCsvBytes(Uint8Array.from([0x93, 0x80, 0x35, 0x94]));
      expect(result.text).toBe('\u201c€5\u201d');
    },
  );

  it('decodes Shift_JIS when forced', () => {
    const bytes = Uint8Array.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x93, 0xfa, 0x96, 0x7b]);
    const result = decodeCsvBytes(bytes, 'shift_jis');
    expect(result).toEqual({ text: 'Name\n日本', encoding: 'shift_jis', hadBom: false });
  });

  it('maps the iso-8859-1 label to windows-1252', () => {
    const result = decodeCsvBytes(Uint8Array.from([0x4a, 0xf6, 0x72, 0x67]), 'iso-8859-1');
    expect(result.text).toBe('Jörg');
    expect(result.encoding).toBe('windows-1252');
  });

  it('forced UTF-8 still strips its BOM', () => {
    const result = decodeCsvBytes(concat([0xef, 0xbb, 0xbf], utf8('a,b\n')), 'UTF-8');
    expect(result).toEqual({ text: 'a,b\n', encoding: 'utf-8', hadBom: true });
  });

  it('forced encoding overrides a BOM', () => {
    const result = decodeCsvBytes(concat([0xef, 0xbb, 0xbf], utf8('a')), 'windows-1252');
    expect(result.text).toBe('ï»¿a');
    expect(result.hadBom).toBe(false);
  });

  it('blank forced label means detect', () => {
    expect(decodeCsvBytes(utf16le(SAMPLE, true), ' ').encoding).toBe('utf-16le');
  });

  it('rejects an unknown forced label', () => {
    expect(() => decodeCsvBytes(utf8('a'), 'klingon-8')).toThrow(/Unsupported encoding "klingon-8"/);
  });

  it('reads empty input as empty UTF-8', () => {
    expect(decodeCsvBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', hadBom: false });
  });

  it('keeps a U+FEFF that follows the BOM', () => {
    const result = decodeCsvBytes(concat([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], utf8('a')));
    expect(result.text).toBe('\ufeffa');
  });
});

describe('detectUtf16ByNulBytes', () => {
  it('ignores ASCII', () => {
    expect(detectUtf16ByNulBytes(utf8('Name,Email\nAda,ada@example.com\n'))).toBeUndefined();
  });

  it('ignores bytes with NULs on both sides', () => {
    expect(detectUtf16ByNulBytes(Uint8Array.from([0, 0, 0, 0, 1, 0, 0, 2]))).toBeUndefined();
  });

  it('needs at least two byte pairs', () => {
    expect(detectUtf16ByNulBytes(Uint8Array.from([0x41, 0]))).toBeUndefined();
  });

  it('detects mostly non-ASCII UTF-16 LE text with ASCII delimiters', () => {
    expect(detectUtf16ByNulBytes(utf16le('名前,電話\n山田,0312345678\n', false))).toBe('utf-16le');
  });
});

describe('SUPPORTED_ENCODINGS', () => {
  it('contains only labels TextDecoder accepts', () => {
    for (const choice of SUPPORTED_ENCODINGS) {
      expect(() => new TextDecoder(choice.value), choice.value).not.toThrow();
    }
  });

  it('starts with UTF-8', () => {
    expect(SUPPORTED_ENCODINGS[0]?.value).toBe('utf-8');
  });
});

describe('looksLikeBinary', () => {
  it('accepts text with tabs and line breaks', () => {
    expect(looksLikeBinary('Name\tEmail\r\nAda Quill\tada@quill.test\r\n')).toBe(false);
  });

  it('rejects text full of control characters', () => {
    const bytes = Uint8Array.from({ length: 2000 }, (_, index) => (index * 37) % 256);
    expect(looksLikeBinary(decodeCsvBytes(bytes).text)).toBe(true);
  });

  it('accepts empty text', () => {
    expect(looksLikeBinary('')).toBe(false);
  });
});

describe('Shift_JIS detection', () => {
  // 'Name,名前\r\n山田,やまだ\r\n' in Shift_JIS, written out because TextEncoder only writes UTF-8.
  const shiftJisBytes = new Uint8Array([
    0x4e, 0x61, 0x6d, 0x65, 0x2c, 0x96, 0xbc, 0x91, 0x4f, 0x0d, 0x0a, 0x8e, 0x52, 0x93, 0x63, 0x2c, 0x82, 0xe2, 0x82,
    0xdc, 0x82, 0xbe, 0x0d, 0x0a,
  ]);

  it('detects Japanese text', () => {
    const decoded = decodeCsvBytes(shiftJisBytes);
    expect(decoded.encoding).toBe('shift_jis');
    expect(decoded.text).toBe('Name,名前\r\n山田,やまだ\r\n');
  });

  it('leaves Western accents to Windows-1252', () => {
    const bytes = new Uint8Array(
      [...'Name;Ort\r\nRenée;Köln\r\nJÜRGEN;ÄSSEN\r\n'].map((character) => character.charCodeAt(0)),
    );
    expect(decodeCsvBytes(bytes).encoding).toBe('windows-1252');
    expect(decodeShiftJisIfJapanese(bytes)).toBeUndefined();
  });
});
