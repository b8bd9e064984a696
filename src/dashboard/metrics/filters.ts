// AG Grid filter models for the click-through from a figure to its rows.
// They match the filters the grid gives each column type (src/grid/columns.ts):
// date columns use agDateColumnFilter on the stored day, select and text
// columns use agTextColumnFilter on the label a cell shows.

import { addDays } from './dates';
import type { RowsTarget } from './types';

/**
 * Maximum conditions in one column filter. AG Grid's filter panel shows two
 * by default (filterParams.maxNumConditions), and drops further ones.
 */
const MAX_CONDITIONS = 2;

type FilterModel = Record<string, unknown>;

function dateCondition(type: string, dateFrom: string, dateTo: string | null = null): FilterModel {
  // AG Grid writes dates in filter models as 'YYYY-MM-DD hh:mm:ss'.
  return { filterType: 'date', type, dateFrom: `${dateFrom} 00:00:00`, dateTo: dateTo && `${dateTo} 00:00:00` };
}

/** Rows whose day is before `day`. */
export function dateBefore(day: string): FilterModel {
  return dateCondition('lessThan', day);
}

/**
 * Rows whose day is from `start` to `end`, both included. AG Grid's inRange
 * leaves out both ends unless the column sets inRangeInclusive, so the bounds
 * are widened by a day.
 */
export function dateBetween(start: string, end: string): FilterModel {
  return dateCondition('inRange', addDays(start, -1), addDays(end, 1));
}

/** Rows with any day in the column. */
export function dateNotBlank(): FilterModel {
  return { filterType: 'date', type: 'notBlank' };
}

function combine(conditions: FilterModel[], operator: 'AND' | 'OR'): FilterModel | null {
  if (conditions.length === 0 || conditions.length > MAX_CONDITIONS) return null;
  if (conditions.length === 1) return conditions[0]!;
  return { filterType: 'text', operator, conditions };
}

/** Rows whose label is one of `labels`, or null when there are too many to express. */
export function textEquals(labels: string[]): FilterModel | null {
  return combine(
    labels.map((filter) => ({ filterType: 'text', type: 'equals', filter })),
    'OR',
  );
}

/** Rows whose text column is empty. */
export function textBlank(): FilterModel {
  return { filterType: 'text', type: 'blank' };
}

/**
 * Rows whose label is not one of `excluded` (at least one), empty cells
 * included. Returns null when neither the excluded labels nor the kept ones
 * fit in one filter.
 */
export function textExcluding(allLabels: string[], excluded: string[]): FilterModel | null {
  // A text filter's notEqual lets empty cells through, so the empty cells stay.
  const withoutExcluded = combine(
    excluded.map((filter) => ({ filterType: 'text', type: 'notEqual', filter })),
    'AND',
  );
  if (withoutExcluded) return withoutExcluded;

  const kept = allLabels.filter((label) => !excluded.includes(label));
  return combine([textBlank(), ...kept.map((filter) => ({ filterType: 'text', type: 'equals', filter }))], 'OR');
}

export function newTarget(sheetId: string): RowsTarget {
  return { sheetId, filters: {} };
}

/** Adds a sentence saying why the grid shows more rows than the figure counts. */
export function addApproximation(target: RowsTarget, sentence: string): void {
  target.approximation = target.approximation ? `${target.approximation} ${sentence}` : sentence;
}

/**
 * Adds a column filter to a target. A null model is a filter that cannot be
 * expressed, and `approximation` then describes what the grid shows instead.
 */
export function addFilter(target: RowsTarget, fieldId: string, model: FilterModel | null, approximation: string): void {
  if (model) target.filters[fieldId] = model;
  else addApproximation(target, approximation);
}
