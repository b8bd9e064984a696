import { describe, expect, it } from 'vitest';

import { instantiateTemplate, TEMPLATES } from './gallery';

describe('templates', () => {
  it('offer a simple client list and a blank workbook', () => {
    expect(TEMPLATES.map((template) => template.name)).toEqual(['Simple client list', 'Blank']);
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

  it('give each use fresh field and option ids', () => {
    const first = instantiateTemplate(TEMPLATES[0]!)[0]!;
    const second = instantiateTemplate(TEMPLATES[0]!)[0]!;
    expect(first.fields[0]!.id).not.toBe(second.fields[0]!.id);

    const status = first.fields.find((field) => field.role === 'status')!;
    expect(status.settings.options!.map((option) => option.label)).toContain('Customer');
    expect(new Set(status.settings.options!.map((option) => option.id)).size).toBe(status.settings.options!.length);
  });

  it('use each role at most once per sheet', () => {
    for (const template of TEMPLATES) {
      for (const sheet of instantiateTemplate(template)) {
        const roles = sheet.fields.map((field) => field.role).filter(Boolean);
        expect(new Set(roles).size, `${template.name} / ${sheet.name}`).toBe(roles.length);
      }
    }
  });
});
