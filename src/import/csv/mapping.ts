// Suggests which field of an existing sheet each CSV column fills. Matching
// uses the column name, the field's CRM role, and the column names of common
// exports (Google Contacts, Outlook, Thunderbird, spreadsheets). The user
// reviews and changes the suggestion before anything is imported.

import type { FieldDef, FieldRole, FieldType } from '../../fields/types';

/** The action for one source column during an import. */
export type ColumnMapping =
  { kind: 'field'; fieldId: string } | { kind: 'skip' } | { kind: 'new'; name: string; type: FieldType };

/** Fills the name field with "First Last" built from two source columns. */
export interface CombineNameMapping {
  /** Index of the first-name source column. */
  first: number;
  /** Index of the last-name source column. */
  last: number;
  fieldId: string;
}

/** One ColumnMapping per source column, in source order. */
export interface MappingPlan {
  columns: ColumnMapping[];
  combineName?: CombineNameMapping;
}

/**
 * Folds a column or field name to a comparison key: lower case, accents
 * removed, and everything but letters and digits dropped, so "E-mail
 * Address", "email address" and "EmailAddress" share the key "emailaddress".
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Source column names that mean a field of each role, before normalising. */
export const ROLE_SYNONYMS: Partial<Record<FieldRole, readonly string[]>> = {
  email: [
    'Email',
    'E-mail',
    'Email 1',
    'E-mail 1',
    'Email Address',
    'E-mail Address',
    'Primary Email',
    'Email 1 - Value',
    'E-mail 1 - Value',
  ],
  phone: [
    'Phone',
    'Phone 1',
    'Mobile',
    'Mobile Phone',
    'Mobile Number',
    'Cell',
    'Cell Phone',
    'Telephone',
    'Tel',
    'Phone Number',
    'Primary Phone',
    'Business Phone',
    'Work Phone',
    'Phone 1 - Value',
  ],
  name: [
    'Name',
    'Full Name',
    'Contact',
    'Contact Name',
    'Display Name',
    'Client',
    'Client Name',
    'Customer',
    'Customer Name',
  ],
  company: [
    'Company',
    'Organization',
    'Organisation',
    'Company Name',
    'Organization Name',
    'Organisation Name',
    'Account',
    'Account Name',
    'Business',
    'Organization 1 - Name',
    'Employer',
  ],
  tags: ['Tags', 'Tag', 'Labels', 'Label', 'Categories', 'Category', 'Group Membership', 'Groups'],
  notes: ['Notes', 'Note', 'Comments', 'Comment', 'Description', 'Details', 'Remarks', 'Memo'],
  lastContacted: ['Last Contacted', 'Last Contact', 'Last Contact Date', 'Last Contacted Date'],
  followUpDate: ['Follow Up', 'Follow-up', 'Next Follow-up', 'Follow-up Date', 'Next Follow-up Date', 'Next Contact'],
  stage: ['Stage', 'Deal Stage', 'Pipeline Stage', 'Lifecycle Stage'],
  dealValue: ['Deal Value', 'Deal Amount', 'Amount'],
  customerSince: ['Customer Since', 'Client Since'],
};

const FIRST_NAME_KEYS = new Set(['First Name', 'Firstname', 'Given Name', 'Forename'].map(normaliseName));
const LAST_NAME_KEYS = new Set(['Last Name', 'Lastname', 'Surname', 'Family Name'].map(normaliseName));

const SYNONYM_KEYS = new Map<FieldRole, Set<string>>(
  Object.entries(ROLE_SYNONYMS).map(([role, names]) => [role as FieldRole, new Set(names.map(normaliseName))]),
);

/** Finds the role whose synonyms contain this normalised key. */
function roleForKey(key: string): FieldRole | undefined {
  for (const [role, keys] of SYNONYM_KEYS) {
    if (keys.has(key)) return role;
  }
  return undefined;
}

/**
 * Suggests a target field id for each source column, or null for none. Each
 * field is used at most once, so in three passes over the columns, in order:
 *   1. the normalised column name equals a field's normalised name;
 *   2. the column name is a synonym of a role, and a field has that role;
 *   3. the column name is a synonym of a role, and a field without a role has
 *      a name that is a synonym of the same role (a plain "Email" column).
 * So "Phone 1" takes the phone field, and a later "Phone 2" gets null.
 */
export function suggestMapping(headers: readonly string[], fields: readonly FieldDef[]): (string | null)[] {
  const result: (string | null)[] = headers.map(() => null);
  const used = new Set<string>();
  const keys = headers.map(normaliseName);

  const assign = (column: number, pick: (field: FieldDef) => boolean): void => {
    if (result[column] !== null) return;
    const field = fields.find((candidate) => !used.has(candidate.id) && pick(candidate));
    if (field === undefined) return;
    result[column] = field.id;
    used.add(field.id);
  };

  keys.forEach((key, column) => {
    if (key !== '') assign(column, (field) => normaliseName(field.name) === key);
  });

  keys.forEach((key, column) => {
    const role = roleForKey(key);
    if (role !== undefined) assign(column, (field) => field.role === role);
  });

  keys.forEach((key, column) => {
    const role = roleForKey(key);
    if (role !== undefined) {
      assign(column, (field) => field.role === undefined && roleForKey(normaliseName(field.name)) === role);
    }
  });

  return result;
}

/**
 * Finds "First Name" and "Last Name" source columns to combine into the
 * sheet's name-role field. Returns undefined unless the sheet has such a field,
 * no column was mapped to it, and both columns exist.
 */
export function suggestCombineName(
  headers: readonly string[],
  fields: readonly FieldDef[],
  mappedFieldIds: readonly (string | null)[],
): CombineNameMapping | undefined {
  const nameField = fields.find((field) => field.role === 'name');
  if (nameField === undefined || mappedFieldIds.includes(nameField.id)) return undefined;

  const keys = headers.map(normaliseName);
  const first = keys.findIndex((key) => FIRST_NAME_KEYS.has(key));
  const last = keys.findIndex((key) => LAST_NAME_KEYS.has(key));
  if (first === -1 || last === -1) return undefined;

  return { first, last, fieldId: nameField.id };
}

/**
 * Suggests a full mapping plan: suggestMapping's matches as 'field', every
 * other column as 'skip', and a combined name when suggestCombineName finds
 * one. The first and last name columns keep their own mapping as well.
 */
export function suggestMappingPlan(headers: readonly string[], fields: readonly FieldDef[]): MappingPlan {
  const fieldIds = suggestMapping(headers, fields);
  const columns: ColumnMapping[] = fieldIds.map((fieldId) =>
    fieldId === null ? { kind: 'skip' } : { kind: 'field', fieldId },
  );
  const combineName = suggestCombineName(headers, fields, fieldIds);
  return combineName === undefined ? { columns } : { columns, combineName };
}

/** Joins first and last name text with one space, leaving out blank parts. */
export function combineNameText(first: string, last: string): string {
  return [first.trim(), last.trim()].filter((part) => part !== '').join(' ');
}
