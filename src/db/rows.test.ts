import { afterEach, describe, expect, it } from 'vitest';

import type { FieldDef } from '../fields/types';
import { resetDatabaseForTests } from './connection';
import { redoLastUndone, undoLastChange } from './history';
import { addRows, deleteRows, editCells, listRows, listTrash, purgeRows, restoreRows } from './rows';
import { createSheets, listSheets } from './sheets';

const nameField: FieldDef = { id: 'f-name', name: 'Name', type: 'text', settings: {}, role: 'name' };
const emailField: FieldDef = { id: 'f-email', name: 'Email', type: 'email', settings: {} };

afterEach(() => resetDatabaseForTests());

async function makeSheet(rows: Record<string, string>[] = []): Promise<string> {
  const [sheetId] = await createSheets([{ name: 'Clients', fields: [nameField, emailField], rows }]);
  return sheetId!;
}

describe('rows', () => {
  it('adds rows in order after existing ones', async () => {
    const sheetId = await makeSheet([{ 'f-name': 'Ada Quill' }]);
    await addRows(sheetId, [{ 'f-name': 'Bram Oakes' }, { 'f-name': 'Cleo Marsh' }]);

    const names = (await listRows(sheetId)).map((row) => row.values['f-name']);
    expect(names).toEqual(['Ada Quill', 'Bram Oakes', 'Cleo Marsh']);
  });

  it('gives every row a string id', async () => {
    const sheetId = await makeSheet();
    const [rowId] = await addRows(sheetId);
    expect(rowId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('edits a cell and clears it with null', async () => {
    const sheetId = await makeSheet([{ 'f-name': 'Ada Quill', 'f-email': 'ada@quill.test' }]);
    const [row] = await listRows(sheetId);

    await editCells(sheetId, [{ rowId: row!.id, fieldId: 'f-name', value: 'Ada Q. Quill' }]);
    await editCells(sheetId, [{ rowId: row!.id, fieldId: 'f-email', value: null }]);

    const [edited] = await listRows(sheetId);
    expect(edited!.values).toEqual({ 'f-name': 'Ada Q. Quill' });
  });

  it('moves deleted rows to the trash and back', async () => {
    const sheetId = await makeSheet([{ 'f-name': 'Ada Quill' }, { 'f-name': 'Bram Oakes' }]);
    const [first] = await listRows(sheetId);

    await deleteRows(sheetId, [first!.id]);
    expect((await listRows(sheetId)).map((row) => row.values['f-name'])).toEqual(['Bram Oakes']);
    const trash = await listTrash(sheetId);
    expect(trash.map((row) => row.values['f-name'])).toEqual(['Ada Quill']);
    expect(trash[0]!.deletedAt).toBeTruthy();

    await restoreRows(sheetId, [first!.id]);
    expect((await listRows(sheetId)).map((row) => row.values['f-name'])).toEqual(['Ada Quill', 'Bram Oakes']);
    expect(await listTrash(sheetId)).toEqual([]);
  });

  it('purges only rows that are in the trash', async () => {
    const sheetId = await makeSheet([{ 'f-name': 'Ada Quill' }, { 'f-name': 'Bram Oakes' }]);
    const [first, second] = await listRows(sheetId);
    await deleteRows(sheetId, [first!.id]);

    await purgeRows(sheetId, [first!.id, second!.id]);

    expect(await listTrash(sheetId)).toEqual([]);
    expect((await listRows(sheetId)).map((row) => row.values['f-name'])).toEqual(['Bram Oakes']);
    expect(await undoLastChange(sheetId)).toBe(false);
  });

  it('rejects an edit to a row that no longer exists', async () => {
    const sheetId = await makeSheet();
    await expect(editCells(sheetId, [{ rowId: 'missing', fieldId: 'f-name', value: 'x' }])).rejects.toThrow(
      /no longer exists/,
    );
  });
});

describe('undo and redo', () => {
  it('undoes and redoes an edit', async () => {
    const sheetId = await makeSheet([{ 'f-name': 'Ada Quill' }]);
    const [row] = await listRows(sheetId);
    await editCells(sheetId, [{ rowId: row!.id, fieldId: 'f-name', value: 'Changed' }]);

    expect(await undoLastChange(sheetId)).toBe(true);
    expect((await listRows(sheetId))[0]!.values['f-name']).toBe('Ada Quill');

    expect(await redoLastUndone(sheetId)).toBe(true);
    expect((await listRows(sheetId))[0]!.values['f-name']).toBe('Changed');
  });

  it('undoes several steps newest first and redoes them in order', async () => {
    const sheetId = await makeSheet([{ 'f-name': 'v0' }]);
    const [row] = await listRows(sheetId);
    for (const value of ['v1', 'v2', 'v3']) {
      await editCells(sheetId, [{ rowId: row!.id, fieldId: 'f-name', value }]);
    }

    await undoLastChange(sheetId);
    await undoLastChange(sheetId);
    expect((await listRows(sheetId))[0]!.values['f-name']).toBe('v1');

    await redoLastUndone(sheetId);
    expect((await listRows(sheetId))[0]!.values['f-name']).toBe('v2');
  });

  it('drops the redo steps once a new change is made', async () => {
    const sheetId = await makeSheet([{ 'f-name': 'v0' }]);
    const [row] = await listRows(sheetId);
    await editCells(sheetId, [{ rowId: row!.id, fieldId: 'f-name', value: 'v1' }]);
    await undoLastChange(sheetId);
    await editCells(sheetId, [{ rowId: row!.id, fieldId: 'f-name', value: 'v2' }]);

    expect(await redoLastUndone(sheetId)).toBe(false);
    expect((await listRows(sheetId))[0]!.values['f-name']).toBe('v2');
  });

  it('undoes an added row by removing it', async () => {
    const sheetId = await makeSheet();
    await addRows(sheetId, [{ 'f-name': 'Ada Quill' }]);
    await undoLastChange(sheetId);
    expect(await listRows(sheetId)).toEqual([]);
  });

  it('undoes a delete by restoring the row', async () => {
    const sheetId = await makeSheet([{ 'f-name': 'Ada Quill' }]);
    const [row] = await listRows(sheetId);
    await deleteRows(sheetId, [row!.id]);
    await undoLastChange(sheetId);
    expect((await listRows(sheetId)).length).toBe(1);
  });
});

describe('sheets', () => {
  it('names a second sheet with the same name uniquely', async () => {
    await makeSheet();
    await makeSheet();
    expect((await listSheets()).map((sheet) => sheet.name)).toEqual(['Clients', 'Clients 2']);
  });
});
