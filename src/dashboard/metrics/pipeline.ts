// Pipeline figures for every sheet with a Stage column: open value by stage,
// value weighted by win probability, win rate, average won deal and days to
// close.

import type { RowRecord, SheetRecord } from '../../db';
import type { FieldDef } from '../../fields/types';
import {
  cellLabel,
  columnLabels,
  fieldWithRole,
  findCloseDateField,
  findStartDateField,
  isLostLabel,
  isWonLabel,
  ROLE_LABELS,
} from './columns';
import { cellDay, daysBetween, instantToDay, isInPeriod } from './dates';
import { addFilter, dateBetween, newTarget, textBlank, textEquals, textExcluding } from './filters';
import { averageMoney, moneyFromCell, sumMoney } from './money';
import type { Figure, MetricsInput, MoneyTotal, RowsTarget, SheetData } from './types';

/** Label of the group of open deals whose stage is empty. */
export const NO_STAGE_LABEL = '(no stage)';

export interface StageValue {
  label: string;
  deals: Figure;
  /** Sum of the deal values, or null when the sheet has no Deal value column. */
  value: MoneyTotal | null;
}

/** The column whose choices mark a deal as won or lost, and those choices. */
export interface ClosingColumn {
  field: FieldDef;
  labels: string[];
  won: string[];
  lost: string[];
}

export interface PipelineSheet {
  sheetId: string;
  sheetName: string;
  /** Open deals by stage, in the order of the stage choices. */
  stages: StageValue[];
  open: Figure;
  openValue: MoneyTotal | null;
  weightedValue: MoneyTotal | null;
  /** Open deals with a value but no probability, left out of the weighted value. */
  withoutProbability: number;
  closing: ClosingColumn | null;
  won: Figure | null;
  lost: Figure | null;
  /** Deals won or lost, the deals a win rate is taken over. */
  closed: Figure | null;
  /** won / (won + lost), from 0 to 1, or null when no deal was won or lost. */
  winRate: number | null;
  /** False when there is no close-date column, so every closed deal counts whatever the period. */
  closedInPeriodOnly: boolean;
  averageWon: MoneyTotal | null;
  averageDaysToClose: { days: number; deals: number } | null;
  /** Sentences naming the column to add for each figure that cannot be shown. */
  missing: string[];
}

export interface PipelineMetrics {
  sheets: PipelineSheet[];
  missing: string[];
}

type DealState = 'open' | 'won' | 'lost';

/**
 * Finds the column that closes deals: the Stage column when its choices
 * include a won or lost stage, otherwise the Status column when its choices do.
 */
export function findClosingColumn(sheet: SheetRecord, rows: RowRecord[]): ClosingColumn | null {
  for (const field of [fieldWithRole(sheet, 'stage'), fieldWithRole(sheet, 'status')]) {
    if (!field) continue;
    const labels = columnLabels(field, rows);
    const won = labels.filter(isWonLabel);
    const lost = labels.filter(isLostLabel);
    if (won.length > 0 || lost.length > 0) return { field, labels, won, lost };
  }
  return null;
}

export function dealState(row: RowRecord, closing: ClosingColumn | null): DealState {
  if (!closing) return 'open';
  const label = cellLabel(row.values[closing.field.id], closing.field);
  if (label === null) return 'open';
  if (closing.won.includes(label)) return 'won';
  if (closing.lost.includes(label)) return 'lost';
  return 'open';
}

/** Adds the filter that leaves closed deals out, so a target shows open deals only. */
function addOpenFilter(target: RowsTarget, closing: ClosingColumn | null): void {
  if (!closing) return;
  const closed = [...closing.won, ...closing.lost];
  if (closed.length === 0) return;
  addFilter(
    target,
    closing.field.id,
    textExcluding(closing.labels, closed),
    `The grid cannot leave out ${closed.length} closed choices at once, so it shows closed deals too.`,
  );
}

/**
 * Returns a deal's chance of being won, from 0 to 1: its Probability cell
 * when set, otherwise the probability of its stage choice, otherwise null.
 */
export function dealProbability(row: RowRecord, sheet: SheetRecord): number | null {
  const probability = fieldWithRole(sheet, 'probability');
  const value = probability ? row.values[probability.id] : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) {
    // A percent cell stores a fraction. A plain number column may hold 40 for 40%.
    const fraction = probability?.type === 'number' && value > 1 ? value / 100 : value;
    return Math.min(1, Math.max(0, fraction));
  }

  const stage = fieldWithRole(sheet, 'stage');
  if (stage?.type !== 'select') return null;
  const option = stage.settings.options?.find((each) => each.id === row.values[stage.id]);
  return typeof option?.probability === 'number' ? option.probability : null;
}

function stageValues(
  data: SheetData,
  stage: FieldDef,
  closing: ClosingColumn | null,
  input: MetricsInput,
): StageValue[] {
  const { sheet, rows } = data;
  const dealValue = fieldWithRole(sheet, 'dealValue');
  const closedStages = closing?.field.id === stage.id ? [...closing.won, ...closing.lost] : [];
  const labels = columnLabels(stage, rows).filter((label) => !closedStages.includes(label));

  const openRows = rows.filter((row) => dealState(row, closing) === 'open');
  const groups = new Map<string | null, RowRecord[]>(labels.map((label) => [label, []]));
  for (const row of openRows) {
    const label = cellLabel(row.values[stage.id], stage);
    const key = label !== null && groups.has(label) ? label : null;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  if (groups.get(null)?.length === 0) groups.delete(null);

  return [...groups.entries()].map(([label, groupRows]) => {
    const target = newTarget(sheet.id);
    target.filters[stage.id] = label === null ? textBlank() : textEquals([label])!;
    if (closing && closing.field.id !== stage.id) addOpenFilter(target, closing);
    const amounts = dealValue
      ? groupRows.flatMap((row) => moneyFromCell(row.values[dealValue.id], dealValue, input.currency) ?? [])
      : [];
    return {
      label: label ?? NO_STAGE_LABEL,
      deals: { value: groupRows.length, target },
      value: dealValue ? sumMoney(amounts, input.currency) : null,
    };
  });
}

function weightedValue(
  sheet: SheetRecord,
  openRows: RowRecord[],
  dealValue: FieldDef,
  currency: string,
): { total: MoneyTotal; withoutProbability: number } {
  const weighted: { minor: number; currency: string }[] = [];
  let withoutProbability = 0;
  for (const row of openRows) {
    const amount = moneyFromCell(row.values[dealValue.id], dealValue, currency);
    if (!amount) continue;
    const probability = dealProbability(row, sheet);
    if (probability === null) withoutProbability += 1;
    else weighted.push({ minor: amount.minor * probability, currency: amount.currency });
  }
  const total = sumMoney(weighted, currency);
  return { total: total.ok ? { ...total, minor: Math.round(total.minor) } : total, withoutProbability };
}

function pipelineSheet(data: SheetData, stage: FieldDef, input: MetricsInput): PipelineSheet {
  const { sheet, rows } = data;
  const { period } = input;
  const dealValue = fieldWithRole(sheet, 'dealValue');
  const closing = findClosingColumn(sheet, rows);
  const closeDate = findCloseDateField(sheet);
  const missing: string[] = [];

  const openRows = rows.filter((row) => dealState(row, closing) === 'open');
  const openTarget = newTarget(sheet.id);
  addOpenFilter(openTarget, closing);

  let openValue: MoneyTotal | null = null;
  let weighted: ReturnType<typeof weightedValue> | null = null;
  if (dealValue) {
    const amounts = openRows.flatMap((row) => moneyFromCell(row.values[dealValue.id], dealValue, input.currency) ?? []);
    openValue = sumMoney(amounts, input.currency);
    weighted = weightedValue(sheet, openRows, dealValue, input.currency);
  } else {
    missing.push(`Add a column with the ${ROLE_LABELS.dealValue} role to "${sheet.name}" to see pipeline value.`);
  }

  // A deal closes in the period when its close date is in it. Without a close-date column, every closed deal counts.
  const closedInPeriodOnly = closeDate !== undefined || period.kind === 'all';
  const closesInPeriod = (row: RowRecord) =>
    !closeDate || period.kind === 'all' || isInPeriod(cellDay(row.values[closeDate.id], closeDate), period);
  const closedFigure = (states: DealState[], labels: string[]): Figure => {
    if (labels.length === 0) return { value: 0, target: null };
    const target = newTarget(sheet.id);
    addFilter(
      target,
      closing!.field.id,
      textEquals(labels),
      `The grid cannot filter by ${labels.length} choices at once, so it shows every deal.`,
    );
    if (closeDate && period.start && period.end) target.filters[closeDate.id] = dateBetween(period.start, period.end);
    const value = rows.filter((row) => states.includes(dealState(row, closing)) && closesInPeriod(row)).length;
    return { value, target };
  };

  let won: Figure | null = null;
  let lost: Figure | null = null;
  let closed: Figure | null = null;
  let winRate: number | null = null;
  let averageWon: MoneyTotal | null = null;
  let averageDaysToClose: PipelineSheet['averageDaysToClose'] = null;
  if (closing) {
    won = closedFigure(['won'], closing.won);
    lost = closedFigure(['lost'], closing.lost);
    closed = closedFigure(['won', 'lost'], [...closing.won, ...closing.lost]);
    winRate = won.value + lost.value > 0 ? won.value / (won.value + lost.value) : null;

    const wonRows = rows.filter((row) => dealState(row, closing) === 'won' && closesInPeriod(row));
    if (dealValue) {
      averageWon = averageMoney(
        wonRows.flatMap((row) => moneyFromCell(row.values[dealValue.id], dealValue, input.currency) ?? []),
        input.currency,
      );
    }
    if (closeDate) averageDaysToClose = daysToClose(sheet, wonRows, closeDate);
  } else {
    missing.push(
      `Add a "Won" and a "Lost" choice to the Stage or Status column of "${sheet.name}" to see the win rate.`,
    );
  }
  if (!closeDate) {
    missing.push(`Add a date column named "Close date" to "${sheet.name}" to see how many days deals take to close.`);
  }

  return {
    sheetId: sheet.id,
    sheetName: sheet.name,
    stages: stageValues(data, stage, closing, input),
    open: { value: openRows.length, target: openTarget },
    openValue,
    weightedValue: weighted?.total ?? null,
    withoutProbability: weighted?.withoutProbability ?? 0,
    closing,
    won,
    lost,
    closed,
    winRate,
    closedInPeriodOnly,
    averageWon,
    averageDaysToClose,
    missing,
  };
}

/**
 * Returns the mean days from a deal's start to its close date. The start is
 * a 'Created' or 'Start date' column when the sheet has one, otherwise the
 * day the row was added. Deals that close before they start (rows added
 * after the fact) are left out.
 */
function daysToClose(
  sheet: SheetRecord,
  wonRows: RowRecord[],
  closeDate: FieldDef,
): PipelineSheet['averageDaysToClose'] {
  const startField = findStartDateField(sheet);
  const spans: number[] = [];
  for (const row of wonRows) {
    const close = cellDay(row.values[closeDate.id], closeDate);
    const start = startField ? cellDay(row.values[startField.id], startField) : instantToDay(row.createdAt);
    if (close === null || start === null || close < start) continue;
    spans.push(daysBetween(start, close));
  }
  if (spans.length === 0) return null;
  return { days: spans.reduce((total, days) => total + days, 0) / spans.length, deals: spans.length };
}

export function computePipeline(input: MetricsInput): PipelineMetrics {
  const sheets: PipelineSheet[] = [];
  for (const data of input.sheets) {
    const stage = fieldWithRole(data.sheet, 'stage');
    if (stage) sheets.push(pipelineSheet(data, stage, input));
  }
  const missing =
    sheets.length === 0
      ? [`Add a column with the ${ROLE_LABELS.stage} role to a deals sheet to see the pipeline.`]
      : [];
  return { sheets, missing };
}
