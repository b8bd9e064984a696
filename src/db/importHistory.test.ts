import { afterEach, describe, expect, it } from 'vitest';

import type { FieldDef } from '../fields/types';
import { getDatabase, resetDatabaseForTests } from './connection';
import { undoLastChange } from './history';
import { getRememberedImportChoices, listImports, undoImport } from './importHistory';
import { commitImport } from './imports';
import { editCells, listRows, listTrash } from './rows';
import { createSheets } from './sheets';

const nameField: FieldDef = { id: 'f-name', name: 'Name', type: 'text', settings: {}, role: 'name' };
const cityField: FieldDef = { id: 'f-city', name: 'City', type: 'text', settings: {} };

afterEach(() => resetDatabaseForTests());

async function sheetWithTwoRows(): Promise<{ sheetId: string; ada: string; bram: string }> {
  const [sheetId] = await createSheets([
    {
      name: 'Clients',
      fields: [nameField, cityField],
      rows: [{ 'f-name': 'Ada', 'f-city': 'Ludlow' }, { 'f-name': 'Bram' }],
    },
  ]);
  const rows = await listRows(sheetId!);
  return { sheetId: sheetId!, ada: rows[0]!.id, bram: rows[1]!.id };
}

async function importWithUpdates(sheetId: string, ada: string, bram: string) {
  return commitImport({
    fileName: 'update.csv',
    target: { sheetId },
    rows: [{ 'f-name': 'Cleo', 'f-city': 'Bath' }],
    updates: [
      { rowId: ada, values: { 'f-city': 'Leeds' } },
      { rowId: bram, values: { 'f-city': 'York' } },
    ],
    updated: 2,
    skipped: 1,
    rejected: 0,
    remember: { key: 'importLayout:test', value: { columns: [] } },
  });
}

describe('commitImport with updates', () => {
  it('writes over matched rows and saves the remembered choices', async () => {
    const { sheetId, ada, bram } = await sheetWithTwoRows();
    const outcome = await importWithUpdates(sheetId, ada, bram);

    const rows = await listRows(sheetId);
    expect(rows.map((row) => [row.values['f-name'], row.values['f-city']])).toEqual([
      ['Ada', 'Leeds'],
      ['Bram', 'York'],
      ['Cleo', 'Bath'],
    ]);
    expect(await getDatabase().imports.get(outcome.importId)).toMatchObject({ added: 1, updated: 2, skipped: 1 });
    expect(await getRememberedImportChoices('importLayout:test')).toEqual({ columns: [] });
  });

  it('rejects an update of a deleted row and writes nothing', async () => {
    const { sheetId, ada } = await sheetWithTwoRows();
    await getDatabase().rows.update(ada, { deleted: 1 });
    await expect(
      commitImport({
        fileName: 'late.csv',
        target: { sheetId },
        rows: [{ 'f-name': 'Dev' }],
        updates: [{ rowId: ada, values: { 'f-city': 'Hull' } }],
        skipped: 0,
        rejected: 0,
      }),
    ).rejects.toThrow(/deleted since the preview/);
    expect(await getDatabase().imports.count()).toBe(0);
    expect((await listRows(sheetId)).map((row) => row.values['f-name'])).toEqual(['Bram']);
  });

  it('is undone as a whole by the toolbar undo', async () => {
    const { sheetId, ada, bram } = await sheetWithTwoRows();
    await importWithUpdates(sheetId, ada, bram);
    expect(await undoLastChange(sheetId)).toBe(true);

    const rows = await listRows(sheetId);
    expect(rows.map((row) => [row.values['f-name'], row.values['f-city']])).toEqual([
      ['Ada', 'Ludlow'],
      ['Bram', undefined],
    ]);
    expect((await listImports())[0]!.state).toBe('undoneByToolbar');
  });
});

describe('undoImport', () => {
  it('removes added rows and reverts updated ones, keeping later edits', async () => {
    const { sheetId, ada, bram } = await sheetWithTwoRows();
    const { importId } = await importWithUpdates(sheetId, ada, bram);
    const cleo = (await listRows(sheetId))[2]!.id;
    await editCells(sheetId, [
      { rowId: bram, fieldId: 'f-city', value: 'Whitby' },
      { rowId: cleo, fieldId: 'f-city', value: 'Wells' },
    ]);

    const outcome = await undoImport(importId);

    expect(outcome).toEqual({ removed: 1, removedEdited: 1, reverted: 2, keptEdits: 1 });
    const rows = await listRows(sheetId);
    expect(rows.map((row) => [row.values['f-name'], row.values['f-city']])).toEqual([
      ['Ada', 'Ludlow'],
      ['Bram', 'Whitby'],
    ]);
    expect((await listTrash(sheetId)).map((row) => row.values['f-name'])).toEqual(['Cleo']);
  });

  it('marks the import undone and refuses a second undo', async () => {
    const { sheetId, ada, bram } = await sheetWithTwoRows();
    const { importId } = await importWithUpdates(sheetId, ada, bram);
    await undoImport(importId);

    const [item] = await listImports();
    expect(item).toMatchObject({ sheetName: 'Clients', state: 'undone' });
    expect(item!.record.undoneAt).toBeDefined();
    await expect(undoImport(importId)).rejects.toThrow('The import of update.csv was already undone.');
  });

  it('leaves the toolbar undo to earlier changes', async () => {
    const { sheetId, ada, bram } = await sheetWithTwoRows();
    const { importId } = await importWithUpdates(sheetId, ada, bram);
    await undoImport(importId);

    // The next undo step is the sheet's creation, not the import again.
    await undoLastChange(sheetId);
    expect(await getDatabase().imports.get(importId)).toMatchObject({ undoneAt: expect.any(String) });
    const history = await getDatabase().history.where('sheetId').equals(sheetId).toArray();
    expect(history.find((entry) => entry.importId === importId)!.state).toBe('discarded');
  });

  it('lists imports newest first', async () => {
    const { sheetId } = await sheetWithTwoRows();
    await commitImport({
      fileName: 'one.csv',
      target: { sheetId },
      rows: [{ 'f-name': 'A' }],
      skipped: 0,
      rejected: 0,
    });
    await commitImport({
      fileName: 'two.csv',
      target: { sheetId },
      rows: [{ 'f-name': 'B' }],
      skipped: 0,
      rejected: 0,
    });
    expect((await listImports()).map((item) => [item.record.fileName, item.state])).toEqual([
      ['two.csv', 'applied'],
      ['one.csv', 'applied'],
    ]);
  });
});
