import { afterEach, describe, expect, it, vi } from 'vitest';

import type { FieldDef } from '../fields/types';
import { instantiateTemplate, TEMPLATES } from '../templates/gallery';
import type { TemplateDefinition } from '../templates/templateTypes';
import { getDatabase, resetDatabaseForTests } from './connection';
import { listRows } from './rows';
import { getActiveSheetId } from './settings';
import { createSheets, listSheets } from './sheets';
import { deleteSavedTemplate, listSavedTemplates, saveTemplate } from './templates';

afterEach(() => {
  resetDatabaseForTests();
  vi.restoreAllMocks();
});

function namedTemplate(name: string): TemplateDefinition {
  return {
    format: 'kindling-template',
    version: 1,
    name,
    description: 'A test layout.',
    sheets: [{ name: 'Pupils', fields: [{ key: 'name', name: 'Name', type: 'text', role: 'name' }] }],
  };
}

describe('saved templates', () => {
  it('start empty', async () => {
    expect(await listSavedTemplates()).toEqual([]);
  });

  it('save and list in saving order', async () => {
    const first = await saveTemplate(namedTemplate('Tutoring'));
    const second = await saveTemplate(namedTemplate('Piano lessons'));

    const saved = await listSavedTemplates();
    expect(saved.map((each) => each.id)).toEqual([first.id, second.id]);
    expect(saved.map((each) => each.template.name)).toEqual(['Tutoring', 'Piano lessons']);
    expect(saved[0]!.template).toEqual(namedTemplate('Tutoring'));
  });

  it('live in the settings table', async () => {
    const saved = await saveTemplate(namedTemplate('Tutoring'));
    const record = await getDatabase().settings.get(`template:${saved.id}`);
    expect(record).toBeDefined();
  });

  it('delete one and keep the others', async () => {
    const first = await saveTemplate(namedTemplate('Tutoring'));
    const second = await saveTemplate(namedTemplate('Piano lessons'));

    await deleteSavedTemplate(first.id);

    expect((await listSavedTemplates()).map((each) => each.id)).toEqual([second.id]);
  });

  it('reject a template with a link to a missing sheet', async () => {
    const broken = namedTemplate('Broken');
    broken.sheets[0]!.fields.push({ key: 'school', name: 'School', type: 'link', linkSheet: 'Schools' });

    await expect(saveTemplate(broken)).rejects.toThrow('links to sheet "Schools", which is not in the file');
    expect(await listSavedTemplates()).toEqual([]);
  });

  it('skip a damaged record when listing', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await saveTemplate(namedTemplate('Tutoring'));
    await getDatabase().settings.put({ key: 'template:damaged', value: { savedAt: 'x', template: { name: 7 } } });

    const saved = await listSavedTemplates();

    expect(saved.map((each) => each.template.name)).toEqual(['Tutoring']);
    expect(logged).toHaveBeenCalledOnce();
  });

  it('ignore other settings', async () => {
    await getDatabase().settings.put({ key: 'workbook', value: { currency: 'EUR' } });
    expect(await listSavedTemplates()).toEqual([]);
  });
});

describe('createSheets with template ids', () => {
  it('keeps given sheet and row ids', async () => {
    const field: FieldDef = { id: 'f-name', name: 'Name', type: 'text', settings: {}, role: 'name' };
    const [sheetId] = await createSheets([
      { id: 'sheet-pupils', name: 'Pupils', fields: [field], rows: [{ 'f-name': 'Ada' }], rowIds: ['row-ada'] },
    ]);

    expect(sheetId).toBe('sheet-pupils');
    expect((await listRows('sheet-pupils')).map((row) => row.id)).toEqual(['row-ada']);
  });

  it('rejects row ids that do not match the rows', async () => {
    const field: FieldDef = { id: 'f-name', name: 'Name', type: 'text', settings: {} };
    await expect(
      createSheets([{ name: 'Pupils', fields: [field], rows: [{ 'f-name': 'Ada' }], rowIds: [] }]),
    ).rejects.toThrow('has 0 row ids but 1 rows');
    expect(await listSheets()).toEqual([]);
  });

  it('stores a template with links that resolve', async () => {
    const crm = TEMPLATES.find((each) => each.name === 'Google Sheets CRM')!;
    const ids = await createSheets(instantiateTemplate(crm, { withSampleRows: true }));

    const sheets = await listSheets();
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Leads', 'People', 'Companies', 'Opportunities']);
    expect(await getActiveSheetId()).toBe(ids[0]);

    const opportunities = sheets[3]!;
    const companies = sheets[2]!;
    const companyLink = opportunities.fields.find((field) => field.name === 'Company')!;
    const companyRowIds = new Set((await listRows(companies.id)).map((row) => row.id));
    const opportunityRows = await listRows(opportunities.id);
    expect(opportunityRows).toHaveLength(5);
    for (const row of opportunityRows) {
      const [linked] = row.values[companyLink.id] as string[];
      expect(companyRowIds.has(linked!)).toBe(true);
    }
  });

  it('adds a template twice with unique sheet names', async () => {
    const pipeline = TEMPLATES.find((each) => each.name === 'Sales pipeline')!;
    await createSheets(instantiateTemplate(pipeline, { withSampleRows: true }));
    await createSheets(instantiateTemplate(pipeline, { withSampleRows: true }));

    const sheets = await listSheets();
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Deals', 'Contacts', 'Deals 2', 'Contacts 2']);
    const contact = sheets[2]!.fields.find((field) => field.role === 'contact')!;
    expect(contact.settings.linkSheetId).toBe(sheets[3]!.id);
  });
});
