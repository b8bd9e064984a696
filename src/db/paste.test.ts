import { afterEach, describe, expect, it } from 'vitest';

import type { FieldDef } from '../fields/types';
import { getDatabase, resetDatabaseForTests } from './connection';
import { redoLastUndone, undoLastChange } from './history';
import { pasteCells } from './paste';
import { deleteRows, editCells, listRows } from './rows';
import { createSheets } from './sheets';

const nameField: FieldDef = { id: 'f-name', name: 'Name', type: 'text', settings: {}, role: 'name' };
const emailField: FieldDef = { id: 'f-email', name: 'Email', type: 'email', settings: {} };

afterEach(() => resetDatabaseForTests());

async function makeSheet(rows: Record<string, string>[] = []): Promise<string> {
  const [sheetId] = await createSheets([{ name: 'Clients', fields: [nameField, emailField], rows }]);
  return sheetId!;
}

async function historyCount(sheetId: string): Promise<number> {
  return getDatabase().history.where('sheetId').equals(sheetId).count();
}

const valuesOf = async (sheetId: string) => (await listRows(sheetId)).map((row) => row.values);

describe('pasteCells', () => {
  it('edits rows and appends new rows', async () => {
    const sheetId = await makeSheet([{ 'f-name': 'Ada Quill' }, { 'f-name': 'Bram Oakes' }]);
    const [first, second] = await listRows(sheetId);

    await pasteCells(
      sheetId,
      [
        { rowId: first!.id, fieldId: 'f-email', value: 'ada@quill.test' },
        { rowId: second!.id, fieldId: 'f-name', value: 'Bram O.' },
        { rowId: second!.id, fieldId: 'f-email', value: { invalid: 'bram at oakes' } },
      ],
      [{ 'f-name': 'Cleo Marsh', 'f-email': 'cleo@marsh.test' }, { 'f-name': 'Dev Lane' }],
    );

    expect(await valuesOf(sheetId)).toEqual([
      { 'f-name': 'Ada Quill', 'f-email': 'ada@quill.test' },
      { 'f-name': 'Bram O.', 'f-email': { invalid: 'bram at oakes' } },
      { 'f-name': 'Cleo Marsh', 'f-email': 'cleo@marsh.test' },
      { 'f-name': 'Dev Lane' },
    ]);
  });

  it('clears cells pasted as empty', async () => {
    const sheetId = await makeSheet([{ 'f-name': 'Ada Quill', 'f-email': 'ada@quill.test' }]);
    const [row] = await listRows(sheetId);

    await pasteCells(
      sheetId,
      [{ rowId: row!.id, fieldId: 'f-email', value: null }],
      [{ 'f-name': 'Bram', 'f-email': null }],
    );

    expect(await valuesOf(sheetId)).toEqual([{ 'f-name': 'Ada Quill' }, { 'f-name': 'Bram' }]);
  });

  it('appends after rows in the trash', async () => {
    const sheetId = await makeSheet([{ 'f-name': 'Ada Quill' }, { 'f-name': 'Bram Oakes' }]);
    const [, second] = await listRows(sheetId);
    await deleteRows(sheetId, [second!.id]);

    await pasteCells(sheetId, [], [{ 'f-name': 'Cleo Marsh' }]);

    const rows = await listRows(sheetId);
    expect(rows.map((row) => row.values['f-name'])).toEqual(['Ada Quill', 'Cleo Marsh']);
    expect(rows[1]!.position).toBeGreaterThan(second!.position);
  });

  it('records one history entry', async () => {
    const sheetId = await makeSheet([{ 'f-name': 'Ada Quill' }]);
    const [row] = await listRows(sheetId);
    const before = await historyCount(sheetId);

    await pasteCells(sheetId, [{ rowId: row!.id, fieldId: 'f-name', value: 'Ada Q.' }], [{ 'f-name': 'Bram' }, {}]);

    expect(await historyCount(sheetId)).toBe(before + 1);
  });

  it('undoes added and edited rows in one step', async () => {
    const sheetId = await makeSheet([{ 'f-name': 'Ada Quill' }, { 'f-name': 'Bram Oakes' }]);
    const [first, second] = await listRows(sheetId);
    await editCells(sheetId, [{ rowId: first!.id, fieldId: 'f-email', value: 'ada@quill.test' }]);
    const beforePaste = await valuesOf(sheetId);

    await pasteCells(
      sheetId,
      [
        { rowId: first!.id, fieldId: 'f-email', value: 'new@quill.test' },
        { rowId: second!.id, fieldId: 'f-name', value: 'Bram O.' },
      ],
      [{ 'f-name': 'Cleo Marsh' }, { 'f-name': 'Dev Lane' }],
    );
    const afterPaste = await valuesOf(sheetId);
    expect(afterPaste).toHaveLength(4);

    expect(await undoLastChange(sheetId)).toBe(true);
    expect(await valuesOf(sheetId)).toEqual(beforePaste);

    expect(await redoLastUndone(sheetId)).toBe(true);
    expect(await valuesOf(sheetId)).toEqual(afterPaste);

    // The edit made before the paste is still its own undo step.
    await undoLastChange(sheetId);
    await undoLastChange(sheetId);
    expect(await valuesOf(sheetId)).toEqual([{ 'f-name': 'Ada Quill' }, { 'f-name': 'Bram Oakes' }]);
  });

  it('writes nothing when an edited row is in the trash', async () => {
    const sheetId = await makeSheet([{ 'f-name': 'Ada Quill' }, { 'f-name': 'Bram Oakes' }]);
    const [first, second] = await listRows(sheetId);
    await deleteRows(sheetId, [second!.id]);
    const entries = await historyCount(sheetId);

    await expect(
      pasteCells(
        sheetId,
        [
          { rowId: first!.id, fieldId: 'f-name', value: 'Changed' },
          { rowId: second!.id, fieldId: 'f-name', value: 'Changed' },
        ],
        [{ 'f-name': 'Cleo Marsh' }],
      ),
    ).rejects.toThrow(/missing from this sheet/);

    expect(await valuesOf(sheetId)).toEqual([{ 'f-name': 'Ada Quill' }]);
    expect(await historyCount(sheetId)).toBe(entries);
  });

  it('rejects an edit to a row of another sheet', async () => {
    const sheetId = await makeSheet();
    const otherSheetId = await makeSheet([{ 'f-name': 'Ada Quill' }]);
    const [otherRow] = await listRows(otherSheetId);

    await expect(pasteCells(sheetId, [{ rowId: otherRow!.id, fieldId: 'f-name', value: 'x' }], [])).rejects.toThrow(
      /missing from this sheet/,
    );
    expect(await valuesOf(otherSheetId)).toEqual([{ 'f-name': 'Ada Quill' }]);
  });

  it('records nothing for an empty paste', async () => {
    const sheetId = await makeSheet([{ 'f-name': 'Ada Quill' }]);
    const entries = await historyCount(sheetId);

    await pasteCells(sheetId, [], []);

    expect(await historyCount(sheetId)).toBe(entries);
  });
});
