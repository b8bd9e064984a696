import { describe, expect, it } from 'vitest';

import { TEMPLATES } from './gallery';
import {
  MAX_TEMPLATE_FILE_BYTES,
  parseTemplateFile,
  roleFitsType,
  serializeTemplate,
  templateFileName,
  validateTemplate,
} from './templateFile';
import type { TemplateDefinition } from './templateTypes';

/** Returns a small valid template as plain JSON data, for tests to break one property at a time. */
function dealsTemplate(): Record<string, unknown> & { sheets: Record<string, unknown>[] } {
  return {
    format: 'kindling-template',
    version: 1,
    name: 'Tiny pipeline',
    description: 'Deals and contacts.',
    sheets: [
      {
        name: 'Deals',
        fields: [
          { key: 'name', name: 'Deal', type: 'text', role: 'name' },
          {
            key: 'stage',
            name: 'Stage',
            type: 'select',
            role: 'stage',
            choices: [{ label: 'Open', probability: 0.5 }, 'Won'],
          },
          { key: 'value', name: 'Value', type: 'currency', role: 'dealValue' },
          { key: 'contact', name: 'Contact', type: 'link', role: 'contact', linkSheet: 'Contacts' },
        ],
        sampleRows: [{ name: 'Kiln repair', stage: 'Open', value: '450', contact: 'Odile Brannock' }],
      },
      {
        name: 'Contacts',
        fields: [{ key: 'name', name: 'Name', type: 'text', role: 'name' }],
        sampleRows: [{ name: 'Odile Brannock' }],
      },
    ],
  };
}

type DealsFile = ReturnType<typeof dealsTemplate>;

function fieldsOf(file: DealsFile, sheetIndex = 0): Record<string, unknown>[] {
  return file.sheets[sheetIndex]!.fields as Record<string, unknown>[];
}

function errorOf(file: unknown): string {
  const result = parseTemplateFile(typeof file === 'string' ? file : JSON.stringify(file));
  if (result.ok) throw new Error('Expected the template file to be rejected');
  return result.error;
}

describe('parseTemplateFile', () => {
  it('accepts a valid file', () => {
    const result = parseTemplateFile(JSON.stringify(dealsTemplate()));
    expect(result.ok).toBe(true);
  });

  it('rejects text that is not JSON', () => {
    expect(errorOf('{"name": "Half a file"')).toMatch(/^The file is not valid JSON, so it is not a template file: /);
  });

  it('rejects a file over 1 MB', () => {
    const file = dealsTemplate();
    file.description = 'x'.repeat(MAX_TEMPLATE_FILE_BYTES);
    expect(errorOf(file)).toBe('The file is 1,025 KB, but a template file can be at most 1,024 KB (1 MB).');
  });

  it('rejects a JSON list', () => {
    expect(errorOf('[]')).toBe('A template file must contain a JSON object, but this one contains a list.');
  });

  it('rejects another JSON file', () => {
    expect(errorOf({ name: 'Holiday list' })).toBe(
      'This is not a Kindling template file: "format" must be "kindling-template", but it is undefined.',
    );
  });

  it('rejects a newer version', () => {
    const file = dealsTemplate();
    file.version = 2;
    expect(errorOf(file)).toBe('Template version 2 is not supported. This version of Kindling reads version 1.');
  });

  it('rejects a missing name', () => {
    const file = dealsTemplate();
    delete file.name;
    expect(errorOf(file)).toBe('The template name is missing or empty.');
  });

  it('rejects a blank name', () => {
    const file = dealsTemplate();
    file.name = '   ';
    expect(errorOf(file)).toBe('The template name is missing or empty.');
  });

  it('rejects an unknown top-level property', () => {
    const file = dealsTemplate();
    file.author = 'Someone';
    expect(errorOf(file)).toBe(
      'The template has an unknown property "author". Allowed properties are: format, version, name, description, sheets, rules.',
    );
  });

  it('rejects a file without sheets', () => {
    const file = dealsTemplate();
    file.sheets = [];
    expect(errorOf(file)).toBe('The template has no sheets.');
  });

  it('rejects an unknown column type', () => {
    const file = dealsTemplate();
    fieldsOf(file)[2]!.type = 'formular';
    expect(errorOf(file)).toMatch(/^Sheet "Deals", column 3 has unknown type "formular"\. The types are: text, /);
  });

  it('rejects a column without a type', () => {
    const file = dealsTemplate();
    delete fieldsOf(file)[2]!.type;
    expect(errorOf(file)).toMatch(/^Sheet "Deals", column 3 has no type\./);
  });

  it('rejects a link to a sheet not in the file', () => {
    const file = dealsTemplate();
    fieldsOf(file)[3]!.linkSheet = 'People';
    expect(errorOf(file)).toBe('Sheet "Deals", column 4 links to sheet "People", which is not in the file.');
  });

  it('rejects a link column without a target', () => {
    const file = dealsTemplate();
    delete fieldsOf(file)[3]!.linkSheet;
    expect(errorOf(file)).toBe(
      'Sheet "Deals", column 4 is a link column without "linkSheet", the name of the sheet it links to.',
    );
  });

  it('rejects duplicate column keys', () => {
    const file = dealsTemplate();
    fieldsOf(file)[2]!.key = 'stage';
    expect(errorOf(file)).toBe('Sheet "Deals", column 3 has the key "stage", which another column already uses.');
  });

  it('rejects duplicate sheet names', () => {
    const file = dealsTemplate();
    file.sheets[1]!.name = 'deals';
    fieldsOf(file)[3]!.linkSheet = 'deals';
    expect(errorOf(file)).toBe('The template has two sheets named "deals".');
  });

  it('rejects a role the type cannot carry', () => {
    const file = dealsTemplate();
    fieldsOf(file)[2]!.type = 'text';
    expect(errorOf(file)).toBe('Sheet "Deals", column 3 has role "dealValue", which a text column cannot carry.');
  });

  it('rejects an unknown role', () => {
    const file = dealsTemplate();
    fieldsOf(file)[2]!.role = 'revenue';
    expect(errorOf(file)).toMatch(/^Sheet "Deals", column 3 has unknown role "revenue"\. The roles are: name, /);
  });

  it('rejects a role used twice in a sheet', () => {
    const file = dealsTemplate();
    fieldsOf(file).push({ key: 'budget', name: 'Budget', type: 'currency', role: 'dealValue' });
    expect(errorOf(file)).toBe('Sheet "Deals", column 5 has role "dealValue", which another column already has.');
  });

  it('rejects choices on a text column', () => {
    const file = dealsTemplate();
    fieldsOf(file)[0]!.choices = ['A'];
    expect(errorOf(file)).toBe(
      'Sheet "Deals", column 1 has choices, but only select and multiSelect columns take choices.',
    );
  });

  it('rejects a probability above 1', () => {
    const file = dealsTemplate();
    fieldsOf(file)[1]!.choices = [{ label: 'Open', probability: 40 }];
    expect(errorOf(file)).toBe(
      'Sheet "Deals", column 2, choice 1 has probability 40. Use a fraction from 0 to 1, such as 0.4 for 40%.',
    );
  });

  it('rejects a choice listed twice', () => {
    const file = dealsTemplate();
    fieldsOf(file)[1]!.choices = ['Open', 'open'];
    expect(errorOf(file)).toBe('Sheet "Deals", column 2 has the choice "open" twice.');
  });

  it('rejects a colour that is not a colour', () => {
    const file = dealsTemplate();
    fieldsOf(file)[1]!.choices = [{ label: 'Open', color: 'red; background: url(x)' }];
    expect(errorOf(file)).toMatch(/^Sheet "Deals", column 2, choice 1 has colour /);
  });

  it('rejects a sample value for an unknown column', () => {
    const file = dealsTemplate();
    file.sheets[0]!.sampleRows = [{ name: 'Kiln repair', budget: '10' }];
    expect(errorOf(file)).toBe(
      'Sheet "Deals", sample row 1 has a value for "budget", which is not a column key of the sheet.',
    );
  });

  it('rejects a sample value the column cannot read', () => {
    const file = dealsTemplate();
    file.sheets[0]!.sampleRows = [{ name: 'Kiln repair', value: 'a lot' }];
    expect(errorOf(file)).toBe('Sheet "Deals", sample row 1, column "Value": "a lot" is not a valid amount of money');
  });

  it('rejects a sample link to a row that is not there', () => {
    const file = dealsTemplate();
    file.sheets[0]!.sampleRows = [{ name: 'Kiln repair', contact: 'Nobody Known' }];
    expect(errorOf(file)).toBe(
      'Sheet "Deals", sample row 1, column "Contact": "Nobody Known" is not a row of the linked sheet',
    );
  });

  it('rejects a sample value that is an object', () => {
    const file = dealsTemplate();
    file.sheets[0]!.sampleRows = [{ name: { first: 'Kiln' } }];
    expect(errorOf(file)).toBe(
      'Sheet "Deals", sample row 1, column "name" must be text, a number, true, false or null, but it is an object.',
    );
  });

  it('accepts numbers and booleans as sample values', () => {
    const file = dealsTemplate();
    file.sheets[0]!.sampleRows = [{ name: 'Kiln repair', value: 450 }];
    expect(parseTemplateFile(JSON.stringify(file)).ok).toBe(true);
  });

  it('reads every built-in template back from its file', () => {
    for (const template of TEMPLATES) {
      const result = parseTemplateFile(serializeTemplate(template));
      expect(result, template.name).toEqual({ ok: true, template });
    }
  });
});

describe('validateTemplate', () => {
  it('returns the template without extra properties', () => {
    const result = validateTemplate(dealsTemplate());
    expect(result.ok).toBe(true);
    const template = (result as { template: TemplateDefinition }).template;
    expect(template.sheets[0]!.fields[1]!.choices).toEqual([{ label: 'Open', probability: 0.5 }, 'Won']);
  });
});

describe('roleFitsType', () => {
  it('matches the role rules', () => {
    expect(roleFitsType('dealValue', 'currency')).toBe(true);
    expect(roleFitsType('dealValue', 'text')).toBe(false);
    expect(roleFitsType('contact', 'link')).toBe(true);
    expect(roleFitsType('contact', 'text')).toBe(false);
    expect(roleFitsType('company', 'link')).toBe(true);
    expect(roleFitsType('name', 'text')).toBe(true);
    expect(roleFitsType('name', 'link')).toBe(false);
  });
});

describe('templateFileName', () => {
  it('ends in .kindling-template.json', () => {
    expect(templateFileName('Google Sheets CRM')).toBe('Google Sheets CRM.kindling-template.json');
  });

  it('replaces characters file systems reject', () => {
    expect(templateFileName('Clients: A/B?')).toBe('Clients- A-B-.kindling-template.json');
  });
});
