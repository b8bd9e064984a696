import { afterEach, describe, expect, it } from 'vitest';

import type { FieldDef } from '../fields/types';
import { getDatabase, resetDatabaseForTests } from './connection';
import { listRows } from './rows';
import { getActiveSheetId } from './settings';
import { createSheets, listSheets } from './sheets';
import { createView, deleteView, getActiveView, listViews, saveViewLayout, setActiveView } from './views';
import {
  addSheet,
  deleteSheet,
  duplicateSheet,
  listDeletedSheets,
  moveSheet,
  purgeSheet,
  restoreSheet,
} from './workbook';

const nameField: FieldDef = { id: 'name', name: 'Name', type: 'text', settings: {} };

afterEach(() => resetDatabaseForTests());

async function names() {
  return (await listSheets()).map((sheet) => sheet.name);
}

describe('sheets', () => {
  it('adds a sheet with a Name column and makes it active', async () => {
    const sheetId = await addSheet('Suppliers');
    expect(await names()).toEqual(['Suppliers']);
    expect(await getActiveSheetId()).toBe(sheetId);
  });

  it('duplicates a sheet with new field and row ids', async () => {
    const [sheetId] = await createSheets([
      { name: 'Clients', fields: [nameField], rows: [{ name: 'Ada' }, { name: 'Bram' }] },
    ]);
    const copyId = await duplicateSheet(sheetId!, true);

    expect(await names()).toEqual(['Clients', 'Clients copy']);
    const copy = (await getDatabase().sheets.get(copyId))!;
    expect(copy.fields[0]!.id).not.toBe('name');
    const rows = await listRows(copyId);
    expect(rows.map((row) => row.values[copy.fields[0]!.id])).toEqual(['Ada', 'Bram']);
    expect((await listRows(sheetId!)).map((row) => row.id)).not.toContain(rows[0]!.id);
  });

  it('moves tabs left and right, and not past the ends', async () => {
    await createSheets([
      { name: 'A', fields: [nameField] },
      { name: 'B', fields: [nameField] },
    ]);
    const [a] = await listSheets();
    await moveSheet(a!.id, 1);
    expect(await names()).toEqual(['B', 'A']);
    await moveSheet(a!.id, 1);
    expect(await names()).toEqual(['B', 'A']);
  });

  it('deletes a sheet to the trash and restores it', async () => {
    const [a, b] = await createSheets([
      { name: 'A', fields: [nameField], rows: [{ name: 'Ada' }] },
      { name: 'B', fields: [nameField] },
    ]);
    await deleteSheet(a!);

    expect(await names()).toEqual(['B']);
    expect(await getActiveSheetId()).toBe(b);
    expect((await listDeletedSheets()).map((sheet) => sheet.name)).toEqual(['A']);

    await restoreSheet(a!);
    expect(await names()).toEqual(['A', 'B']);
    expect((await listRows(a!)).length).toBe(1);
  });

  it('refuses to delete the last sheet', async () => {
    const [a] = await createSheets([{ name: 'A', fields: [nameField] }]);
    await expect(deleteSheet(a!)).rejects.toThrow('at least one sheet');
  });

  it('purges a deleted sheet with its rows and views', async () => {
    const [a] = await createSheets([
      { name: 'A', fields: [nameField], rows: [{ name: 'Ada' }] },
      { name: 'B', fields: [nameField] },
    ]);
    await deleteSheet(a!);
    await purgeSheet(a!);

    expect(await getDatabase().sheets.get(a!)).toBeUndefined();
    expect(await getDatabase().rows.where('sheetId').equals(a!).count()).toBe(0);
    expect(await getDatabase().views.where('sheetId').equals(a!).count()).toBe(0);
  });
});

describe('views', () => {
  it('saves a named view and makes it the active one', async () => {
    const [sheetId] = await createSheets([{ name: 'Clients', fields: [nameField] }]);
    const viewId = await createView(sheetId!, 'VIPs', {
      columns: [{ fieldId: 'name', width: 300 }],
      sorts: [{ fieldId: 'name', direction: 'asc' }],
      filters: {},
      search: 'vip',
    });
    await setActiveView(sheetId!, viewId);

    const active = await getActiveView(sheetId!);
    expect(active).toMatchObject({ name: 'VIPs', search: 'vip', isDefault: false });
    expect((await listViews(sheetId!)).map((view) => view.name)).toEqual(['All rows', 'VIPs']);
  });

  it('takes the search and filters away from "All rows" when a filtered view is saved', async () => {
    const [sheetId] = await createSheets([{ name: 'Clients', fields: [nameField] }]);
    const allRows = (await getActiveView(sheetId!))!;
    await saveViewLayout(allRows.id, {
      search: 'vip',
      filters: { name: { filterType: 'text', type: 'contains', filter: 'a' } },
      columns: [{ fieldId: 'name', width: 300 }],
    });

    const viewId = await createView(sheetId!, 'VIPs', {
      columns: [{ fieldId: 'name', width: 300 }],
      sorts: [],
      filters: { name: { filterType: 'text', type: 'contains', filter: 'a' } },
      search: 'vip',
    });

    expect(await getDatabase().views.get(viewId)).toMatchObject({ search: 'vip', filters: { name: { filter: 'a' } } });
    expect(await getDatabase().views.get(allRows.id)).toMatchObject({
      search: '',
      filters: {},
      columns: [{ fieldId: 'name', width: 300 }],
    });
  });

  it('falls back to the default view when the active one is deleted', async () => {
    const [sheetId] = await createSheets([{ name: 'Clients', fields: [nameField] }]);
    const viewId = await createView(sheetId!, 'VIPs', { columns: [], sorts: [], filters: {}, search: '' });
    await setActiveView(sheetId!, viewId);
    await deleteView(viewId);

    expect((await getActiveView(sheetId!))!.name).toBe('All rows');
  });

  it('rejects a duplicate view name', async () => {
    const [sheetId] = await createSheets([{ name: 'Clients', fields: [nameField] }]);
    await expect(createView(sheetId!, 'all rows', { columns: [], sorts: [], filters: {}, search: '' })).rejects.toThrow(
      'already exists',
    );
  });
});
