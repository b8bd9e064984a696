// "Export to calendar": open reminders and follow-ups as an iCalendar file
// (RFC 5545) that calendar apps import. Start times are floating local
// times (RFC 5545 section 3.3.5, form 1: no 'Z' and no TZID), because
// Kindling stores wall-clock times: a 09:00 follow-up is at 09:00 wherever
// the calendar is. A TZID would need a VTIMEZONE block for every zone and
// would pin events to the zone of export.

import type { ReminderItem } from '../db/reminders';
import { toLocalDate } from './localTime';

/** RFC 5545 lines end with CRLF. */
const CRLF = '\r\n';
/** RFC 5545 section 3.1: lines longer than 75 octets are folded. */
const MAX_LINE_OCTETS = 75;
/** Length of each calendar entry, in minutes; reminders have no end of their own. */
const EVENT_MINUTES = 15;

const encoder = new TextEncoder();

/** Escapes a TEXT value (RFC 5545 section 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line into lines of at most 75 octets of UTF-8, each
 * continuation starting with one space. It never splits a character, so a
 * line may end a few octets short of the limit.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_LINE_OCTETS) return line;

  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = lines.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      lines.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join(`${CRLF} `);
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** Formats an instant as a UTC DATE-TIME: '20261204T210558Z'. */
function utcDateTime(instant: Date): string {
  return (
    `${instant.getUTCFullYear()}${pad2(instant.getUTCMonth() + 1)}${pad2(instant.getUTCDate())}` +
    `T${pad2(instant.getUTCHours())}${pad2(instant.getUTCMinutes())}${pad2(instant.getUTCSeconds())}Z`
  );
}

/** Formats a local 'YYYY-MM-DDTHH:mm' as a floating DATE-TIME: '20261204T090000'. */
function floatingDateTime(local: string): string {
  return `${local.slice(0, 4)}${local.slice(5, 7)}${local.slice(8, 10)}T${local.slice(11, 13)}${local.slice(14, 16)}00`;
}

function eventSummary(item: ReminderItem): string {
  return item.name ? `${item.label}: ${item.name}` : item.label;
}

function eventDescription(item: ReminderItem): string {
  const lines = [];
  if (item.name) lines.push(item.name);
  if (item.phone) lines.push(`Phone: ${item.phone}`);
  if (item.reminder.kind === 'standalone' && item.reminder.title) lines.push(item.reminder.title);
  return lines.join('\n');
}

function eventLines(item: ReminderItem, stamp: string): string[] {
  const summary = escapeText(eventSummary(item));
  const description = eventDescription(item);
  return [
    'BEGIN:VEVENT',
    // The id is stable, so importing a newer export updates events instead of duplicating them.
    `UID:${escapeText(item.reminder.id)}@kindling`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${floatingDateTime(item.reminder.due)}`,
    `DURATION:PT${EVENT_MINUTES}M`,
    `SUMMARY:${summary}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:PT0M',
    `DESCRIPTION:${summary}`,
    'END:VALARM',
    'END:VEVENT',
  ];
}

/** Builds the calendar of every reminder that is not done, stamped with `now`. */
export function buildCalendar(items: ReminderItem[], now: Date): string {
  const stamp = utcDateTime(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kindling//Reminders//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...items.filter((item) => item.reminder.state !== 'done').flatMap((item) => eventLines(item, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Returns the download name of a calendar exported on `now`'s local day. */
export function calendarFileName(now: Date): string {
  return `kindling-reminders-${toLocalDate(now)}.ics`;
}
