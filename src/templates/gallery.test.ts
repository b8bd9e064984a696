import { describe, expect, it } from 'vitest';

import { getFieldType, validateCell } from '../fields/registry';
import type { FieldContext, FieldDef, MoneyValue } from '../fields/types';
import { findInvalidSample, instantiateTemplate, TEMPLATES } from './gallery';
import { roleFitsType } from './templateFile';
import type { TemplateDefinition } from './templateTypes';

function template(name: string): TemplateDefinition {
  const found = TEMPLATES.find((each) => each.name === name);
  if (!found) throw new Error(`No built-in template "${name}"`);
  return found;
}

function columnsOf(sheet: { fields: FieldDef[] }): string[] {
  return sheet.fields.map((field) => `${field.name}:${field.type}:${field.role ?? ''}`);
}

function optionLabels(field: FieldDef | undefined): string[] {
  return (field?.settings.options ?? []).map((option) => option.label);
}

describe('templates', () => {
  it('list the built-in templates in order', () => {
    expect(TEMPLATES.map((each) => each.name)).toEqual([
      'Simple client list',
      'Google Sheets CRM',
      'Sales pipeline',
      'Service business',
      'Customer lifetime value tracker',
      'Blank',
    ]);
  });

  it('type the simple client list columns', () => {
    const [clients] = instantiateTemplate(TEMPLATES[0]!);
    expect(clients!.name).toBe('Clients');
    expect(clients!.fields.map((field) => `${field.name}:${field.type}:${field.role}`)).toEqual([
      'Name:text:name',
      'Company:text:company',
      'Email:email:email',
      'Phone:phone:phone',
      'Status:select:status',
      'Last contacted:date:lastContacted',
      'Next follow-up:date:followUpDate',
      'Tags:multiSelect:tags',
      'Notes:longText:notes',
    ]);
  });

  it('keep the blank workbook to Name and Notes', () => {
    const sheets = instantiateTemplate(template('Blank'), { withSampleRows: true });
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Sheet 1']);
    expect(columnsOf(sheets[0]!)).toEqual(['Name:text:name', 'Notes:longText:notes']);
    expect(sheets[0]!.rows).toEqual([]);
  });

  it('give each use fresh field and option ids', () => {
    const first = instantiateTemplate(TEMPLATES[0]!)[0]!;
    const second = instantiateTemplate(TEMPLATES[0]!)[0]!;
    expect(first.fields[0]!.id).not.toBe(second.fields[0]!.id);
    expect(first.id).not.toBe(second.id);

    const status = first.fields.find((field) => field.role === 'status')!;
    expect(status.settings.options!.map((option) => option.label)).toContain('Customer');
    expect(new Set(status.settings.options!.map((option) => option.id)).size).toBe(status.settings.options!.length);
  });

  it('give each use fresh sample row ids', () => {
    const first = instantiateTemplate(TEMPLATES[0]!, { withSampleRows: true })[0]!;
    const second = instantiateTemplate(TEMPLATES[0]!, { withSampleRows: true })[0]!;
    expect(first.rowIds).toHaveLength(first.rows!.length);
    expect(first.rowIds![0]).not.toBe(second.rowIds![0]);
  });

  it('leave out sample rows unless asked', () => {
    for (const each of TEMPLATES) {
      for (const sheet of instantiateTemplate(each)) {
        expect(sheet.rows, `${each.name} / ${sheet.name}`).toBeUndefined();
      }
    }
  });

  it('use each role at most once per sheet', () => {
    for (const each of TEMPLATES) {
      for (const sheet of instantiateTemplate(each)) {
        const roles = sheet.fields.map((field) => field.role).filter(Boolean);
        expect(new Set(roles).size, `${each.name} / ${sheet.name}`).toBe(roles.length);
      }
    }
  });

  it('give every role a column type that fits it', () => {
    for (const each of TEMPLATES) {
      for (const sheet of instantiateTemplate(each)) {
        for (const field of sheet.fields) {
          if (!field.role) continue;
          expect(roleFitsType(field.role, field.type), `${each.name} / ${sheet.name} / ${field.name}`).toBe(true);
        }
      }
    }
  });

  it('point link columns at a sheet of the same template', () => {
    for (const each of TEMPLATES) {
      const sheets = instantiateTemplate(each);
      const sheetIds = sheets.map((sheet) => sheet.id);
      for (const sheet of sheets) {
        for (const field of sheet.fields.filter((candidate) => candidate.type === 'link')) {
          expect(sheetIds, `${each.name} / ${sheet.name} / ${field.name}`).toContain(field.settings.linkSheetId);
          expect(field.settings.linkSheetId, `${each.name} / ${sheet.name} / ${field.name}`).not.toBe(sheet.id);
        }
      }
    }
  });

  it('give every sheet but Blank three to six samples', () => {
    for (const each of TEMPLATES.filter((candidate) => candidate.name !== 'Blank')) {
      for (const sheet of each.sheets) {
        const count = sheet.sampleRows?.length ?? 0;
        expect(count, `${each.name} / ${sheet.name}`).toBeGreaterThanOrEqual(3);
        expect(count, `${each.name} / ${sheet.name}`).toBeLessThanOrEqual(6);
      }
    }
  });

  it('read every sample value without error', () => {
    for (const each of TEMPLATES) {
      expect(findInvalidSample(each), each.name).toBeNull();
    }
  });

  it('store valid typed sample values', () => {
    for (const each of TEMPLATES) {
      for (const sheet of instantiateTemplate(each, { withSampleRows: true })) {
        for (const [rowIndex, row] of (sheet.rows ?? []).entries()) {
          for (const field of sheet.fields) {
            const where = `${each.name} / ${sheet.name} / row ${rowIndex + 1} / ${field.name}`;
            expect(validateCell(row[field.id], field), where).toBeNull();
          }
        }
      }
    }
  });

  it('resolve sample links to row ids of the target sheet', () => {
    let linkCells = 0;
    for (const each of TEMPLATES) {
      const sheets = instantiateTemplate(each, { withSampleRows: true });
      for (const [sheetIndex, sheet] of sheets.entries()) {
        const templateSheet = each.sheets[sheetIndex]!;
        sheet.fields.forEach((field, fieldIndex) => {
          if (field.type !== 'link') return;
          const target = sheets.find((candidate) => candidate.id === field.settings.linkSheetId)!;
          const key = templateSheet.fields[fieldIndex]!.key;
          (sheet.rows ?? []).forEach((row, rowIndex) => {
            const where = `${each.name} / ${sheet.name} / row ${rowIndex + 1} / ${field.name}`;
            const sample = templateSheet.sampleRows?.[rowIndex]?.[key];
            if (sample === undefined || sample === null || sample === '') return;
            const ids = row[field.id] as string[];
            expect(Array.isArray(ids), where).toBe(true);
            for (const id of ids) expect(target.rowIds, where).toContain(id);
            linkCells += ids.length;
          });
        });
      }
    }
    expect(linkCells).toBeGreaterThan(20);
  });

  it('read samples with the workbook currency', () => {
    const dollars: FieldContext = { locale: 'en-US', currency: 'USD', defaultCountry: 'US', dateOrder: 'mdy' };
    const [deals] = instantiateTemplate(template('Sales pipeline'), { withSampleRows: true, context: dollars });
    const value = deals!.fields.find((field) => field.role === 'dealValue')!;
    const closeDate = deals!.fields.find((field) => field.name === 'Close date')!;
    expect(deals!.rows![0]![value.id]).toEqual<MoneyValue>({ minor: 240000, currency: 'USD' });
    expect(deals!.rows![0]![closeDate.id]).toBe('2027-01-29');
  });

  it('set stage probabilities in the sales pipeline', () => {
    const [deals] = instantiateTemplate(template('Sales pipeline'));
    const stage = deals!.fields.find((field) => field.role === 'stage')!;
    expect(stage.settings.options!.map((option) => `${option.label} ${option.probability}`)).toEqual([
      'Appointment Scheduled 0.2',
      'Qualified To Buy 0.4',
      'Presentation Scheduled 0.6',
      'Decision Maker Bought-In 0.8',
      'Contract Sent 0.9',
      'Closed Won 1',
      'Closed Lost 0',
    ]);
  });

  it('set a probability on every stage option', () => {
    for (const each of TEMPLATES) {
      for (const sheet of instantiateTemplate(each)) {
        const stage = sheet.fields.find((field) => field.role === 'stage');
        for (const option of stage?.settings.options ?? []) {
          expect(option.probability, `${each.name} / ${sheet.name} / ${option.label}`).toBeGreaterThanOrEqual(0);
          expect(option.probability, `${each.name} / ${sheet.name} / ${option.label}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('give sales pipeline deals the listed columns', () => {
    const sheets = instantiateTemplate(template('Sales pipeline'));
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Deals', 'Contacts']);
    expect(columnsOf(sheets[0]!)).toEqual([
      'Deal:text:name',
      'Stage:select:stage',
      'Value:currency:dealValue',
      'Probability:percent:probability',
      'Close date:date:',
      'Contact:link:contact',
      'Next follow-up:date:followUpDate',
      'Status:select:status',
      'Customer since:date:customerSince',
      'Loss reason:select:churnReason',
      'Notes:longText:notes',
    ]);
  });

  it('give the service business clients and jobs', () => {
    const sheets = instantiateTemplate(template('Service business'));
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Clients', 'Jobs']);
    expect(columnsOf(sheets[1]!)).toEqual([
      'Date:date:',
      'Client:link:contact',
      'Service:select:',
      'Price:currency:dealValue',
      'Paid:checkbox:',
      'Notes:longText:notes',
    ]);
    expect(sheets[1]!.fields[1]!.settings.linkSheetId).toBe(sheets[0]!.id);
  });

  it('give the lifetime value tracker customers and sales', () => {
    const sheets = instantiateTemplate(template('Customer lifetime value tracker'));
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Customers', 'Sales']);
    expect(columnsOf(sheets[0]!)).toEqual([
      'Name:text:name',
      'Email:email:email',
      'Customer since:date:customerSince',
      'Status:select:status',
      'Churn reason:select:churnReason',
    ]);
    expect(optionLabels(sheets[0]!.fields[3])).toEqual(['Active', 'Former customer']);
    expect(columnsOf(sheets[1]!)).toEqual([
      'Date:date:',
      'Customer:link:contact',
      'Amount:currency:dealValue',
      'Item:text:',
    ]);
  });

  it('store sample checkboxes as booleans', () => {
    const [, jobs] = instantiateTemplate(template('Service business'), { withSampleRows: true });
    const paid = jobs!.fields.find((field) => field.name === 'Paid')!;
    expect(jobs!.rows!.map((row) => row[paid.id])).toEqual([true, true, false, false, false]);
    expect(getFieldType('checkbox').validate(jobs!.rows![0]![paid.id], paid)).toBeNull();
  });
});

describe('Google Sheets CRM template', () => {
  const crm = () => instantiateTemplate(template('Google Sheets CRM'), { withSampleRows: true });

  it('has the four sheets', () => {
    expect(crm().map((sheet) => sheet.name)).toEqual(['Leads', 'People', 'Companies', 'Opportunities']);
  });

  it('has the lead columns', () => {
    const leads = crm()[0]!;
    expect(leads.fields.map((field) => field.name)).toEqual([
      'First Name',
      'Last Name',
      'Title',
      'Company',
      'Email',
      'Work Phone',
      'Mobile Phone',
      'Value',
      'Source',
      'Lead Status',
      'Street',
      'City',
      'State',
      'Postal Code',
      'Country',
      'Website',
      'Tags',
      'Details',
    ]);
    const byName = new Map(leads.fields.map((field) => [field.name, field]));
    expect(byName.get('Value')!.type).toBe('currency');
    expect(optionLabels(byName.get('Source'))).toEqual([
      'No Source',
      'Advertising',
      'Cold Call',
      'Email',
      'Referral',
      'Website',
    ]);
    expect(optionLabels(byName.get('Lead Status'))).toEqual(['New', 'Open', 'Unqualified', 'Junk']);
  });

  it('has the people columns', () => {
    const [, people, companies] = crm();
    expect(people!.fields.map((field) => field.name)).toEqual([
      'Name',
      'Title',
      'Company',
      'Email',
      'Work Phone',
      'Mobile Phone',
      'Contact Type',
      'Tags',
      'Last contacted',
      'Follow-up',
    ]);
    const company = people!.fields[2]!;
    expect(company.type).toBe('link');
    expect(company.settings.linkSheetId).toBe(companies!.id);
    expect(optionLabels(people!.fields[6])).toEqual(['Potential Customer', 'Current Customer']);
  });

  it('has the company columns', () => {
    const companies = crm()[2]!;
    expect(companies.fields.map((field) => field.name)).toEqual([
      'Name',
      'Website',
      'Industry',
      'Phone',
      'Address',
      'Tags',
    ]);
  });

  it('has the opportunity columns', () => {
    const [, people, companies, opportunities] = crm();
    expect(columnsOf(opportunities!)).toEqual([
      'Name:text:name',
      'Company:link:company',
      'Primary Contact:link:contact',
      'Pipeline Stage:select:stage',
      'Status:select:status',
      'Value:currency:dealValue',
      'Win Probability:percent:probability',
      'Expected Close:date:',
      'Source:select:',
      'Priority:select:priority',
      'Loss Reason:select:churnReason',
    ]);
    const fields = opportunities!.fields;
    expect(fields[1]!.settings.linkSheetId).toBe(companies!.id);
    expect(fields[2]!.settings.linkSheetId).toBe(people!.id);
    expect(optionLabels(fields[3])).toEqual(['Qualified', 'Follow-up', 'Presentation', 'Contract Sent', 'Negotiation']);
    expect(optionLabels(fields[4])).toEqual(['Open', 'Won', 'Lost', 'Abandoned']);
    expect(optionLabels(fields[9])).toEqual(['High', 'Medium', 'Low']);
  });

  it('links each sample opportunity to its company row', () => {
    const [, , companies, opportunities] = crm();
    const companyName = companies!.fields[0]!;
    const link = opportunities!.fields[1]!;
    const names = opportunities!.rows!.map((row) => {
      const [rowId] = row[link.id] as string[];
      const index = companies!.rowIds!.indexOf(rowId!);
      return companies!.rows![index]![companyName.id];
    });
    expect(names).toEqual([
      'Harrowgate Joinery',
      'Bellwether Dental Studio',
      'Quillon & Marsh Architects',
      'Copperkettle Bakery',
      'Larkspur Learning',
    ]);
  });
});
