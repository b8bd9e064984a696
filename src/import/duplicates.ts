// Finds imported rows that describe a person already in the sheet, or
// already earlier in the same file. Rows match by email (ignoring case),
// else by phone (its E.164 form), else by name (trimmed, case and accents
// folded). Two people can share an office or household phone, or a name, so
// a phone or name match is refused when both rows have emails that differ.
// A phone match is also refused when the names differ, and a name match when
// the phones differ.

import type { CellValue, FieldDef, PhoneValue } from '../fields/types';

export type DuplicateMode = 'skip' | 'update' | 'add';
export type MatchKind = 'email' | 'phone' | 'name';

export const DUPLICATE_MODE_LABELS: Record<DuplicateMode, string> = {
  skip: 'Skip duplicates',
  update: 'Update existing rows',
  add: 'Add as new',
};

/** Comparison keys of one row; a missing key never matches. */
export interface ContactKeys {
  email?: string;
  phone?: string;
  name?: string;
}

/** The fields whose values identify a person, by field id. */
export interface KeyFields {
  email?: string;
  phone?: string;
  name?: string;
}

/** Keys of a row already in the sheet. */
export interface ExistingRowKeys {
  rowId: string;
  keys: ContactKeys;
}

/** Digits a phone needs before it is compared without an E.164 form. */
const MIN_PHONE_DIGITS = 6;

export function emailKey(text: string): string | undefined {
  const key = text.trim().toLowerCase();
  return key === '' ? undefined : key;
}

/** Folds a name for comparison: trimmed, single spaces, lower case, accents removed. */
export function nameKey(text: string): string | undefined {
  const key = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  // A name of only punctuation ("????", "-") cannot identify anyone, so it gets no key.
  return /[\p{L}\p{N}]/u.test(key) ? key : undefined;
}

/** Returns the E.164 form of a stored phone, or its digits when it has none. */
export function phoneKey(value: PhoneValue): string | undefined {
  if (value.e164) return value.e164;
  const digits = value.text.replace(/\D/g, '');
  return digits.length >= MIN_PHONE_DIGITS ? digits : undefined;
}

function isPhoneValue(value: CellValue | undefined): value is PhoneValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as PhoneValue).text === 'string'
  );
}

/** Picks the email, phone and name fields: by role first, else the first field of the type. */
export function keyFieldsOf(fields: readonly (FieldDef | null)[]): KeyFields {
  const present = fields.filter((field): field is FieldDef => field !== null);
  const byRole = (role: 'email' | 'phone' | 'name') => present.find((field) => field.role === role)?.id;
  const byType = (type: 'email' | 'phone') => present.find((field) => field.type === type)?.id;
  return {
    email: byRole('email') ?? byType('email'),
    phone: byRole('phone') ?? byType('phone'),
    name: byRole('name'),
  };
}

/** Reads the comparison keys from stored cell values. */
export function keysOfValues(values: Record<string, CellValue | undefined>, fields: KeyFields): ContactKeys {
  const keys: ContactKeys = {};
  const email = fields.email ? values[fields.email] : undefined;
  if (typeof email === 'string') keys.email = emailKey(email);
  const phone = fields.phone ? values[fields.phone] : undefined;
  if (isPhoneValue(phone)) keys.phone = phoneKey(phone);
  const name = fields.name ? values[fields.name] : undefined;
  if (typeof name === 'string') keys.name = nameKey(name);
  return keys;
}

/** A match: a row of the sheet, or an earlier row of the file by its index among the planned rows. */
export type DuplicateTarget = { kind: 'existing'; rowId: string } | { kind: 'file'; index: number };

export interface DuplicateMatch {
  target: DuplicateTarget;
  by: MatchKind;
}

interface Candidate {
  target: DuplicateTarget;
  email?: string;
  phone?: string;
  name?: string;
}

/** True when both sides have a value for `key` and the values differ. */
function differ(keys: ContactKeys, candidate: Candidate, key: MatchKind): boolean {
  const ours = keys[key];
  const theirs = candidate[key];
  return ours !== undefined && theirs !== undefined && ours !== theirs;
}

/** Looks rows up by key; earlier entries win, so the first row with a key is the one matched. */
export class DuplicateIndex {
  private readonly maps: Record<MatchKind, Map<string, Candidate>> = {
    email: new Map(),
    phone: new Map(),
    name: new Map(),
  };

  constructor(existing: readonly ExistingRowKeys[] = []) {
    for (const row of existing) this.add({ kind: 'existing', rowId: row.rowId }, row.keys);
  }

  add(target: DuplicateTarget, keys: ContactKeys): void {
    const candidate: Candidate = { target, email: keys.email, phone: keys.phone, name: keys.name };
    for (const kind of ['email', 'phone', 'name'] as const) {
      const key = keys[kind];
      if (key !== undefined && !this.maps[kind].has(key)) this.maps[kind].set(key, candidate);
    }
  }

  find(keys: ContactKeys): DuplicateMatch | undefined {
    for (const kind of ['email', 'phone', 'name'] as const) {
      const key = keys[kind];
      if (key === undefined) continue;
      const candidate = this.maps[kind].get(key);
      if (!candidate) continue;
      const conflict =
        (kind !== 'email' && differ(keys, candidate, 'email')) ||
        (kind === 'phone' && differ(keys, candidate, 'name')) ||
        (kind === 'name' && differ(keys, candidate, 'phone'));
      if (!conflict) return { target: candidate.target, by: kind };
    }
    return undefined;
  }
}

/** How many planned rows match, by what. */
export interface DuplicateCounts {
  existing: Record<MatchKind, number>;
  /** Rows that repeat an earlier row of the same file. */
  withinFile: number;
}

export function emptyDuplicateCounts(): DuplicateCounts {
  return { existing: { email: 0, phone: 0, name: 0 }, withinFile: 0 };
}

/** Planned rows after duplicates were handled. */
export interface DuplicateOutcome {
  /** Rows to add, with later file duplicates merged in when updating. */
  added: Record<string, CellValue>[];
  /** Values to write over existing rows, by row id, when updating. */
  updates: Map<string, Record<string, CellValue>>;
  /** File rows written into an existing row or merged into an earlier file row. */
  updatedRows: number;
  /** File rows left out as duplicates. */
  skippedRows: number;
  counts: DuplicateCounts;
}

/**
 * Handles planned rows that match an existing row or an earlier file row.
 * 'skip' leaves them out, 'update' writes their non-empty values over the
 * matched row (an earlier file row takes them before it is added), and 'add'
 * adds them as new rows. Counts are the same whatever the mode.
 */
export function resolveDuplicates(
  records: readonly Record<string, CellValue>[],
  keyFields: KeyFields,
  existing: readonly ExistingRowKeys[],
  mode: DuplicateMode,
): DuplicateOutcome {
  const index = new DuplicateIndex(existing);
  const outcome: DuplicateOutcome = {
    added: [],
    updates: new Map(),
    updatedRows: 0,
    skippedRows: 0,
    counts: emptyDuplicateCounts(),
  };

  for (const values of records) {
    const keys = keysOfValues(values, keyFields);
    const match = index.find(keys);
    if (match?.target.kind === 'existing') outcome.counts.existing[match.by] += 1;
    if (match?.target.kind === 'file') outcome.counts.withinFile += 1;

    if (!match || mode === 'add') {
      index.add({ kind: 'file', index: outcome.added.length }, keys);
      outcome.added.push({ ...values });
    } else if (mode === 'skip') {
      outcome.skippedRows += 1;
    } else if (match.target.kind === 'existing') {
      const current = outcome.updates.get(match.target.rowId) ?? {};
      outcome.updates.set(match.target.rowId, { ...current, ...values });
      outcome.updatedRows += 1;
    } else {
      Object.assign(outcome.added[match.target.index]!, values);
      outcome.updatedRows += 1;
    }
  }
  return outcome;
}
