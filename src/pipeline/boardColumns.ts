// The columns a pipeline board reads. Columns are found by their CRM role.
// A column without a role also counts when its header would get that role
// (guessRole), because templates and older sheets have columns such as
// 'Priority' or 'Loss reason' that were never given one.

import type { SheetRecord } from '../db/records';
import { guessRole } from '../fields/roles';
import type { FieldDef, FieldRole } from '../fields/types';

/** Headers of a column that names who looks after a row. No CRM role exists for it yet. */
const OWNER_HEADER = /\b(owner|assigned to|assignee|sales ?rep|account manager)\b/i;

export interface BoardColumns {
  /** The column whose choices are the lanes. */
  stage: FieldDef;
  name?: FieldDef;
  dealValue?: FieldDef;
  followUp?: FieldDef;
  priority?: FieldDef;
  owner?: FieldDef;
  tags?: FieldDef;
  /** The loss or churn reason column asked for when a card moves to a lost stage. */
  reason?: FieldDef;
}

/**
 * Returns the first column with the role. Failing that, returns the first
 * column without a role whose header guessRole maps to it, such as 'Loss
 * reason' for churnReason.
 */
export function findRoleField(sheet: SheetRecord, role: FieldRole): FieldDef | undefined {
  return (
    sheet.fields.find((field) => field.role === role) ??
    sheet.fields.find((field) => !field.role && guessRole(field.name, field.type) === role)
  );
}

/** Returns a text or single-select column headed 'Owner', 'Assigned to' or the like. */
export function findOwnerField(sheet: SheetRecord): FieldDef | undefined {
  return sheet.fields.find(
    (field) => (field.type === 'text' || field.type === 'select') && OWNER_HEADER.test(field.name),
  );
}

/**
 * Returns the columns a board can take its lanes from: the stage-role column
 * first (single select or text), then every other single-select column.
 */
export function laneFieldChoices(sheet: SheetRecord): FieldDef[] {
  const stage = sheet.fields.find((field) => field.role === 'stage');
  const selects = sheet.fields.filter((field) => field.type === 'select' && field !== stage);
  return stage ? [stage, ...selects] : selects;
}

/** Returns whether a sheet has a column with the stage role. */
export function hasStageColumn(sheet: SheetRecord): boolean {
  return sheet.fields.some((field) => field.role === 'stage');
}

/** Finds the columns a board over `stage` shows on its cards and filters by. */
export function findBoardColumns(sheet: SheetRecord, stage: FieldDef): BoardColumns {
  return {
    stage,
    name: findRoleField(sheet, 'name') ?? sheet.fields.find((field) => field.type === 'text'),
    dealValue: findRoleField(sheet, 'dealValue'),
    followUp: findRoleField(sheet, 'followUpDate'),
    priority: findRoleField(sheet, 'priority'),
    owner: findOwnerField(sheet),
    tags: findRoleField(sheet, 'tags'),
    reason: findRoleField(sheet, 'churnReason'),
  };
}
