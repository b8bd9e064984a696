// planNewSheetFromCsv must keep every row even when type inference picks a
// type that cannot read a value. The real inferFieldType never does that, so
// it is replaced here by one that always returns 'number'.

import { describe, expect, it, vi } from 'vitest';
import { defaultFieldContext } from '../../fields/registry';
import { buildImportPlan, planNewSheetFromCsv } from './plan';

vi.mock('../../fields/infer', () => ({
  inferFieldType: () => ({ type: 'number' }),
}));

describe('planNewSheetFromCsv fallback', () => {
  it('keeps a column as text when a value does not parse', () => {
    const rows = [['13'], ['n/a']];
    const plan = planNewSheetFromCsv(['Index'], rows, defaultFieldContext);

    expect(plan.fields[0]?.type).toBe('text');
    expect(plan.warnings).toEqual(['"Index": "n/a" is not a valid number, so the column is imported as text.']);

    const result = buildImportPlan({ headers: ['Index'], rows }, { columns: plan.fields }, defaultFieldContext);
    expect(result.rejected).toEqual([]);
    expect(result.added.map((record) => record.values[plan.fields[0]!.id])).toEqual(['13', 'n/a']);
  });

  it('uses long text when a value has a line break', () => {
    const plan = planNewSheetFromCsv(['Note'], [['1'], ['two\nlines']], defaultFieldContext);
    expect(plan.fields[0]?.type).toBe('longText');
    expect(plan.warnings[0]).toMatch(/imported as long text\.$/);
  });

  it('keeps a column whose values all parse', () => {
    const plan = planNewSheetFromCsv(['Score'], [['1'], ['2.5']], defaultFieldContext);
    expect(plan.fields[0]?.type).toBe('number');
    expect(plan.warnings).toEqual([]);
  });
});
