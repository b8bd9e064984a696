import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';

import type { ReminderItem } from '../db/reminders';
import type { ReminderRecord } from '../db/records';
import { buildCalendar, calendarFileName, escapeText, foldLine } from './ics';

const AT = '2027-03-01T12:00:00.000Z';
const EXPORTED = new Date('2027-03-01T12:34:56Z');

function item(
  reminder: Partial<ReminderRecord> & { id: string },
  name: string,
  phone: string,
  label: string,
): ReminderItem {
  return {
    reminder: {
      kind: 'followUp',
      title: '',
      date: '2027-03-10',
      due: '2027-03-10T09:00',
      state: 'open',
      createdAt: AT,
      updatedAt: AT,
      ...reminder,
    },
    name,
    phone,
    label,
  };
}

const TRICKY_NAME = 'Quill, Ada; "Studio" \\ Ceramics';
const LONG_NAME = 'Zoë Ångström-Øverland Łukasiewicz-Ñúñez of the Très Grande Société Coopérative';

const items: ReminderItem[] = [
  item({ id: 'followUp:row-1:f-follow' }, TRICKY_NAME, '+44 7700 900123', 'Next follow-up'),
  item({ id: 'followUp:row-2:f-follow', due: '2027-03-28T09:00' }, LONG_NAME, '', 'Next follow-up'),
  item(
    {
      id: 'standalone-1',
      kind: 'standalone',
      title: 'Renew insurance\nbefore Friday',
      due: '2027-03-12T14:15',
      state: 'snoozed',
    },
    '',
    '',
    'Renew insurance\nbefore Friday',
  ),
  item({ id: 'done-1', state: 'done' }, 'Done Person', '', 'Next follow-up'),
];

function parseEvents(text: string): ICAL.Component[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent');
}

describe('buildCalendar', () => {
  const text = buildCalendar(items, EXPORTED);

  it('parses as an iCalendar with one event per open reminder', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));

    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Kindling//Reminders//EN');
    expect(parseEvents(text).map((event) => event.getFirstPropertyValue('uid'))).toEqual([
      'followUp:row-1:f-follow@kindling',
      'followUp:row-2:f-follow@kindling',
      'standalone-1@kindling',
    ]);
  });

  it('writes floating local start times and a UTC stamp', () => {
    const [first, second, third] = parseEvents(text).map((component) => new ICAL.Event(component));

    expect(first!.startDate.toString()).toBe('2027-03-10T09:00:00');
    expect(first!.startDate.zone?.tzid).toBe('floating');
    // 09:00 on the day London changes to summer time stays 09:00.
    expect(second!.startDate.toString()).toBe('2027-03-28T09:00:00');
    expect(third!.startDate.toString()).toBe('2027-03-12T14:15:00');
    expect(first!.duration.toString()).toBe('PT15M');

    const stamp = parseEvents(text)[0]!.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toString()).toBe('2027-03-01T12:34:56Z');
  });

  it('keeps names, phones and line breaks through escaping', () => {
    const [first, second, third] = parseEvents(text).map((component) => new ICAL.Event(component));

    expect(first!.summary).toBe(`Next follow-up: ${TRICKY_NAME}`);
    expect(first!.description).toBe(`${TRICKY_NAME}\nPhone: +44 7700 900123`);
    expect(second!.summary).toBe(`Next follow-up: ${LONG_NAME}`);
    expect(third!.summary).toBe('Renew insurance\nbefore Friday');
  });

  it('gives every event a display alarm at its start', () => {
    for (const event of parseEvents(text)) {
      const alarm = event.getFirstSubcomponent('valarm');
      expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('PT0S');
      expect(alarm?.getFirstPropertyValue('description')).toBe(event.getFirstPropertyValue('summary'));
    }
  });

  it('ends every line with CRLF and folds at 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

    const lines = text.split('\r\n').slice(0, -1);
    const encoder = new TextEncoder();
    for (const line of lines) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets alone', () => {
    const line = `SUMMARY:${'x'.repeat(67)}`;
    expect(foldLine(line)).toBe(line);
  });

  it('never splits a multi-byte character', () => {
    // 'SUMMARY:' is 8 octets and each 'é' 2, so 33 of them fill the first line to 74 octets.
    const line = `SUMMARY:${'é'.repeat(60)}`;
    const folded = foldLine(line).split('\r\n');

    expect(folded.map((part) => new TextEncoder().encode(part).length)).toEqual([74, 55]);
    expect(folded.map((part, index) => (index ? part.slice(1) : part)).join('')).toBe(line);
  });
});

describe('calendarFileName', () => {
  it('names the file after the local day', () => {
    expect(calendarFileName(new Date(2027, 2, 1, 23, 30))).toBe('kindling-reminders-2027-03-01.ics');
  });
});
