import { describe, expect, it } from 'vitest';
import { guessRole } from './roles';
import type { FieldRole, FieldType } from './types';

describe('guessRole', () => {
  it.each<[string, FieldType, FieldRole]>([
    ['Name', 'text', 'name'],
    ['Full name', 'text', 'name'],
    ['Company', 'text', 'company'],
    ['Organization', 'text', 'company'],
    ['Organisation', 'select', 'company'],
    ['Email', 'email', 'email'],
    ['E-mail', 'email', 'email'],
    ['Email 1', 'email', 'email'],
    ['E-mail 1 - Value', 'email', 'email'],
    ['Email address', 'text', 'email'],
    ['Phone', 'phone', 'phone'],
    ['Phone 1', 'phone', 'phone'],
    ['Phone 1 - Value', 'phone', 'phone'],
    ['Mobile', 'phone', 'phone'],
    ['Status', 'select', 'status'],
    ['Tags', 'multiSelect', 'tags'],
    ['Notes', 'longText', 'notes'],
    ['Last contacted', 'date', 'lastContacted'],
    ['Next follow-up', 'date', 'followUpDate'],
    ['Follow up', 'dateTime', 'followUpDate'],
    ['Customer since', 'date', 'customerSince'],
    ['Subscription Date', 'date', 'customerSince'],
    ['Stage', 'select', 'stage'],
    ['Deal Stage', 'select', 'stage'],
    ['Value', 'currency', 'dealValue'],
    ['Deal value', 'number', 'dealValue'],
    ['Probability', 'percent', 'probability'],
    ['Churn reason', 'select', 'churnReason'],
    ['Loss Reason', 'select', 'churnReason'],
    ['Priority', 'select', 'priority'],
    ['Deal priority', 'text', 'priority'],
    ['  STATUS  ', 'text', 'status'],
  ])('guesses %s as %s', (header, type, role) => {
    expect(guessRole(header, type)).toBe(role);
  });

  it.each<[string, FieldType]>([
    ['Value', 'text'],
    ['Email', 'number'],
    ['Last contacted', 'text'],
    ['Phone 1 - Type', 'text'],
    ['First Name', 'text'],
    ['Customer Id', 'text'],
    ['City', 'text'],
    ['Priority', 'number'],
    ['', 'text'],
  ])('gives %s of type %s no role', (header, type) => {
    expect(guessRole(header, type)).toBeUndefined();
  });
});
