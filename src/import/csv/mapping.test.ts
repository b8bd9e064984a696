import { describe, expect, it } from 'vitest';
import type { FieldDef, FieldRole, FieldType } from '../../fields/types';
import { combineNameText, normaliseName, suggestCombineName, suggestMapping, suggestMappingPlan } from './mapping';

function field(id: string, name: string, type: FieldType, role?: FieldRole): FieldDef {
  return role === undefined ? { id, name, type, settings: {} } : { id, name, type, settings: {}, role };
}

const CLIENTS: FieldDef[] = [
  field('f-name', 'Name', 'text', 'name'),
  field('f-company', 'Company', 'text', 'company'),
  field('f-email', 'Email', 'email', 'email'),
  field('f-phone', 'Phone', 'phone', 'phone'),
  field('f-tags', 'Tags', 'multiSelect', 'tags'),
  field('f-notes', 'Notes', 'longText', 'notes'),
  field('f-last', 'Last contacted', 'date', 'lastContacted'),
  field('f-follow', 'Follow-up', 'date', 'followUpDate'),
];

describe('normaliseName', () => {
  it('folds case, spaces and punctuation', () => {
    expect(normaliseName(' E-mail  Address ')).toBe('emailaddress');
  });

  it('folds accents', () => {
    expect(normaliseName('Téléphone')).toBe('telephone');
  });

  it('keeps letters of other scripts', () => {
    expect(normaliseName('電話 番号')).toBe('電話番号');
  });
});

describe('suggestMapping', () => {
  const cases: [string, string][] = [
    ['E-mail', 'f-email'],
    ['Email 1', 'f-email'],
    ['Email Address', 'f-email'],
    ['E-mail Address', 'f-email'],
    ['Primary Email', 'f-email'],
    ['Phone 1', 'f-phone'],
    ['Mobile', 'f-phone'],
    ['Mobile Phone', 'f-phone'],
    ['Telephone', 'f-phone'],
    ['Tel', 'f-phone'],
    ['Phone Number', 'f-phone'],
    ['Primary Phone', 'f-phone'],
    ['Business Phone', 'f-phone'],
    ['Full Name', 'f-name'],
    ['Contact', 'f-name'],
    ['Contact Name', 'f-name'],
    ['NAME', 'f-name'],
    ['Organization', 'f-company'],
    ['Organisation', 'f-company'],
    ['Company Name', 'f-company'],
    ['Account', 'f-company'],
    ['Business', 'f-company'],
    ['Labels', 'f-tags'],
    ['Categories', 'f-tags'],
    ['Comments', 'f-notes'],
    ['Description', 'f-notes'],
    ['Details', 'f-notes'],
    ['Last contact', 'f-last'],
    ['Last contacted', 'f-last'],
    ['Follow up', 'f-follow'],
    ['Next follow-up', 'f-follow'],
    ['Follow-up date', 'f-follow'],
  ];

  for (const [header, fieldId] of cases) {
    it(`maps "${header}"`, () => {
      expect(suggestMapping([header], CLIENTS)).toEqual([fieldId]);
    });
  }

  it('uses each field once', () => {
    expect(suggestMapping(['Phone 1', 'Phone 2', 'Email 1', 'Email 2'], CLIENTS)).toEqual([
      'f-phone',
      null,
      'f-email',
      null,
    ]);
  });

  it('prefers an exact name over a synonym', () => {
    expect(suggestMapping(['Email 1', 'Email'], CLIENTS)).toEqual([null, 'f-email']);
  });

  it('maps by role when names differ', () => {
    const fields = [field('x', 'Customer', 'text', 'name'), field('y', 'Firm', 'text', 'company')];
    expect(suggestMapping(['Organisation', 'Full Name'], fields)).toEqual(['y', 'x']);
  });

  it('maps a synonym to a role-less field by its name', () => {
    const fields = [field('e', 'E-mail', 'email'), field('p', 'Mobile', 'phone')];
    expect(suggestMapping(['Email Address', 'Phone Number'], fields)).toEqual(['e', 'p']);
  });

  it('prefers the role field over a role-less field with a synonym name', () => {
    const fields = [field('plain', 'Mobile', 'phone'), field('role', 'Work number', 'phone', 'phone')];
    expect(suggestMapping(['Telephone'], fields)).toEqual(['role']);
  });

  it('leaves unknown columns unmapped', () => {
    expect(suggestMapping(['Index', 'Customer Id', ''], CLIENTS)).toEqual([null, null, null]);
  });

  it('maps a datablist customers header', () => {
    const headers = [
      'Index',
      'Customer Id',
      'First Name',
      'Last Name',
      'Company',
      'City',
      'Country',
      'Phone 1',
      'Phone 2',
      'Email',
      'Subscription Date',
      'Website',
    ];
    expect(suggestMapping(headers, CLIENTS)).toEqual([
      null,
      null,
      null,
      null,
      'f-company',
      null,
      null,
      'f-phone',
      null,
      'f-email',
      null,
      null,
    ]);
  });
});

describe('suggestCombineName', () => {
  it('combines first and last name into the name field', () => {
    const headers = ['First Name', 'Last Name', 'Email'];
    expect(suggestCombineName(headers, CLIENTS, suggestMapping(headers, CLIENTS))).toEqual({
      first: 0,
      last: 1,
      fieldId: 'f-name',
    });
  });

  it('accepts given and family name', () => {
    const headers = ['Family Name', 'Given Name'];
    expect(suggestCombineName(headers, CLIENTS, [null, null])).toEqual({ first: 1, last: 0, fieldId: 'f-name' });
  });

  it('does nothing when a full name column exists', () => {
    const headers = ['First Name', 'Last Name', 'Full Name'];
    expect(suggestCombineName(headers, CLIENTS, suggestMapping(headers, CLIENTS))).toBeUndefined();
  });

  it('needs both columns', () => {
    expect(suggestCombineName(['First Name', 'Email'], CLIENTS, [null, 'f-email'])).toBeUndefined();
  });

  it('needs a name-role field', () => {
    const fields = [field('e', 'Email', 'email', 'email')];
    expect(suggestCombineName(['First Name', 'Last Name'], fields, [null, null])).toBeUndefined();
  });
});

describe('suggestMappingPlan', () => {
  it('builds field and skip mappings with a combined name', () => {
    const plan = suggestMappingPlan(['Index', 'First Name', 'Last Name', 'E-mail', 'Mobile'], CLIENTS);
    expect(plan).toEqual({
      columns: [
        { kind: 'skip' },
        { kind: 'skip' },
        { kind: 'skip' },
        { kind: 'field', fieldId: 'f-email' },
        { kind: 'field', fieldId: 'f-phone' },
      ],
      combineName: { first: 1, last: 2, fieldId: 'f-name' },
    });
  });

  it('omits combineName when not needed', () => {
    const plan = suggestMappingPlan(['Name', 'Email'], CLIENTS);
    expect(plan).toEqual({
      columns: [
        { kind: 'field', fieldId: 'f-name' },
        { kind: 'field', fieldId: 'f-email' },
      ],
    });
  });
});

describe('combineNameText', () => {
  it('joins with one space', () => {
    expect(combineNameText(' Ada ', 'Lovelace ')).toBe('Ada Lovelace');
  });

  it('leaves out a blank part', () => {
    expect(combineNameText('', 'Lovelace')).toBe('Lovelace');
    expect(combineNameText('Ada', '  ')).toBe('Ada');
  });
});
