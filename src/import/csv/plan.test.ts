import { describe, expect, it } from 'vitest';
import { defaultFieldContext } from '../../fields/registry';
import type { FieldContext, FieldDef, FieldRole, FieldType, SelectOption } from '../../fields/types';
import type { MappingPlan } from './mapping';
import { parseCsvText } from './parse';
import { buildImportPlan, planNewSheetFromCsv, resolveMapping, withoutFormulaGuard } from './plan';

const ctx: FieldContext = {
  ...defaultFieldContext,
  locale: 'en-GB',
  currency: 'GBP',
  defaultCountry: 'GB',
  dateOrder: 'dmy',
};

function field(id: string, name: string, type: FieldType, role?: FieldRole, options?: SelectOption[]): FieldDef {
  const def: FieldDef = { id, name, type, settings: {} };
  if (role !== undefined) def.role = role;
  if (options !== undefined) def.settings.options = options;
  return def;
}

const NAME = field('f-name', 'Name', 'text', 'name');
const EMAIL = field('f-email', 'Email', 'email', 'email');
const PHONE = field('f-phone', 'Phone', 'phone', 'phone');
const FOLLOW_UP = field('f-follow', 'Follow-up', 'date', 'followUpDate');
const VALUE = field('f-value', 'Deal value', 'currency', 'dealValue');
const STAGE = field('f-stage', 'Stage', 'select', 'stage', [
  { id: 'lead', label: 'Lead' },
  { id: 'won', label: 'Won' },
]);
const TAGS = field('f-tags', 'Tags', 'multiSelect', 'tags', [
  { id: 'vip', label: 'VIP' },
  { id: 'news', label: 'Newsletter' },
]);

describe('buildImportPlan', () => {
  it('reads each column through its field', () => {
    const source = parseCsvText(
      'Name,E-mail,Mobile,Next follow-up,Value,Stage,Tags\r\n' +
        'Ada Lovelace,ada@example.com,+44 7700 900123,2024-03-05,"£1,250.50",won,"VIP, Newsletter"\r\n',
    );
    const plan = buildImportPlan(source, { columns: [NAME, EMAIL, PHONE, FOLLOW_UP, VALUE, STAGE, TAGS] }, ctx);

    expect(plan.rejected).toEqual([]);
    expect(plan.added).toHaveLength(1);
    expect(plan.added[0]?.rowNumber).toBe(2);
    expect(plan.added[0]?.values).toEqual({
      'f-name': 'Ada Lovelace',
      'f-email': 'ada@example.com',
      'f-phone': { text: '+44 7700 900123', e164: '+447700900123' },
      'f-follow': '2024-03-05',
      'f-value': { minor: 125050, currency: 'GBP' },
      'f-stage': 'won',
      'f-tags': ['vip', 'news'],
    });
  });

  it('rejects a row naming row, column and value', () => {
    const source = parseCsvText('Name,Next follow-up\nAda,05/03/2024\nGrace,31/02/2024\n');
    const plan = buildImportPlan(source, { columns: [NAME, FOLLOW_UP] }, ctx);

    expect(plan.added.map((record) => record.rowNumber)).toEqual([2]);
    expect(plan.rejected).toEqual([
      { rowNumber: 3, reason: 'Row 3, "Next follow-up": "31/02/2024" is not a valid date' },
    ]);
  });

  it('rejects a value that is not a choice', () => {
    const source = parseCsvText('Name,Stage\nAda,Lost\n');
    const plan = buildImportPlan(source, { columns: [NAME, STAGE] }, ctx);
    expect(plan.rejected[0]?.reason).toMatch(/^Row 2, "Stage": "Lost" is not one of the choices/);
    expect(plan.added).toEqual([]);
  });

  it('leaves out skipped columns and empty cells', () => {
    const source = parseCsvText('Index,Name,Email\n1,Ada,\n');
    const plan = buildImportPlan(source, { columns: [null, NAME, EMAIL] }, ctx);
    expect(plan.added[0]?.values).toEqual({ 'f-name': 'Ada' });
  });

  it('skips rows with no imported value', () => {
    const source = {
      headers: ['Index', 'Name'],
      rows: [
        ['1', ''],
        ['', '  '],
      ],
      rowNumbers: [2, 3],
    };
    const plan = buildImportPlan(source, { columns: [null, NAME] }, ctx);
    expect(plan.added).toEqual([]);
    expect(plan.rejected).toEqual([]);
    expect(plan.skippedEmpty).toEqual([2, 3]);
  });

  it('rejects rows that have parse errors', () => {
    const source = parseCsvText('Name,Email\nAda,ada@example.com\nGrace,grace@example.com,extra\n');
    const plan = buildImportPlan(source, { columns: [NAME, EMAIL] }, ctx);
    expect(plan.added).toHaveLength(1);
    expect(plan.rejected).toEqual([
      { rowNumber: 3, reason: 'Row 3 has 3 values but the header has 2 columns. Extra values: "extra"' },
    ]);
  });

  it('numbers rows from index when row numbers are missing', () => {
    const source = { headers: ['Follow-up'], rows: [['2024-01-01'], ['not a date']] };
    const plan = buildImportPlan(source, { columns: [FOLLOW_UP] }, ctx);
    expect(plan.rejected[0]?.rowNumber).toBe(3);
  });

  it('uses row numbers that count skipped lines', () => {
    const source = parseCsvText('Name,Follow-up\n\nAda,"not\na date"\n\nGrace,tomorrow-ish\n');
    const plan = buildImportPlan(source, { columns: [NAME, FOLLOW_UP] }, ctx);
    expect(plan.rejected.map((row) => row.rowNumber)).toEqual([3, 5]);
  });

  it('applies a per-column date order', () => {
    const source = parseCsvText('Follow-up,Last contacted\n03/04/2024,03/04/2024\n');
    const last = field('f-last', 'Last contacted', 'date', 'lastContacted');
    const plan = buildImportPlan(source, { columns: [FOLLOW_UP, last], dateOrders: ['mdy', undefined] }, ctx);
    expect(plan.added[0]?.values).toEqual({ 'f-follow': '2024-03-04', 'f-last': '2024-04-03' });
  });

  it('combines first and last name', () => {
    const source = parseCsvText('First Name,Last Name,Email\nAda,Lovelace,ada@example.com\n,Hopper,\n');
    const plan = buildImportPlan(
      source,
      { columns: [null, null, EMAIL], combineName: { first: 0, last: 1, field: NAME } },
      ctx,
    );
    expect(plan.added.map((record) => record.values)).toEqual([
      { 'f-email': 'ada@example.com', 'f-name': 'Ada Lovelace' },
      { 'f-name': 'Hopper' },
    ]);
  });

  it('keeps a mapped name over the combined one', () => {
    const source = parseCsvText('Name,First Name,Last Name\nAda L.,Ada,Lovelace\n,Grace,Hopper\n');
    const plan = buildImportPlan(
      source,
      { columns: [NAME, null, null], combineName: { first: 1, last: 2, field: NAME } },
      ctx,
    );
    expect(plan.added.map((record) => record.values['f-name'])).toEqual(['Ada L.', 'Grace Hopper']);
  });
});

describe('resolveMapping', () => {
  const sheet = [NAME, EMAIL, STAGE];
  const source = parseCsvText(
    'Name,Email,Source,Score\n' +
      Array.from({ length: 12 }, (_, i) => `P${i},p${i}@example.com,${i % 2 ? 'Web' : 'Referral'},${i}`).join('\n'),
  );

  it('resolves fields, skips and new fields', () => {
    const mapping: MappingPlan = {
      columns: [
        { kind: 'field', fieldId: 'f-name' },
        { kind: 'skip' },
        { kind: 'new', name: 'Source', type: 'select' },
        { kind: 'new', name: 'Score', type: 'number' },
      ],
    };
    const { targets, newFields } = resolveMapping(mapping, sheet, source, ctx);

    expect(targets.columns[0]).toBe(NAME);
    expect(targets.columns[1]).toBeNull();
    expect(newFields).toHaveLength(2);
    expect(targets.columns[2]).toBe(newFields[0]);
    expect(newFields[0]?.name).toBe('Source');
    expect(newFields[0]?.settings.options?.map((option) => option.label)).toEqual(['Referral', 'Web']);
    expect(newFields[0]?.settings.options?.every((option) => option.id.length > 0)).toBe(true);
    expect(newFields[1]).toMatchObject({ name: 'Score', type: 'number', settings: {} });

    const plan = buildImportPlan(source, targets, ctx);
    expect(plan.rejected).toEqual([]);
    expect(plan.added).toHaveLength(12);
  });

  it('resolves a combined name', () => {
    const mapping: MappingPlan = {
      columns: [{ kind: 'skip' }, { kind: 'skip' }, { kind: 'skip' }, { kind: 'skip' }],
      combineName: { first: 0, last: 1, fieldId: 'f-name' },
    };
    expect(resolveMapping(mapping, sheet, source, ctx).targets.combineName).toEqual({ first: 0, last: 1, field: NAME });
  });

  it('rejects two columns on one field', () => {
    const mapping: MappingPlan = {
      columns: [
        { kind: 'field', fieldId: 'f-email' },
        { kind: 'field', fieldId: 'f-email' },
        { kind: 'skip' },
        { kind: 'skip' },
      ],
    };
    expect(() => resolveMapping(mapping, sheet, source, ctx)).toThrow(
      'Columns "Name" and "Email" both map to field "Email". Map one of them elsewhere or skip it.',
    );
  });

  it('rejects an unknown field id', () => {
    const mapping: MappingPlan = { columns: [{ kind: 'field', fieldId: 'gone' }] };
    expect(() => resolveMapping(mapping, sheet, source, ctx)).toThrow('Field gone is not in this sheet');
  });
});

describe('planNewSheetFromCsv', () => {
  const source = parseCsvText(
    [
      'Name,Email,Email 2,Phone,Signup date,Stage,Notes',
      ...Array.from(
        { length: 10 },
        (_, i) =>
          `Person ${i},p${i}@example.com,q${i}@example.com,+44 7700 9001${String(i).padStart(2, '0')},` +
          `0${(i % 9) + 1}/0${(i % 3) + 1}/2024,${i % 2 ? 'Lead' : 'Won'},"Line one\nline two"`,
      ),
    ].join('\r\n'),
  );

  it('infers types', () => {
    const plan = planNewSheetFromCsv(source.headers, source.rows, ctx);
    expect(plan.fields.map((f) => f.type)).toEqual(['text', 'email', 'email', 'phone', 'date', 'select', 'longText']);
  });

  it('names fields after headers with unique ids', () => {
    const plan = planNewSheetFromCsv(source.headers, source.rows, ctx);
    expect(plan.fields.map((f) => f.name)).toEqual(source.headers);
    expect(new Set(plan.fields.map((f) => f.id)).size).toBe(source.headers.length);
  });

  it('gives select options ids', () => {
    const plan = planNewSheetFromCsv(source.headers, source.rows, ctx);
    const options = plan.fields[5]?.settings.options ?? [];
    expect(options.map((option) => option.label)).toEqual(['Won', 'Lead']);
    expect(options.every((option) => typeof option.id === 'string' && option.id !== '')).toBe(true);
  });

  it('keeps each role on its first field', () => {
    const plan = planNewSheetFromCsv(source.headers, source.rows, ctx);
    expect(plan.fields.map((f) => f.role)).toEqual([
      'name',
      'email',
      undefined,
      'phone',
      'customerSince',
      'stage',
      'notes',
    ]);
  });

  it('warns about ambiguous dates', () => {
    const plan = planNewSheetFromCsv(source.headers, source.rows, ctx);
    expect(plan.dateOrders[4]).toBe('dmy');
    expect(plan.warnings).toEqual(['Ambiguous dates in "Signup date": read as day/month; change in the preview.']);
  });

  it('detects month-first dates from values over 12', () => {
    const plan = planNewSheetFromCsv(['Born'], [['10/26/1945'], ['3/24/1910'], ['7/2/1992']], ctx);
    expect(plan.fields[0]?.type).toBe('date');
    expect(plan.dateOrders).toEqual(['mdy']);
    expect(plan.warnings).toEqual([]);
  });

  it('plans a sheet that imports every row', () => {
    const plan = planNewSheetFromCsv(source.headers, source.rows, ctx);
    const result = buildImportPlan(source, { columns: plan.fields, dateOrders: plan.dateOrders }, ctx);
    expect(result.rejected).toEqual([]);
    expect(result.added).toHaveLength(10);
    expect(result.added[0]?.values[plan.fields[4]!.id]).toBe('2024-01-01');
  });

  it('types an empty column by its header', () => {
    const plan = planNewSheetFromCsv(
      ['Mobile', 'Misc'],
      [
        ['', ''],
        ['', ''],
      ],
      ctx,
    );
    expect(plan.fields.map((f) => f.type)).toEqual(['phone', 'text']);
    expect(plan.dateOrders).toEqual([undefined, undefined]);
  });
});

describe('withoutFormulaGuard', () => {
  it.each([
    ["'+44 20 7946 0958", '+44 20 7946 0958'],
    ["'=SUM(A1)", '=SUM(A1)'],
    ["'-12 USD", '-12 USD'],
    ["'@handle", '@handle'],
  ])('removes the guard from %s', (guarded, plain) => {
    expect(withoutFormulaGuard(guarded)).toBe(plain);
  });

  it.each(["'quoted'", "O'Brien", "'", "'' =x"])('keeps %s unchanged', (text) => {
    expect(withoutFormulaGuard(text)).toBe(text);
  });
});
