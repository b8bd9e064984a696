import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { decodeQuotedPrintable, looksLikeVCard, parseVCards, readBirthday, unescapeText } from './parse';

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

describe('parseVCards 2.1', () => {
  it('reads bare type parameters', () => {
    const { contacts, problems } = parseVCards(
      crlf([
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N:Quill;Ada',
        'FN:Ada Quill',
        'TEL;WORK;VOICE:+44 1632 960001',
        'TEL;CELL:07700 900123',
        'EMAIL;PREF;INTERNET:ada@example.com',
        'END:VCARD',
      ]),
    );
    expect(problems).toEqual([]);
    expect(contacts).toHaveLength(1);
    expect(contacts[0]!.phones).toEqual([
      { value: '+44 1632 960001', types: ['work', 'voice'] },
      { value: '07700 900123', types: ['cell'] },
    ]);
    expect(contacts[0]!.emails).toEqual([{ value: 'ada@example.com', types: ['pref', 'internet'] }]);
  });

  it('decodes quoted-printable with a charset', () => {
    const { contacts } = parseVCards(
      crlf([
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=B6rg',
        'FN;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:J=F6rg M=FCller',
        'END:VCARD',
      ]),
    );
    expect(contacts[0]!.familyName).toBe('Müller');
    expect(contacts[0]!.givenName).toBe('Jörg');
    expect(contacts[0]!.fullName).toBe('Jörg Müller');
  });

  it('joins quoted-printable soft line breaks', () => {
    const { contacts } = parseVCards(
      crlf([
        'BEGIN:VCARD',
        'VERSION:2.1',
        'FN:Bram Oakes',
        'NOTE;ENCODING=QUOTED-PRINTABLE:First line=0D=0ASecond =',
        'line continues=',
        ' here',
        'END:VCARD',
      ]),
    );
    expect(contacts[0]!.note).toBe('First line\r\nSecond line continues here');
  });

  it('reads a quoted-printable value without a charset as Windows-1252 when not UTF-8', () => {
    expect(decodeQuotedPrintable('Ren=E9e')).toBe('Renée');
    expect(decodeQuotedPrintable('Ren=C3=A9e')).toBe('Renée');
  });

  it('skips a base64 photo folded over many lines', () => {
    const photoLines = Array.from(
      { length: 40 },
      () => ' /9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoH',
    );
    const { contacts, problems } = parseVCards(
      crlf([
        'BEGIN:VCARD',
        'VERSION:2.1',
        'FN:Cleo Marsh',
        'PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQ',
        ...photoLines,
        '',
        'EMAIL:cleo@example.org',
        'END:VCARD',
      ]),
    );
    expect(problems).toEqual([]);
    expect(contacts[0]!.fullName).toBe('Cleo Marsh');
    expect(contacts[0]!.emails.map((email) => email.value)).toEqual(['cleo@example.org']);
  });

  it('reads a birthday without dashes', () => {
    const { contacts } = parseVCards(crlf(['BEGIN:VCARD', 'VERSION:2.1', 'FN:Dev Rao', 'BDAY:19800322', 'END:VCARD']));
    expect(contacts[0]!.birthday).toBe('1980-03-22');
  });
});

describe('parseVCards 3.0', () => {
  it('unfolds lines with a space or a tab', () => {
    const { contacts } = parseVCards(
      crlf(['BEGIN:VCARD', 'VERSION:3.0', 'FN:Elif', '  Kaya', 'NOTE:one', '\t two', 'END:VCARD']),
    );
    expect(contacts[0]!.fullName).toBe('Elif Kaya');
    expect(contacts[0]!.note).toBe('one two');
  });

  it('reads TYPE lists and several values', () => {
    const { contacts } = parseVCards(
      crlf([
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Finn Hale',
        'TEL;TYPE=work,voice:+1 555 0100',
        'TEL;TYPE=HOME;TYPE=FAX:+1 555 0101',
        'EMAIL;TYPE=INTERNET,HOME:finn@example.net',
        'EMAIL;TYPE=INTERNET,WORK:finn.hale@example.com',
        'ADR;TYPE=WORK:;Suite 4;1 High St;Ludlow;Shropshire;SY8 1AA;UK',
        'END:VCARD',
      ]),
    );
    const [contact] = contacts;
    expect(contact!.phones).toEqual([
      { value: '+1 555 0100', types: ['work', 'voice'] },
      { value: '+1 555 0101', types: ['home', 'fax'] },
    ]);
    expect(contact!.emails.map((email) => email.value)).toEqual(['finn@example.net', 'finn.hale@example.com']);
    expect(contact!.addresses[0]).toEqual({
      street: 'Suite 4\n1 High St',
      city: 'Ludlow',
      region: 'Shropshire',
      postalCode: 'SY8 1AA',
      country: 'UK',
      types: ['work'],
    });
  });

  it('unescapes commas, semicolons and line breaks', () => {
    const { contacts } = parseVCards(
      crlf([
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Gray\\, Gwen',
        'N:Gray\\;Smith;Gwen',
        'ORG:Gray\\, Sons & Co;Sales',
        'NOTE:Line one\\nLine two\\, still',
        'CATEGORIES:VIP,Trade\\, wholesale',
        'END:VCARD',
      ]),
    );
    const [contact] = contacts;
    expect(contact!.fullName).toBe('Gray, Gwen');
    expect(contact!.familyName).toBe('Gray;Smith');
    expect(contact!.organization).toBe('Gray, Sons & Co');
    expect(contact!.note).toBe('Line one\nLine two, still');
    expect(contact!.categories).toEqual(['VIP', 'Trade, wholesale']);
  });

  it('groups item1.EMAIL with its label', () => {
    const { contacts } = parseVCards(
      crlf([
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Hana Ito',
        'item1.EMAIL;type=INTERNET:hana@example.com',
        'item1.X-ABLabel:_$!<Other>!$_',
        'item2.TEL:+81 3 1234 5678',
        'item2.X-ABLabel:Assistant',
        'END:VCARD',
      ]),
    );
    expect(contacts[0]!.emails).toEqual([{ value: 'hana@example.com', types: ['internet', 'other'] }]);
    expect(contacts[0]!.phones).toEqual([{ value: '+81 3 1234 5678', types: ['assistant'] }]);
  });

  it('tolerates doubled carriage returns inside a folded photo', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Ivo Lund',
      'PHOTO;ENCODING=b;TYPE=JPEG:AAAA',
      ' BBBB',
      ' CCCC',
      'TEL:+46 8 123 456',
      'END:VCARD',
    ].join('\r\r\n');
    const { contacts, problems } = parseVCards(text);
    expect(problems).toEqual([]);
    expect(contacts[0]!.phones.map((phone) => phone.value)).toEqual(['+46 8 123 456']);
  });

  it('reads year-less birthdays in both forms', () => {
    expect(readBirthday('--0415')).toBe('--04-15');
    expect(readBirthday('--04-15')).toBe('--04-15');
    expect(readBirthday('1975-12-12')).toBe('1975-12-12');
    expect(readBirthday('2012-06-06T00:00:00Z')).toBe('2012-06-06');
    expect(readBirthday('--13-01')).toBeUndefined();
    expect(readBirthday('soon')).toBeUndefined();
  });
});

describe('parseVCards 4.0', () => {
  it('reads tel URIs, PREF and caret escapes', () => {
    const { contacts } = parseVCards(
      crlf([
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Jana Novak',
        'TEL;VALUE=uri;TYPE="voice,cell";PREF=1:tel:+420-601-123-456',
        'ADR;TYPE=home;LABEL="Na Pr^\'ikope 1^nPraha":;;Na Prikope 1;Praha;;110 00;Czechia',
        'BDAY:--0415',
        'END:VCARD',
      ]),
    );
    const [contact] = contacts;
    expect(contact!.phones).toEqual([{ value: '+420-601-123-456', types: ['voice', 'cell', 'pref'] }]);
    expect(contact!.addresses[0]!.city).toBe('Praha');
    expect(contact!.birthday).toBe('--04-15');
  });

  it('reports a birthday that is not a date with its card and line', () => {
    const { contacts, problems } = parseVCards(
      crlf(['BEGIN:VCARD', 'VERSION:4.0', 'FN:Kai Berg', 'BDAY;VALUE=text:circa 1800', 'END:VCARD']),
    );
    expect(contacts[0]!.birthday).toBe('');
    expect(problems).toEqual([{ card: 1, line: 4, message: 'BDAY "circa 1800" is not a date, so it was left out' }]);
  });
});

describe('parseVCards structure', () => {
  it('reads several cards of mixed versions', () => {
    const text = [
      'BEGIN:VCARD\nVERSION:4.0\nFN:Lea One\nEND:VCARD',
      'BEGIN:VCARD\nVERSION:2.1\nFN:Max Two\nEND:VCARD',
      'BEGIN:VCARD\nVERSION:3.0\nFN:Noa Three\nEND:VCARD',
    ].join('\n\n');
    expect(parseVCards(text).contacts.map((contact) => contact.fullName)).toEqual(['Lea One', 'Max Two', 'Noa Three']);
  });

  it('builds the name from N when FN is missing', () => {
    const { contacts } = parseVCards('BEGIN:VCARD\rVERSION:3.0\rN:Ortiz;Olga;;;\rEND:VCARD\r');
    expect(contacts[0]!.fullName).toBe('Olga Ortiz');
  });

  it('reports a card without END and a line without a colon', () => {
    const { contacts, problems } = parseVCards(
      'BEGIN:VCARD\nVERSION:3.0\nFN:Pia\nnonsense line\nBEGIN:VCARD\nVERSION:3.0\nFN:Quinn\n',
    );
    expect(contacts.map((contact) => contact.fullName)).toEqual(['Pia', 'Quinn']);
    expect(problems).toEqual([
      { card: 1, line: 4, message: "Line 4 is not a vCard property (it has no ':'), so it was skipped" },
      { card: 1, line: 1, message: 'Card 1 has no END:VCARD before the next card on line 5' },
      { card: 2, line: 5, message: 'Card 2 has no END:VCARD at the end of the file' },
    ]);
  });

  it('unescapes text escapes', () => {
    expect(unescapeText('a\\,b\\;c\\\\d\\Ne')).toBe('a,b;c\\d\ne');
  });

  it('recognises vCard text', () => {
    expect(looksLikeVCard('\uFEFF\r\nBEGIN:VCARD\r\nVERSION:3.0')).toBe(true);
    expect(looksLikeVCard('begin:vcard\n')).toBe(true);
    expect(looksLikeVCard('Name,Email\nBEGIN:VCARD,x')).toBe(false);
  });

  it('never throws on random text', () => {
    const fragments = fc.constantFrom(
      'BEGIN:VCARD',
      'END:VCARD',
      'VERSION:2.1',
      'N;ENCODING=QUOTED-PRINTABLE:=C3=',
      'TEL;TYPE="a,b:',
      'ADR:;;;',
      'BDAY:--',
      ' ',
      '=',
      '\r\n',
      '\n',
      '\\',
      ';',
      ':',
      '"',
      '^',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fragments, fc.string()), { maxLength: 40 }), (parts) => {
        const result = parseVCards(parts.join(''));
        expect(Array.isArray(result.contacts)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
