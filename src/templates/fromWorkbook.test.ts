import { afterEach, describe, expect, it } from 'vitest';

import { createSheets, listRows, listSheets, type RowRecord, type SheetRecord } from '../db';
import { resetDatabaseForTests } from '../db/connection';
import { cellToCsv, defaultFieldContext } from '../fields/registry';
import type { FieldDef } from '../fields/types';
import { instantiateTemplate, TEMPLATES } from './gallery';
import { MAX_SAVED_SAMPLE_ROWS, templateFromWorkbook } from './fromWorkbook';
import { parseTemplateFile, serializeTemplate } from './templateFile';
import type { TemplateDefinition, TemplateField } from './templateTypes';

afterEach(() => resetDatabaseForTests());

const context = defaultFieldContext;

async function loadWorkbook(): Promise<{ sheets: SheetRecord[]; rowsBySheet: Map<string, RowRecord[]> }> {
  const sheets = await listSheets();
  const rowsBySheet = new Map<string, RowRecord[]>();
  for (const sheet of sheets) rowsBySheet.set(sheet.id, await listRows(sheet.id));
  return { sheets, rowsBySheet };
}

/** Returns each sheet's rows as CSV text by column name, with links as the names of the linked rows. */
async function readWorkbookText(): Promise<Record<string, Record<string, string>[]>> {
  const { sheets, rowsBySheet } = await loadWorkbook();
  const nameOf = (sheetId: string, rowId: string) => {
    const sheet = sheets.find((candidate) => candidate.id === sheetId)!;
    const row = rowsBySheet.get(sheetId)!.find((candidate) => candidate.id === rowId)!;
    return String(row.values[sheet.fields[0]!.id]);
  };
  const links = { rowName: nameOf, findRowId: () => undefined };

  const result: Record<string, Record<string, string>[]> = {};
  for (const sheet of sheets) {
    result[sheet.name] = rowsBySheet
      .get(sheet.id)!
      .map((row) =>
        Object.fromEntries(
          sheet.fields.map((field) => [field.name, cellToCsv(row.values[field.id], field, { ...context, links })]),
        ),
      );
  }
  return result;
}

function roundTrip(template: TemplateDefinition): TemplateDefinition {
  const parsed = parseTemplateFile(serializeTemplate(template));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.template;
}

/** Describes a field without its key and choice colours, which a saved template writes for every choice. */
function describeField(field: TemplateField) {
  const choices = field.choices?.map((choice) =>
    typeof choice === 'string' ? choice : `${choice.label} ${choice.probability ?? ''}`.trim(),
  );
  return { name: field.name, type: field.type, role: field.role, linkSheet: field.linkSheet, choices };
}

function builtIn(name: string): TemplateDefinition {
  return TEMPLATES.find((template) => template.name === name)!;
}

describe('templateFromWorkbook', () => {
  it('keeps types, roles, choices and links', async () => {
    const crm = builtIn('Google Sheets CRM');
    await createSheets(instantiateTemplate(crm));
    const { sheets } = await loadWorkbook();

    const saved = templateFromWorkbook({ name: 'My CRM', sheets, context });

    expect(saved.name).toBe('My CRM');
    expect(saved.sheets.map((sheet) => sheet.name)).toEqual(crm.sheets.map((sheet) => sheet.name));
    saved.sheets.forEach((sheet, sheetIndex) => {
      const original = crm.sheets[sheetIndex]!;
      expect(sheet.sampleRows).toBeUndefined();
      expect(sheet.fields.map(describeField)).toEqual(original.fields.map(describeField));
    });
  });

  it('writes stage probabilities and colours', async () => {
    await createSheets(instantiateTemplate(builtIn('Sales pipeline')));
    const { sheets } = await loadWorkbook();

    const saved = templateFromWorkbook({ name: 'Pipeline', sheets, context });

    const stage = saved.sheets[0]!.fields.find((field) => field.role === 'stage')!;
    expect(stage.choices![0]).toEqual({ label: 'Appointment Scheduled', color: '#dbeafe', probability: 0.2 });
    expect(stage.choices![6]).toEqual({ label: 'Closed Lost', color: '#dbeafe', probability: 0 });
  });

  it('round-trips sample rows through a file', async () => {
    await createSheets(instantiateTemplate(builtIn('Google Sheets CRM'), { withSampleRows: true }));
    const before = await readWorkbookText();
    const { sheets, rowsBySheet } = await loadWorkbook();

    const file = roundTrip(templateFromWorkbook({ name: 'My CRM', sheets, rowsBySheet, context }));
    resetDatabaseForTests();
    indexedDB.deleteDatabase('kindling');
    await createSheets(instantiateTemplate(file, { withSampleRows: true, context }));

    const after = await readWorkbookText();
    expect(Object.keys(after)).toEqual(['Leads', 'People', 'Companies', 'Opportunities']);
    expect(after).toEqual(before);
    expect(after.Opportunities![0]!.Company).toBe('Harrowgate Joinery');
  });

  it('writes links as row names', async () => {
    await createSheets(instantiateTemplate(builtIn('Service business'), { withSampleRows: true }));
    const { sheets, rowsBySheet } = await loadWorkbook();

    const saved = templateFromWorkbook({ name: 'Gardening', sheets, rowsBySheet, context });

    expect(saved.sheets[1]!.sampleRows![0]).toEqual({
      date: '2026-11-05',
      client: 'Rosalind Tarrant',
      service: 'Garden tidy',
      price: '85.00',
      paid: 'TRUE',
      notes: 'Leaves cleared, beds mulched.',
    });
  });

  it('leaves out rows unless asked', async () => {
    await createSheets(instantiateTemplate(builtIn('Service business'), { withSampleRows: true }));
    const { sheets } = await loadWorkbook();

    const saved = templateFromWorkbook({ name: 'Gardening', sheets, context });

    expect(saved.sheets.every((sheet) => sheet.sampleRows === undefined)).toBe(true);
  });

  it('keeps at most the first rows of a sheet', async () => {
    const field: FieldDef = { id: 'f-name', name: 'Name', type: 'text', settings: {}, role: 'name' };
    const rows = Array.from({ length: MAX_SAVED_SAMPLE_ROWS + 5 }, (_, index) => ({ 'f-name': `Pupil ${index + 1}` }));
    await createSheets([{ name: 'Pupils', fields: [field], rows }]);
    const { sheets, rowsBySheet } = await loadWorkbook();

    const saved = templateFromWorkbook({ name: 'Tutoring', sheets, rowsBySheet, context });

    expect(saved.sheets[0]!.sampleRows).toHaveLength(MAX_SAVED_SAMPLE_ROWS);
    expect(saved.sheets[0]!.sampleRows![0]).toEqual({ name: 'Pupil 1' });
  });

  it('leaves out cells kept as invalid text', async () => {
    const fields: FieldDef[] = [
      { id: 'f-name', name: 'Name', type: 'text', settings: {}, role: 'name' },
      { id: 'f-due', name: 'Due', type: 'date', settings: {} },
    ];
    await createSheets([{ name: 'Tasks', fields, rows: [{ 'f-name': 'Tax return', 'f-due': { invalid: 'soon' } }] }]);
    const { sheets, rowsBySheet } = await loadWorkbook();

    const saved = templateFromWorkbook({ name: 'Tasks', sheets, rowsBySheet, context });

    expect(saved.sheets[0]!.sampleRows).toEqual([{ name: 'Tax return' }]);
    expect(parseTemplateFile(serializeTemplate(saved)).ok).toBe(true);
  });

  it('turns a link to a sheet not saved into text', async () => {
    const fields: FieldDef[] = [
      { id: 'f-name', name: 'Name', type: 'text', settings: {}, role: 'name' },
      { id: 'f-school', name: 'School', type: 'link', settings: { linkSheetId: 'gone' }, role: 'company' },
      { id: 'f-tutor', name: 'Tutor', type: 'link', settings: { linkSheetId: 'gone' }, role: 'contact' },
    ];
    await createSheets([{ name: 'Pupils', fields }]);
    const { sheets } = await loadWorkbook();

    const saved = templateFromWorkbook({ name: 'Tutoring', sheets, context });

    expect(saved.sheets[0]!.fields.slice(1)).toEqual([
      { key: 'school', name: 'School', type: 'text', role: 'company' },
      { key: 'tutor', name: 'Tutor', type: 'text' },
    ]);
    expect(roundTrip(saved).sheets[0]!.fields).toHaveLength(3);
  });

  it('makes keys from column names', async () => {
    const fields: FieldDef[] = [
      { id: 'a', name: 'Next follow-up', type: 'date', settings: {} },
      { id: 'b', name: 'Next follow up', type: 'date', settings: {} },
      { id: 'c', name: '—', type: 'text', settings: {} },
      { id: 'd', name: 'Café', type: 'text', settings: {} },
    ];
    await createSheets([{ name: 'Visits', fields }]);
    const { sheets } = await loadWorkbook();

    const saved = templateFromWorkbook({ name: 'Visits', sheets, context });

    expect(saved.sheets[0]!.fields.map((field) => field.key)).toEqual([
      'nextFollowUp',
      'nextFollowUp2',
      'column',
      'cafe',
    ]);
  });
});
