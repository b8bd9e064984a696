// Complaints and compliments from an activity log: a sheet with a link to
// the customer (the Contact role) and a select column whose choices include
// 'Complaint' or 'Compliment', such as a Type column. Kindling has no
// conversation log of its own yet, so such a sheet is read as one.

import type { FieldDef, SelectOption } from '../../fields/types';
import { cellLabel, fieldWithRole, selectOptions } from './columns';
import { addDays, cellDay, firstDayOfMonth, instantToDay, isInPeriod, lastDayOfMonth } from './dates';
import { addApproximation, dateBetween, newTarget, textEquals } from './filters';
import { chartMonths } from './revenue';
import type { Figure, MetricsInput, Period, SheetData } from './types';

export const FEEDBACK_MISSING =
  'Add an Activities sheet with a Type column (Complaint, Compliment) linked to customers to see this.';

const COMPLAINT_LABEL = /^complaints?$/i;
const COMPLIMENT_LABEL = /^compliments?$/i;

export interface FeedbackMonth {
  /** 'YYYY-MM' */
  month: string;
  complaints: Figure;
  compliments: Figure;
}

export interface FeedbackSheet {
  sheetId: string;
  sheetName: string;
  /** Name of the select column that contains the kind of activity, such as 'Type'. */
  typeColumn: string;
  complaints: Figure;
  compliments: Figure;
  months: FeedbackMonth[];
  /** Sentence naming the source of each row's day: a date column, or the day the row was added. */
  dateRule: string;
}

export interface FeedbackMetrics {
  sheets: FeedbackSheet[];
  /** The sentence naming the sheet to add, when the workbook has no activity log. */
  missing: string[];
}

interface ActivityLog {
  data: SheetData;
  typeField: FieldDef;
  complaint: SelectOption | null;
  compliment: SelectOption | null;
  /** The first date or date-and-time column without a role, or null to use the day each row was added. */
  dateField: FieldDef | null;
}

function findActivityLog(data: SheetData): ActivityLog | null {
  const contact = fieldWithRole(data.sheet, 'contact');
  if (contact?.type !== 'link' || !contact.settings.linkSheetId) return null;

  for (const field of data.sheet.fields) {
    const options = selectOptions(field);
    const complaint = options.find((option) => COMPLAINT_LABEL.test(option.label.trim())) ?? null;
    const compliment = options.find((option) => COMPLIMENT_LABEL.test(option.label.trim())) ?? null;
    if (complaint || compliment) {
      const dateField =
        data.sheet.fields.find((each) => (each.type === 'date' || each.type === 'dateTime') && !each.role) ?? null;
      return { data, typeField: field, complaint, compliment, dateField };
    }
  }
  return null;
}

/** Returns the day an activity happened, or the day its row was added when the sheet has no date column. */
function activityDay(log: ActivityLog, row: SheetData['rows'][number]): string | null {
  return log.dateField ? cellDay(row.values[log.dateField.id], log.dateField) : instantToDay(row.createdAt);
}

/**
 * Counts the rows of one kind between two days (every row, for all time)
 * and returns the count with the filter that shows them.
 */
function countKind(log: ActivityLog, option: SelectOption | null, period: Period): Figure {
  if (!option) return { value: 0, target: null };
  const { data, typeField } = log;
  const value = data.rows.filter(
    (row) =>
      cellLabel(row.values[typeField.id], typeField) === option.label && isInPeriod(activityDay(log, row), period),
  ).length;

  const target = newTarget(data.sheet.id);
  const typeFilter = textEquals([option.label]);
  if (typeFilter) target.filters[typeField.id] = typeFilter;
  if (period.start !== null && period.end !== null) {
    if (log.dateField?.type === 'date') {
      target.filters[log.dateField.id] = dateBetween(period.start, period.end);
    } else {
      addApproximation(target, `The sheet shows every ${option.label.toLowerCase()}, not only those in the period.`);
    }
  }
  return { value, target };
}

function summarise(log: ActivityLog, input: MetricsInput): FeedbackSheet {
  const count = (option: SelectOption | null, period: Period) => countKind(log, option, period);
  const months = chartMonths(input.period, input.today).map((month) => {
    const period: Period = { kind: 'month', start: firstDayOfMonth(month), end: lastDayOfMonth(month) };
    return { month, complaints: count(log.complaint, period), compliments: count(log.compliment, period) };
  });
  return {
    sheetId: log.data.sheet.id,
    sheetName: log.data.sheet.name,
    typeColumn: log.typeField.name,
    complaints: count(log.complaint, input.period),
    compliments: count(log.compliment, input.period),
    months,
    dateRule: log.dateField
      ? `Counted by "${log.dateField.name}".`
      : `"${log.data.sheet.name}" has no date column, so each row counts on the day it was added.`,
  };
}

/** Counts complaints and compliments in the period, and per month, on each activity log of the workbook. */
export function computeFeedback(input: MetricsInput): FeedbackMetrics {
  const logs = input.sheets.flatMap((data) => findActivityLog(data) ?? []);
  if (logs.length === 0) return { sheets: [], missing: [FEEDBACK_MISSING] };
  return { sheets: logs.map((log) => summarise(log, input)), missing: [] };
}

export const CONVERSATIONS_MISSING =
  'Add an Activities sheet with a link column to customers (Contact role) to count the conversations you log.';

/** "This week" for logged conversations: today and the six days before it. */
export const RECENT_CONVERSATION_DAYS = 7;

export interface ConversationCount {
  sheetId: string;
  sheetName: string;
  figure: Figure;
}

export interface ConversationMetrics {
  sheets: ConversationCount[];
  missing: string[];
}

/**
 * Counts the rows logged in the last seven days on each sheet that links
 * rows to customers through the Contact role and is not itself the
 * customers' sheet: the workbook's conversation logs.
 */
export function countRecentConversations(input: MetricsInput): ConversationMetrics {
  const start = addDays(input.today, 1 - RECENT_CONVERSATION_DAYS);
  const week: Period = { kind: 'custom', start, end: input.today };

  const sheets = input.sheets.flatMap((data): ConversationCount[] => {
    const contact = fieldWithRole(data.sheet, 'contact');
    if (contact?.type !== 'link' || !contact.settings.linkSheetId) return [];
    // A sales log also links to customers, but a row there is a sale, not a conversation.
    if (fieldWithRole(data.sheet, 'dealValue')) return [];

    const dateField =
      data.sheet.fields.find((each) => (each.type === 'date' || each.type === 'dateTime') && !each.role) ?? null;
    const dayOf = (row: SheetData['rows'][number]) =>
      dateField ? cellDay(row.values[dateField.id], dateField) : instantToDay(row.createdAt);
    const value = data.rows.filter((row) => isInPeriod(dayOf(row), week)).length;

    const target = newTarget(data.sheet.id);
    if (dateField?.type === 'date') target.filters[dateField.id] = dateBetween(start, input.today);
    else addApproximation(target, 'The sheet shows every logged conversation, not only this week’s.');
    return [{ sheetId: data.sheet.id, sheetName: data.sheet.name, figure: { value, target } }];
  });

  return { sheets, missing: sheets.length ? [] : [CONVERSATIONS_MISSING] };
}
