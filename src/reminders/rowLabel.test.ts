import { describe, expect, it } from 'vitest';

import { addRow, makeSheet } from '../dashboard/metrics/testWorkbook';
import { rowPriority } from './rowLabel';

describe('rowPriority', () => {
  it('reads a priority column found by its header', () => {
    const data = makeSheet('Deals', [{ name: 'Priority', type: 'select', choices: ['High', 'Low'] }]);
    addRow(data, { Priority: 'High' });
    addRow(data, {});
    expect(rowPriority(data.sheet, data.rows[0]!)).toBe('High');
    expect(rowPriority(data.sheet, data.rows[1]!)).toBe('');
  });

  it('reads a text column with the priority role', () => {
    const data = makeSheet('Tasks', [{ name: 'Urgency', type: 'text', role: 'priority' }]);
    addRow(data, { Urgency: ' medium ' });
    expect(rowPriority(data.sheet, data.rows[0]!)).toBe('medium');
  });

  it('is empty without a priority column', () => {
    const data = makeSheet('Clients', [{ name: 'Name', type: 'text', role: 'name' }]);
    addRow(data, { Name: 'Ada' });
    expect(rowPriority(data.sheet, data.rows[0]!)).toBe('');
  });
});
