import { describe, expect, it } from 'vitest';

import { getDatabase } from './connection';
import { getPipelineChoice, savePipelineChoice } from './pipeline';

describe('pipeline choice', () => {
  it('is undefined before any save', async () => {
    expect(await getPipelineChoice()).toBeUndefined();
  });

  it('returns the last saved choice', async () => {
    await savePipelineChoice({ sheetId: 'sheet-a', fieldId: 'field-1' });
    await savePipelineChoice({ sheetId: 'sheet-b', fieldId: 'field-2' });
    expect(await getPipelineChoice()).toEqual({ sheetId: 'sheet-b', fieldId: 'field-2' });
  });

  it('ignores a damaged stored value', async () => {
    await getDatabase().settings.put({ key: 'pipelineBoard', value: { sheetId: 7 } });
    expect(await getPipelineChoice()).toBeUndefined();
  });
});
