import { describe, expect, it } from 'vitest';
import { inferFieldType } from './infer';
import { makeContext } from './testFields';

const ctx = makeContext();
const mdyContext = makeContext({ locale: 'en-US', dateOrder: 'mdy' });

function repeat(values: string[], times: number): string[] {
  return Array.from({ length: times }, () => values).flat();
}

describe('inferFieldType phones', () => {
  it('keeps a column of phone numbers as phone', () => {
    const values = ['001-808-617-6467x12895', '(496)452-6181x3291', '+1-813-324-8756', '229.077.5154', '0123 456789'];
    expect(inferFieldType(values, ctx)).toEqual({ type: 'phone' });
  });

  it('keeps leading zeros and plus signs', () => {
    expect(inferFieldType(['07700900123', '02079460958'], ctx)).toEqual({ type: 'phone' });
    expect(inferFieldType(['+447700900123', '+12133734253'], ctx)).toEqual({ type: 'phone' });
  });

  it('uses a phone header for plain digits', () => {
    expect(inferFieldType(['4155552671', '2133734253'], ctx, 'Mobile')).toEqual({ type: 'phone' });
    expect(inferFieldType(['4155552671', '2133734253'], ctx, 'Tel.')).toEqual({ type: 'phone' });
    expect(inferFieldType(['4155552671', '2133734253'], ctx)).toEqual({ type: 'number' });
  });

  it('ignores a phone header on values that are not phones', () => {
    expect(inferFieldType(['ask Bob', 'none'], ctx, 'Phone')).toEqual({ type: 'text' });
  });

  it('does not take thousands or dates for phones', () => {
    expect(inferFieldType(['1.234.567', '2.345.678'], makeContext({ locale: 'de' }))).toEqual({ type: 'number' });
    expect(inferFieldType(['13/05/2024', '05/13/2024'], ctx)).toEqual({ type: 'text' });
  });
});

describe('inferFieldType simple types', () => {
  it('finds emails and urls', () => {
    expect(inferFieldType(['a@example.com', '', 'B@Example.org'], ctx)).toEqual({ type: 'email' });
    expect(inferFieldType(['http://www.stephenson.com/', 'https://x.io', 'www.example.com'], ctx)).toEqual({
      type: 'url',
    });
  });

  it('needs a website header for bare domains', () => {
    expect(inferFieldType(['example.com', 'acme.io'], ctx)).toEqual({ type: 'text' });
    expect(inferFieldType(['example.com', 'acme.io'], ctx, 'Website')).toEqual({ type: 'url' });
  });

  it('finds numbers', () => {
    expect(inferFieldType(['1', '2.5', '-3', '1,234.5'], ctx)).toEqual({ type: 'number' });
  });

  it('keeps leading zeros and long digit runs as text', () => {
    expect(inferFieldType(['007', '12', '13'], ctx)).toEqual({ type: 'text' });
    expect(inferFieldType(['1234567890123456', '12'], ctx)).toEqual({ type: 'text' });
    expect(inferFieldType(['0.5', '12'], ctx)).toEqual({ type: 'number' });
  });

  it('finds checkboxes', () => {
    expect(inferFieldType(['true', 'FALSE', 'Yes', 'no'], ctx)).toEqual({ type: 'checkbox' });
    expect(inferFieldType(['1', '0', '1'], ctx)).toEqual({ type: 'number' });
  });

  it('finds percentages and money', () => {
    expect(inferFieldType(['25%', '12.5%'], ctx)).toEqual({ type: 'percent' });
    expect(inferFieldType(['£12.50', '£1,000', '3'], ctx)).toEqual({ type: 'currency' });
  });

  it('finds long text', () => {
    expect(inferFieldType(['short', 'two\nlines'], ctx)).toEqual({ type: 'longText' });
    expect(inferFieldType(['x'.repeat(201)], ctx)).toEqual({ type: 'longText' });
    expect(inferFieldType(['x'.repeat(200)], ctx)).toEqual({ type: 'text' });
  });

  it('types an empty column by its header', () => {
    expect(inferFieldType(['', ' '], ctx)).toEqual({ type: 'text' });
    expect(inferFieldType([], ctx, 'E-mail')).toEqual({ type: 'email' });
    expect(inferFieldType([''], ctx, 'Phone 1')).toEqual({ type: 'phone' });
  });
});

describe('inferFieldType dates', () => {
  it('reads ISO dates', () => {
    expect(inferFieldType(['2024-03-05', '2023-12-31'], ctx)).toEqual({ type: 'date', dateOrder: 'iso' });
  });

  it('reads German dates', () => {
    expect(inferFieldType(['05.03.2024', '1.12.2023'], mdyContext)).toEqual({ type: 'date', dateOrder: 'dmy' });
  });

  it('detects day first from a day over 12', () => {
    expect(inferFieldType(['05/03/2024', '25/03/2024'], mdyContext)).toEqual({ type: 'date', dateOrder: 'dmy' });
  });

  it('detects month first from a day over 12', () => {
    expect(inferFieldType(['05/03/2024', '03/25/2024'], ctx)).toEqual({ type: 'date', dateOrder: 'mdy' });
  });

  it('reports ambiguous dates with the workbook order', () => {
    expect(inferFieldType(['05/03/2024', '01/02/2024'], ctx)).toEqual({
      type: 'date',
      dateOrder: 'dmy',
      ambiguousDates: true,
    });
    expect(inferFieldType(['05/03/2024', '01/02/2024'], mdyContext)).toEqual({
      type: 'date',
      dateOrder: 'mdy',
      ambiguousDates: true,
    });
  });

  it('does not call equal day and month ambiguous', () => {
    expect(inferFieldType(['05/05/2024', '2024-01-01'], mdyContext)).toEqual({ type: 'date', dateOrder: 'mdy' });
  });

  it('rejects a column with impossible dates', () => {
    expect(inferFieldType(['2024-03-05', '2024-02-30'], ctx)).toEqual({ type: 'text' });
  });

  it('finds date-times', () => {
    expect(inferFieldType(['2024-03-05T10:00:00Z', '2024-03-06 14:30'], ctx)).toEqual({
      type: 'dateTime',
      dateOrder: 'iso',
    });
    expect(inferFieldType(['2024-03-05', '2024-03-06 14:30'], ctx)).toEqual({ type: 'text' });
  });
});

describe('inferFieldType choices', () => {
  it('finds a select column', () => {
    const values = repeat(['Lead', 'Won', 'lost', 'Lost', ''], 3);
    expect(inferFieldType(values, ctx)).toEqual({ type: 'select', options: ['Lead', 'Won', 'lost'] });
  });

  it('needs ten rows and repeated values for a select', () => {
    expect(inferFieldType(repeat(['Lead', 'Won'], 4), ctx)).toEqual({ type: 'text' });
    expect(inferFieldType([...repeat(['Lead', 'Won'], 5), 'Once'], ctx)).toEqual({ type: 'text' });
    const manyValues = Array.from({ length: 13 }, (_, index) => `Choice ${index}`);
    expect(inferFieldType(repeat(manyValues, 2), ctx)).toEqual({ type: 'text' });
  });

  it('finds a multi-select column', () => {
    const values = repeat(['VIP, Newsletter', 'Newsletter', 'VIP; Event', 'Event'], 3);
    expect(inferFieldType(values, ctx)).toEqual({ type: 'multiSelect', options: ['VIP', 'Newsletter', 'Event'] });
  });

  it('allows unrepeated tags under a tags header', () => {
    expect(inferFieldType(['vip, gold', 'newsletter'], ctx, 'Tags')).toEqual({
      type: 'multiSelect',
      options: ['vip', 'gold', 'newsletter'],
    });
    expect(inferFieldType(['vip, gold', 'newsletter'], ctx)).toEqual({ type: 'text' });
  });

  it('keeps names with commas as text', () => {
    const names = Array.from({ length: 12 }, (_, index) => `Surname${index}, Given${index}`);
    expect(inferFieldType(names, ctx)).toEqual({ type: 'text' });
  });
});

describe('inferFieldType lists or labels', () => {
  it('keeps repeated labels with commas as a select', () => {
    const values = repeat(['London, UK', 'Paris, France', 'Berlin, Germany'], 4);
    expect(inferFieldType(values, ctx)).toEqual({
      type: 'select',
      options: ['London, UK', 'Paris, France', 'Berlin, Germany'],
    });
  });
});
