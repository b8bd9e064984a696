// The sheet and column the pipeline board last showed, kept in the settings
// table so the board opens on them next time.

import { getDatabase } from './connection';

const PIPELINE_CHOICE_KEY = 'pipelineBoard';

/** The sheet a board shows, and the single-select or stage column its lanes come from. */
export interface PipelineChoice {
  sheetId: string;
  fieldId: string;
}

/** Returns the saved board choice, or undefined when none was saved or the stored value is damaged. */
export async function getPipelineChoice(): Promise<PipelineChoice | undefined> {
  const value = (await getDatabase().settings.get(PIPELINE_CHOICE_KEY))?.value;
  if (typeof value !== 'object' || value === null) return undefined;
  const { sheetId, fieldId } = value as Partial<PipelineChoice>;
  return typeof sheetId === 'string' && typeof fieldId === 'string' ? { sheetId, fieldId } : undefined;
}

export async function savePipelineChoice(choice: PipelineChoice): Promise<void> {
  await getDatabase().settings.put({
    key: PIPELINE_CHOICE_KEY,
    value: { sheetId: choice.sheetId, fieldId: choice.fieldId },
  });
}
