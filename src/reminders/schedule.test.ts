import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ReminderRecord } from '../db/records';
import { groupOf, groupReminders, snoozeUntil } from './schedule';

const originalZone = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'Europe/London';
});
afterEach(() => {
  process.env.TZ = originalZone;
});

function reminder(id: string, due: string, state: ReminderRecord['state'] = 'open'): { reminder: ReminderRecord } {
  return {
    reminder: {
      id,
      kind: 'standalone',
      title: id,
      date: due.slice(0, 10),
      due,
      state,
      createdAt: '2027-03-01T00:00:00.000Z',
      updatedAt: '2027-03-01T00:00:00.000Z',
    },
  };
}

describe('groupOf', () => {
  // Wednesday 10 March 2027, 10:30 in London.
  const now = new Date('2027-03-10T10:30:00Z');

  it.each([
    ['2027-03-09T09:00', 'overdue'],
    ['2027-03-10T10:30', 'overdue'],
    ['2027-03-10T10:31', 'today'],
    ['2027-03-10T23:59', 'today'],
    ['2027-03-11T00:00', 'thisWeek'],
    ['2027-03-16T23:59', 'thisWeek'],
    ['2027-03-17T00:00', 'later'],
  ] as const)('puts %s in %s', (due, group) => {
    expect(groupOf({ due }, now)).toBe(group);
  });
});

describe('groupReminders', () => {
  it('sorts by due time and leaves done reminders out', () => {
    const now = new Date('2027-03-10T10:30:00Z');
    const groups = groupReminders(
      [
        reminder('later', '2027-04-01T09:00'),
        reminder('second overdue', '2027-03-10T09:00'),
        reminder('first overdue', '2027-03-01T09:00'),
        reminder('done', '2027-03-02T09:00', 'done'),
        reminder('snoozed', '2027-03-10T15:00', 'snoozed'),
      ],
      now,
    );

    expect(groups.overdue.map((item) => item.reminder.id)).toEqual(['first overdue', 'second overdue']);
    expect(groups.today.map((item) => item.reminder.id)).toEqual(['snoozed']);
    expect(groups.thisWeek).toEqual([]);
    expect(groups.later.map((item) => item.reminder.id)).toEqual(['later']);
  });

  it('puts higher priority first within a group', () => {
    const now = new Date('2027-03-10T10:30:00Z');
    const groups = groupReminders(
      [
        { ...reminder('no priority', '2027-03-01T09:00'), priority: '' },
        { ...reminder('low', '2027-03-02T09:00'), priority: 'Low' },
        { ...reminder('high later', '2027-03-09T09:00'), priority: 'High' },
        { ...reminder('high sooner', '2027-03-08T09:00'), priority: 'High' },
        { ...reminder('medium', '2027-03-03T09:00'), priority: 'Medium' },
      ],
      now,
    );

    expect(groups.overdue.map((item) => item.reminder.id)).toEqual([
      'high sooner',
      'high later',
      'medium',
      'low',
      'no priority',
    ]);
  });
});

describe('snoozeUntil', () => {
  it('snoozes one hour of real time across spring forward', () => {
    // 00:30 GMT; an hour later the clocks read 02:30 BST.
    expect(snoozeUntil('hour', new Date('2027-03-28T00:30:00Z'), '09:00')).toBe('2027-03-28T02:30');
  });

  it('snoozes one hour of real time across fall back', () => {
    // 00:30 BST is 23:30 GMT the day before; an hour later the clocks read 01:30 BST, then again 01:30 GMT.
    expect(snoozeUntil('hour', new Date('2027-10-30T23:30:00Z'), '09:00')).toBe('2027-10-31T01:30');
  });

  it('snoozes to the reminder time tomorrow and next week', () => {
    const now = new Date('2027-03-27T20:00:00Z');

    expect(snoozeUntil('tomorrow', now, '09:00')).toBe('2027-03-28T09:00');
    expect(snoozeUntil('nextWeek', now, '08:15')).toBe('2027-04-03T08:15');
  });
});
