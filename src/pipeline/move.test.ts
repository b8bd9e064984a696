import { describe, expect, it } from 'vitest';

import { undoLastChange } from '../db/history';
import { listRows } from '../db/rows';
import { createSheets } from '../db/sheets';
import type { FieldDef } from '../fields/types';
import { findBoardColumns } from './boardColumns';
import { laneSpecs, NO_STAGE_KEY } from './lanes';
import { moveCard, moveEdits } from './move';

const FIELDS: FieldDef[] = [
  { id: 'f-name', name: 'Deal', type: 'text', settings: {}, role: 'name' },
  {
    id: 'f-stage',
    name: 'Stage',
    type: 'select',
    role: 'stage',
    settings: {
      options: [
        { id: 'o-proposal', label: 'Proposal' },
        { id: 'o-lost', label: 'Closed Lost' },
      ],
    },
  },
  {
    id: 'f-reason',
    name: 'Loss reason',
    type: 'select',
    settings: { options: [{ id: 'o-price', label: 'Price' }] },
  },
];

async function createDeal() {
  const [sheetId] = await createSheets([
    { name: 'Deals', fields: FIELDS, rows: [{ 'f-name': 'Orchard audit', 'f-stage': 'o-proposal' }] },
  ]);
  const [row] = await listRows(sheetId!);
  return { sheetId: sheetId!, rowId: row!.id };
}

function lane(key: string) {
  return laneSpecs(FIELDS[1]!, []).find((each) => each.key === key)!;
}

const columns = findBoardColumns({ fields: FIELDS } as Parameters<typeof findBoardColumns>[0], FIELDS[1]!);

describe('moveCard', () => {
  it('writes stage and reason in one undo step', async () => {
    const { sheetId, rowId } = await createDeal();
    await moveCard(sheetId, rowId, columns, lane('o-lost'), 'o-price');

    const [moved] = await listRows(sheetId);
    expect(moved!.values['f-stage']).toBe('o-lost');
    expect(moved!.values['f-reason']).toBe('o-price');

    expect(await undoLastChange(sheetId)).toBe(true);
    const [restored] = await listRows(sheetId);
    expect(restored!.values['f-stage']).toBe('o-proposal');
    expect(restored!.values['f-reason']).toBeUndefined();
  });

  it('empties the stage when moved to No stage', async () => {
    const { sheetId, rowId } = await createDeal();
    await moveCard(sheetId, rowId, columns, lane(NO_STAGE_KEY));
    const [moved] = await listRows(sheetId);
    expect(moved!.values['f-stage']).toBeUndefined();
  });
});

describe('moveEdits', () => {
  it('leaves the reason alone when none is given', () => {
    expect(moveEdits('r1', columns, lane('o-lost'), '')).toEqual([
      { rowId: 'r1', fieldId: 'f-stage', value: 'o-lost' },
    ]);
  });
});
