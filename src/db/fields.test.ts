import { afterEach, describe, expect, it } from 'vitest';

import { defaultFieldContext } from '../fields/registry';
import type { FieldDef } from '../fields/types';
import { resetDatabaseForTests, getDatabase } from './connection';
import {
  addField,
  deleteField,
  purgeField,
  renameField,
  restoreField,
  retypeField,
  setFieldOptions,
  setFieldRole,
} from './fields';
import { redoLastUndone, undoLastChange } from './history';
import { listRows } from './rows';
import { createSheets } from './sheets';

const ctx = defaultFieldContext;
const nameField: FieldDef = { id: 'name', name: 'Name', type: 'text', settings: {} };
const amountField: FieldDef = { id: 'amount', name: 'Amount', type: 'text', settings: {} };

afterEach(() => resetDatabaseForTests());

async function makeSheet(rows: Record<string, string>[]): Promise<string> {
  const [sheetId] = await createSheets([{ name: 'Clients', fields: [nameField, amountField], rows }]);
  return sheetId!;
}

async function fieldsOf(sheetId: string) {
  return (await getDatabase().sheets.get(sheetId))!.fields;
}

describe('retypeField', () => {
  it('converts values and keeps those that do not convert, flagged', async () => {
    const sheetId = await makeSheet([{ name: 'Ada', amount: '12' }, { name: 'Bram', amount: 'abc' }, { name: 'Cleo' }]);

    const result = await retypeField(sheetId, 'amount', 'number', ctx);

    expect(result).toEqual({ converted: 1, keptInvalid: 1 });
    const values = (await listRows(sheetId)).map((row) => row.values['amount']);
    expect(values).toEqual([12, { invalid: 'abc' }, undefined]);
    expect((await fieldsOf(sheetId))[1]!.type).toBe('number');
  });

  it('makes select choices from the values it holds', async () => {
    const sheetId = await makeSheet([{ amount: 'Lead' }, { amount: 'Customer' }, { amount: 'lead' }]);
    await retypeField(sheetId, 'amount', 'select', ctx);

    const field = (await fieldsOf(sheetId))[1]!;
    expect(field.settings.options!.map((option) => option.label)).toEqual(['Lead', 'Customer']);
    const values = (await listRows(sheetId)).map((row) => row.values['amount']);
    expect(values).toEqual([
      field.settings.options![0]!.id,
      field.settings.options![1]!.id,
      field.settings.options![0]!.id,
    ]);
  });

  it('is undone as one step, type and values together', async () => {
    const sheetId = await makeSheet([{ amount: '12' }, { amount: 'abc' }]);
    await retypeField(sheetId, 'amount', 'number', ctx);

    await undoLastChange(sheetId);
    expect((await fieldsOf(sheetId))[1]!.type).toBe('text');
    expect((await listRows(sheetId)).map((row) => row.values['amount'])).toEqual(['12', 'abc']);

    await redoLastUndone(sheetId);
    expect((await listRows(sheetId)).map((row) => row.values['amount'])).toEqual([12, { invalid: 'abc' }]);
  });
});

describe('column changes', () => {
  it('adds a column to the sheet and its views', async () => {
    const sheetId = await makeSheet([]);
    const id = await addField(sheetId, { name: 'City', type: 'text' });

    expect((await fieldsOf(sheetId)).map((field) => field.name)).toEqual(['Name', 'Amount', 'City']);
    const view = await getDatabase().views.where('sheetId').equals(sheetId).first();
    expect(view!.columns.map((column) => column.fieldId)).toContain(id);
  });

  it('rejects an empty or duplicate column name', async () => {
    const sheetId = await makeSheet([]);
    await expect(addField(sheetId, { name: '  ', type: 'text' })).rejects.toThrow('cannot be empty');
    await expect(renameField(sheetId, 'amount', 'name')).rejects.toThrow('already has a column named "name"');
  });

  it('requires a target sheet for a link column', async () => {
    const sheetId = await makeSheet([]);
    await expect(addField(sheetId, { name: 'Company', type: 'link' })).rejects.toThrow('Choose the sheet');
  });

  it('moves a deleted column to the trash with its values kept', async () => {
    const sheetId = await makeSheet([{ name: 'Ada', amount: '12' }]);
    await deleteField(sheetId, 'amount');

    const sheet = (await getDatabase().sheets.get(sheetId))!;
    expect(sheet.fields.map((field) => field.id)).toEqual(['name']);
    expect(sheet.deletedFields!.map((field) => field.id)).toEqual(['amount']);
    expect((await listRows(sheetId))[0]!.values['amount']).toBe('12');

    await restoreField(sheetId, 'amount');
    expect((await fieldsOf(sheetId)).map((field) => field.id)).toEqual(['name', 'amount']);
  });

  it('purges a column and its values for good', async () => {
    const sheetId = await makeSheet([{ name: 'Ada', amount: '12' }]);
    await deleteField(sheetId, 'amount');
    await purgeField(sheetId, 'amount');

    expect((await getDatabase().sheets.get(sheetId))!.deletedFields).toEqual([]);
    expect((await listRows(sheetId))[0]!.values).toEqual({ name: 'Ada' });
  });

  it('keeps the label of a removed choice as flagged text', async () => {
    const status: FieldDef = {
      id: 'status',
      name: 'Status',
      type: 'select',
      settings: {
        options: [
          { id: 'lead', label: 'Lead' },
          { id: 'won', label: 'Customer' },
        ],
      },
    };
    const [sheetId] = await createSheets([
      { name: 'Deals', fields: [status], rows: [{ status: 'lead' }, { status: 'won' }] },
    ]);

    await setFieldOptions(sheetId!, 'status', [{ id: 'won', label: 'Client' }]);

    const values = (await listRows(sheetId!)).map((row) => row.values['status']);
    expect(values).toEqual([{ invalid: 'Lead' }, 'won']);
    expect((await fieldsOf(sheetId!))[0]!.settings.options).toEqual([{ id: 'won', label: 'Client' }]);
  });

  it('rejects duplicate choices', async () => {
    const sheetId = await makeSheet([]);
    await retypeField(sheetId, 'amount', 'select', ctx);
    await expect(
      setFieldOptions(sheetId, 'amount', [
        { id: 'a', label: 'Lead' },
        { id: 'b', label: 'lead' },
      ]),
    ).rejects.toThrow('listed twice');
  });
});

describe('setFieldRole', () => {
  it('moves a role from one column to another and clears it', async () => {
    const [sheetId] = await createSheets([
      {
        name: 'Clients',
        fields: [
          { id: 'next', name: 'Next', type: 'date', settings: {}, role: 'followUpDate' },
          { id: 'later', name: 'Later', type: 'date', settings: {} },
        ],
      },
    ]);

    await setFieldRole(sheetId!, 'later', 'followUpDate');
    expect((await fieldsOf(sheetId!)).map((field) => field.role)).toEqual([undefined, 'followUpDate']);

    await setFieldRole(sheetId!, 'later', null);
    expect((await fieldsOf(sheetId!)).map((field) => field.role)).toEqual([undefined, undefined]);
  });
});

describe('retype round trip', () => {
  it('keeps choices, colours and order through select, text and back', async () => {
    const status: FieldDef = {
      id: 'status',
      name: 'Status',
      type: 'select',
      settings: {
        options: [
          { id: 'lead', label: 'Lead', color: '#dbeafe' },
          { id: 'inactive', label: 'Inactive', color: '#fee2e2' },
          { id: 'customer', label: 'Customer', color: '#dcfce7' },
        ],
      },
    };
    const [sheetId] = await createSheets([
      { name: 'Clients', fields: [status], rows: [{ status: 'customer' }, { status: 'lead' }] },
    ]);

    await retypeField(sheetId!, 'status', 'text', ctx);
    await retypeField(sheetId!, 'status', 'select', ctx);

    const field = (await fieldsOf(sheetId!))[0]!;
    expect(field.settings.options).toEqual(status.settings.options);
    expect((await listRows(sheetId!)).map((row) => row.values['status'])).toEqual(['customer', 'lead']);
  });
});
