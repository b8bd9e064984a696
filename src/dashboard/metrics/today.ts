// The "Today" figures: follow-ups that are overdue or due soon, customers who
// started in the period, and leads added in the period.

import type { FieldDef } from '../../fields/types';
import { cellDay, addDays, instantToDay, isInPeriod } from './dates';
import { cellLabel, fieldWithRole, isLeadLabel, isLeadSheetName, ROLE_LABELS, selectOptions } from './columns';
import { addApproximation, addFilter, dateBefore, dateBetween, dateNotBlank, newTarget, textEquals } from './filters';
import type { Figure, MetricsInput, RowsTarget, SheetData } from './types';

/** Follow-ups due from today through the next six days count as due soon: one week. */
export const DUE_SOON_DAYS = 7;

export interface FollowUps {
  sheetId: string;
  sheetName: string;
  overdue: Figure;
  dueSoon: Figure;
}

export interface SheetFigure {
  sheetId: string;
  sheetName: string;
  figure: Figure;
}

export interface TodayMetrics {
  followUps: FollowUps[];
  newCustomers: SheetFigure[];
  newLeads: SheetFigure[];
  /** Sentences naming the column to add for each figure that cannot be shown. */
  missing: string[];
}

const CREATED_DAY_APPROXIMATION = 'The grid cannot filter by the day a row was added, so it shows every lead.';

/** Builds a target that filters a date column, or sorts by it when the column is a date and time. */
function dateTarget(sheetId: string, field: FieldDef, model: Record<string, unknown>): RowsTarget {
  const target = newTarget(sheetId);
  if (field.type === 'date') {
    target.filters[field.id] = model;
  } else {
    target.sorts = [{ fieldId: field.id, direction: 'asc' }];
    addApproximation(target, `The grid cannot filter "${field.name}" by day, so it shows every row, earliest first.`);
  }
  return target;
}

function followUps({ sheet, rows }: SheetData, today: string): FollowUps | null {
  const field = fieldWithRole(sheet, 'followUpDate');
  if (!field) return null;

  const weekEnd = addDays(today, DUE_SOON_DAYS - 1);
  let overdue = 0;
  let dueSoon = 0;
  for (const row of rows) {
    const day = cellDay(row.values[field.id], field);
    if (day === null) continue;
    if (day < today) overdue += 1;
    else if (day <= weekEnd) dueSoon += 1;
  }
  return {
    sheetId: sheet.id,
    sheetName: sheet.name,
    overdue: { value: overdue, target: dateTarget(sheet.id, field, dateBefore(today)) },
    dueSoon: { value: dueSoon, target: dateTarget(sheet.id, field, dateBetween(today, weekEnd)) },
  };
}

function newCustomers({ sheet, rows }: SheetData, input: MetricsInput): SheetFigure | null {
  const field = fieldWithRole(sheet, 'customerSince');
  if (!field) return null;

  const { period } = input;
  const value = rows.filter((row) => {
    const day = cellDay(row.values[field.id], field);
    return day !== null && isInPeriod(day, period);
  }).length;
  const model = period.start && period.end ? dateBetween(period.start, period.end) : dateNotBlank();
  return { sheetId: sheet.id, sheetName: sheet.name, figure: { value, target: dateTarget(sheet.id, field, model) } };
}

/**
 * Counts leads added in the period. On a sheet whose status column has a
 * choice such as 'Lead', a lead is a row with that status. On a sheet named
 * like 'Leads', every row is a lead. Other sheets hold no leads.
 */
function newLeads({ sheet, rows }: SheetData, input: MetricsInput): SheetFigure | null {
  const status = fieldWithRole(sheet, 'status');
  const leadLabels = status
    ? selectOptions(status)
        .map((option) => option.label)
        .filter(isLeadLabel)
    : [];
  if (leadLabels.length === 0 && !isLeadSheetName(sheet.name)) return null;

  const isLead = (row: SheetData['rows'][number]) => {
    if (!status || leadLabels.length === 0) return true;
    const label = cellLabel(row.values[status.id], status);
    return label !== null && leadLabels.includes(label);
  };
  const value = rows.filter((row) => isLead(row) && isInPeriod(instantToDay(row.createdAt), input.period)).length;

  const target = newTarget(sheet.id);
  if (status && leadLabels.length > 0) {
    addFilter(
      target,
      status.id,
      textEquals(leadLabels),
      `The grid cannot filter by ${leadLabels.length} lead statuses at once, so it shows every row.`,
    );
  }
  if (input.period.kind !== 'all') addApproximation(target, CREATED_DAY_APPROXIMATION);
  return { sheetId: sheet.id, sheetName: sheet.name, figure: { value, target } };
}

export function computeToday(input: MetricsInput): TodayMetrics {
  const result: TodayMetrics = { followUps: [], newCustomers: [], newLeads: [], missing: [] };
  for (const data of input.sheets) {
    const due = followUps(data, input.today);
    if (due) result.followUps.push(due);
    const customers = newCustomers(data, input);
    if (customers) result.newCustomers.push(customers);
    const leads = newLeads(data, input);
    if (leads) result.newLeads.push(leads);
  }

  if (result.followUps.length === 0) {
    result.missing.push(
      `Add a column with the ${ROLE_LABELS.followUpDate} role to a customer or deals sheet to see overdue follow-ups.`,
    );
  }
  if (result.newCustomers.length === 0) {
    result.missing.push(
      `Add a column with the ${ROLE_LABELS.customerSince} role to a customer sheet to see new customers.`,
    );
  }
  if (result.newLeads.length === 0) {
    result.missing.push(
      'Add a "Lead" choice to the Status column of a customer sheet, or a sheet named "Leads", to see new leads.',
    );
  }
  return result;
}
