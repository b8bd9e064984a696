// Groups a sheet's rows into the lanes of a pipeline board: one lane per
// choice of the stage column, in the column's order, then a lane for rows
// with no stage. Each lane carries its count, total value and value weighted
// by win probability, computed with the dashboard's money and probability
// rules so both pages show the same figures.

import type { RowRecord, SheetRecord } from '../db/records';
import { cellLabel, columnLabels, isLostLabel, isWonLabel } from '../dashboard/metrics/columns';
import { cellDay } from '../dashboard/metrics/dates';
import { moneyFromCell, sumMoney } from '../dashboard/metrics/money';
import { dealProbability } from '../dashboard/metrics/pipeline';
import type { MoneyTotal } from '../dashboard/metrics/types';
import { priorityRank } from '../fields/priority';
import type { FieldDef, MoneyValue } from '../fields/types';
import type { BoardColumns } from './boardColumns';

/** Key of the lane for rows whose stage is empty, deleted or not a valid choice. Choice ids and labels are never empty. */
export const NO_STAGE_KEY = '';
export const NO_STAGE_LABEL = 'No stage';
/** Name shown on a card whose row has no name. */
export const UNNAMED_CARD = '(no name)';

/** A lane before rows are placed in it. */
export interface LaneSpec {
  key: string;
  label: string;
  /** Value a move writes to the stage cell: an option id, a text label, or null to empty it. */
  value: string | null;
  /** The stage's chance of a win from 0 to 1, used for rows without their own probability. */
  probability: number | null;
  /** True for a lost stage, such as 'Closed Lost' or 'Abandoned'. */
  lost: boolean;
  /** True for a won stage, such as 'Closed Won'. */
  won: boolean;
}

export interface Card {
  row: RowRecord;
  name: string;
  /** Label of the priority cell, or null when empty or the sheet has no priority column. */
  priority: string | null;
  /** Next follow-up as 'YYYY-MM-DD', or null. */
  followUpDay: string | null;
  value: MoneyValue | null;
  /** Chance of a win from 0 to 1: 1 in a won lane, 0 in a lost lane, else the row's or its stage's, else null. */
  probability: number | null;
}

export interface Lane extends LaneSpec {
  cards: Card[];
  /** Sum of the card values, or null when the sheet has no deal value column. */
  total: MoneyTotal | null;
  /** Sum of value times probability, or null when the sheet has no deal value column. */
  weighted: MoneyTotal | null;
  /** Cards with a value but no probability, left out of the weighted value. */
  withoutProbability: number;
}

/** Returns whether moving a card to a stage with this label closes it as lost. */
export function isLostStage(label: string): boolean {
  return isLostLabel(label);
}

/** Returns the lanes of a stage column: its choices in order, or the distinct texts of a text column, then No stage. */
export function laneSpecs(stage: FieldDef, rows: RowRecord[]): LaneSpec[] {
  const specs: LaneSpec[] =
    stage.type === 'select'
      ? (stage.settings.options ?? []).map((option) => ({
          key: option.id,
          label: option.label,
          value: option.id,
          probability: typeof option.probability === 'number' ? option.probability : null,
          lost: isLostStage(option.label),
          won: isWonLabel(option.label),
        }))
      : columnLabels(stage, rows).map((label) => ({
          key: label,
          label,
          value: label,
          probability: null,
          lost: isLostStage(label),
          won: isWonLabel(label),
        }));
  specs.push({ key: NO_STAGE_KEY, label: NO_STAGE_LABEL, value: null, probability: null, lost: false, won: false });
  return specs;
}

/** Returns the key of the lane a row belongs in. */
export function laneKeyOf(row: RowRecord, stage: FieldDef): string {
  const value = row.values[stage.id];
  if (stage.type === 'select') {
    const known = typeof value === 'string' && stage.settings.options?.some((option) => option.id === value);
    return known ? value : NO_STAGE_KEY;
  }
  return cellLabel(value, stage) ?? NO_STAGE_KEY;
}

function cardName(row: RowRecord, field: FieldDef | undefined): string {
  const value = field ? row.values[field.id] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : UNNAMED_CARD;
}

/**
 * Builds a card. A deal in a won or lost lane has a known outcome, so its
 * probability is 1 or 0 whatever its Probability cell still holds. Other
 * cards take the row's probability, else their stage's.
 */
export function toCard(
  row: RowRecord,
  sheet: SheetRecord,
  columns: BoardColumns,
  lane: LaneSpec,
  currency: string,
): Card {
  const { name, priority, followUp, dealValue } = columns;
  let probability = dealProbability(row, sheet) ?? lane.probability;
  if (lane.won) probability = 1;
  if (lane.lost) probability = 0;

  return {
    row,
    name: cardName(row, name),
    priority: priority ? cellLabel(row.values[priority.id], priority) : null,
    followUpDay: followUp ? cellDay(row.values[followUp.id], followUp) : null,
    value: dealValue ? moneyFromCell(row.values[dealValue.id], dealValue, currency) : null,
    probability,
  };
}

/**
 * Orders cards by priority (High, Medium, Low, then none), then by next
 * follow-up with the earliest first and cards without one last, then by
 * their position in the sheet.
 */
export function compareCards(a: Card, b: Card): number {
  const byPriority = priorityRank(a.priority) - priorityRank(b.priority);
  if (byPriority !== 0) return byPriority;
  if (a.followUpDay !== b.followUpDay) {
    if (a.followUpDay === null) return 1;
    if (b.followUpDay === null) return -1;
    return a.followUpDay < b.followUpDay ? -1 : 1;
  }
  return a.row.position - b.row.position;
}

/** Returns the total and weighted value of some cards, or nulls when the sheet has no deal value column. */
export function laneTotals(
  cards: Card[],
  hasValueColumn: boolean,
  currency: string,
): Pick<Lane, 'total' | 'weighted' | 'withoutProbability'> {
  if (!hasValueColumn) return { total: null, weighted: null, withoutProbability: 0 };

  const amounts: MoneyValue[] = [];
  const weightedAmounts: MoneyValue[] = [];
  let withoutProbability = 0;
  for (const card of cards) {
    if (!card.value) continue;
    amounts.push(card.value);
    if (card.probability === null) withoutProbability += 1;
    else weightedAmounts.push({ minor: card.value.minor * card.probability, currency: card.value.currency });
  }

  const weighted = sumMoney(weightedAmounts, currency);
  return {
    total: sumMoney(amounts, currency),
    weighted: weighted.ok ? { ...weighted, minor: Math.round(weighted.minor) } : weighted,
    withoutProbability,
  };
}

/**
 * Places the rows that `includeRow` accepts in lanes, each lane sorted by
 * compareCards, with totals over its shown cards. Lanes of a text column
 * come from every row, so a filter never removes a lane.
 */
export function buildLanes(
  sheet: SheetRecord,
  rows: RowRecord[],
  columns: BoardColumns,
  currency: string,
  includeRow: (row: RowRecord) => boolean = () => true,
): Lane[] {
  const specs = laneSpecs(columns.stage, rows);
  const cardsByKey = new Map<string, Card[]>(specs.map((spec) => [spec.key, []]));
  const specByKey = new Map(specs.map((spec) => [spec.key, spec]));

  for (const row of rows) {
    if (!includeRow(row)) continue;
    const key = laneKeyOf(row, columns.stage);
    const spec = specByKey.get(key) ?? specByKey.get(NO_STAGE_KEY)!;
    cardsByKey.get(spec.key)!.push(toCard(row, sheet, columns, spec, currency));
  }

  return specs.map((spec) => {
    const cards = cardsByKey.get(spec.key)!.sort(compareCards);
    return { ...spec, cards, ...laneTotals(cards, columns.dealValue !== undefined, currency) };
  });
}
