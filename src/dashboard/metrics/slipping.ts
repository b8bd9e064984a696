// Customers slipping away: rows whose last contact is too long ago.

import { cellLabel, columnLabels, fieldWithRole, isFormerLabel, rowName, ROLE_LABELS } from './columns';
import { addDays, cellDay, daysBetween } from './dates';
import { addFilter, dateBefore, newTarget, textExcluding } from './filters';
import type { Figure, MetricsInput, RowsTarget } from './types';

/**
 * Days without contact after which a customer counts as slipping away. 90
 * days is one quarter: a customer who buys or books at least quarterly has
 * been in touch within it, so a longer silence is worth a call.
 */
export const SLIPPING_AFTER_DAYS = 90;

export interface SlippingCustomer {
  sheetId: string;
  rowId: string;
  name: string;
  lastContacted: string;
  daysSince: number;
  target: RowsTarget;
}

export interface SlippingSheet {
  sheetId: string;
  sheetName: string;
  slipping: Figure;
  /** Rows with no last-contact date, which cannot be judged. */
  withoutDate: number;
}

export interface SlippingMetrics {
  sheets: SlippingSheet[];
  /** Every slipping customer, longest silence first. */
  customers: SlippingCustomer[];
  missing: string[];
}

/**
 * Lists rows whose Last contacted day is more than SLIPPING_AFTER_DAYS
 * before today. Rows whose status is a former-customer choice have already
 * left and are not listed.
 */
export function computeSlipping(input: MetricsInput): SlippingMetrics {
  const result: SlippingMetrics = { sheets: [], customers: [], missing: [] };
  // A day before the cutoff is more than SLIPPING_AFTER_DAYS days ago.
  const cutoff = addDays(input.today, -SLIPPING_AFTER_DAYS);

  for (const { sheet, rows } of input.sheets) {
    const field = fieldWithRole(sheet, 'lastContacted');
    if (!field) continue;
    const status = fieldWithRole(sheet, 'status');
    const statusLabels = status ? columnLabels(status, rows) : [];
    const formerLabels = statusLabels.filter(isFormerLabel);

    let slipping = 0;
    let withoutDate = 0;
    for (const row of rows) {
      const day = cellDay(row.values[field.id], field);
      if (day === null) {
        withoutDate += 1;
        continue;
      }
      const label = status ? cellLabel(row.values[status.id], status) : null;
      if (day >= cutoff || (label !== null && formerLabels.includes(label))) continue;
      slipping += 1;
      result.customers.push({
        sheetId: sheet.id,
        rowId: row.id,
        name: rowName(sheet, row),
        lastContacted: day,
        daysSince: daysBetween(day, input.today),
        target: { sheetId: sheet.id, filters: {}, rowId: row.id },
      });
    }

    const target = newTarget(sheet.id);
    if (field.type === 'date') {
      target.filters[field.id] = dateBefore(cutoff);
    } else {
      target.sorts = [{ fieldId: field.id, direction: 'asc' }];
      addFilter(
        target,
        field.id,
        null,
        `The grid cannot filter "${field.name}" by day, so it shows every row, earliest first.`,
      );
    }
    if (status && formerLabels.length > 0) {
      addFilter(
        target,
        status.id,
        textExcluding(statusLabels, formerLabels),
        'The grid cannot leave out every former-customer status at once, so it shows former customers too.',
      );
    }
    result.sheets.push({
      sheetId: sheet.id,
      sheetName: sheet.name,
      slipping: { value: slipping, target },
      withoutDate,
    });
  }

  result.customers.sort((a, b) => b.daysSince - a.daysSince || a.name.localeCompare(b.name));
  if (result.sheets.length === 0) {
    result.missing.push(
      `Add a column with the ${ROLE_LABELS.lastContacted} role to a customer sheet to see who is slipping away.`,
    );
  }
  return result;
}
