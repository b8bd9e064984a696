// The board's filters: by owner, by tag, and by text typed in "Filter cards".
// They narrow the cards shown and the lane totals, never the lanes.

import type { RowRecord, SheetRecord } from '../db/records';
import { cellLabel } from '../dashboard/metrics/columns';
import { formatCell } from '../fields/cells';
import type { FieldContext, FieldDef } from '../fields/types';
import type { BoardColumns } from './boardColumns';

/** Filter value that accepts every row. */
export const ANY = '';

export interface CardFilter {
  /** Owner label, or ANY. */
  owner: string;
  /** Tag label, or ANY. */
  tag: string;
  /** Text to find in any cell, ignoring case; blank accepts every row. */
  text: string;
}

export const NO_FILTER: CardFilter = { owner: ANY, tag: ANY, text: '' };

/** Returns the tag labels of a row: multi-select choices, one select choice, or comma-separated text. */
export function tagsOf(row: RowRecord, field: FieldDef): string[] {
  const value = row.values[field.id];
  if (field.type === 'multiSelect') {
    if (!Array.isArray(value)) return [];
    const options = field.settings.options ?? [];
    return value.flatMap((id) => options.find((option) => option.id === id)?.label ?? []);
  }
  if (field.type === 'text') {
    if (typeof value !== 'string') return [];
    return value
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '');
  }
  const label = cellLabel(value, field);
  return label === null ? [] : [label];
}

function sortedDistinct(labels: Iterable<string>, locale: string): string[] {
  return [...new Set(labels)].sort((a, b) => a.localeCompare(b, locale));
}

/** Returns the owners found in the rows, sorted. */
export function ownerChoices(rows: RowRecord[], field: FieldDef, locale: string): string[] {
  return sortedDistinct(
    rows.flatMap((row) => cellLabel(row.values[field.id], field) ?? []),
    locale,
  );
}

/** Returns the tags to filter by: a choice column's choices in order, or the tags found in a text column, sorted. */
export function tagChoices(rows: RowRecord[], field: FieldDef, locale: string): string[] {
  if (field.type === 'multiSelect' || field.type === 'select') {
    return (field.settings.options ?? []).map((option) => option.label);
  }
  return sortedDistinct(
    rows.flatMap((row) => tagsOf(row, field)),
    locale,
  );
}

/**
 * Returns a test that accepts the rows passing every filter. The text filter
 * looks in every cell as the grid shows it, except link cells, which store
 * row ids.
 */
export function cardMatcher(
  sheet: SheetRecord,
  columns: BoardColumns,
  filter: CardFilter,
  ctx: FieldContext,
): (row: RowRecord) => boolean {
  const { owner, tags } = columns;
  const text = filter.text.trim().toLocaleLowerCase(ctx.locale);
  const searched = sheet.fields.filter((field) => field.type !== 'link');

  return (row) => {
    if (owner && filter.owner !== ANY && cellLabel(row.values[owner.id], owner) !== filter.owner) return false;
    if (tags && filter.tag !== ANY && !tagsOf(row, tags).includes(filter.tag)) return false;
    if (text === '') return true;
    return searched.some((field) =>
      formatCell(row.values[field.id], field, ctx).toLocaleLowerCase(ctx.locale).includes(text),
    );
  };
}
