import { describe, expect, it } from 'vitest';

import { makeSheet } from '../dashboard/metrics/testWorkbook';
import { resolveBoardSource } from './boardChoice';

const clients = makeSheet('Clients', [
  { name: 'Name', type: 'text', role: 'name' },
  { name: 'Status', type: 'select', role: 'status', choices: ['Active', 'Former'] },
]).sheet;
const deals = makeSheet('Deals', [
  { name: 'Deal', type: 'text', role: 'name' },
  { name: 'Source', type: 'select', choices: ['Referral'] },
  { name: 'Stage', type: 'select', role: 'stage', choices: ['Lead'] },
]).sheet;
const notes = makeSheet('Notes', [{ name: 'Note', type: 'text' }]).sheet;

describe('resolveBoardSource', () => {
  it('defaults to the first sheet with a Stage column', () => {
    const source = resolveBoardSource([clients, deals], undefined);
    expect(source?.sheet).toBe(deals);
    expect(source?.field?.name).toBe('Stage');
  });

  it('keeps a saved choice', () => {
    const status = clients.fields[1]!;
    const source = resolveBoardSource([clients, deals], { sheetId: clients.id, fieldId: status.id });
    expect(source?.sheet).toBe(clients);
    expect(source?.field).toBe(status);
  });

  it('falls back when the saved column is gone', () => {
    const source = resolveBoardSource([clients, deals], { sheetId: deals.id, fieldId: 'deleted' });
    expect(source?.field?.name).toBe('Stage');
  });

  it('falls back when the saved sheet is gone', () => {
    expect(resolveBoardSource([deals], { sheetId: 'deleted', fieldId: 'x' })?.sheet).toBe(deals);
  });

  it('leaves the choice to the user without a Stage column', () => {
    expect(resolveBoardSource([clients, notes], undefined)).toBeUndefined();
  });

  it('has no lane column on a sheet without one', () => {
    const source = resolveBoardSource([notes], { sheetId: notes.id, fieldId: '' });
    expect(source?.sheet).toBe(notes);
    expect(source?.field).toBeUndefined();
  });
});
