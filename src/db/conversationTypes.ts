// The kinds of conversation a customer's log offers (Call, Email, ...). They
// are a workbook setting, edited in Settings, and become the choices of the
// Type column of the Activities sheet as entries use them.

import { getDatabase } from './connection';

const CONVERSATION_TYPES_KEY = 'conversationTypes';

/** Maximum length of a type label, so a label fits a select and a grid cell. */
export const MAX_CONVERSATION_TYPE_LENGTH = 40;

/** Types a new workbook starts with. Complaint and Compliment are the labels the dashboard counts. */
export const DEFAULT_CONVERSATION_TYPES: readonly string[] = [
  'Call',
  'Email',
  'Meeting',
  'Message',
  'Note',
  'Complaint',
  'Compliment',
];

/**
 * Checks and tidies a list of type labels: trimmed, none empty, none longer
 * than the maximum, no two the same ignoring case. Throws with the label at fault.
 */
export function normaliseConversationTypes(types: readonly string[]): string[] {
  const labels = types.map((type) => type.trim());
  if (labels.length === 0) throw new Error('Keep at least one conversation type, such as Call.');

  const seen = new Set<string>();
  for (const label of labels) {
    if (label === '') throw new Error('A conversation type cannot be empty. Name it or remove it.');
    if (label.length > MAX_CONVERSATION_TYPE_LENGTH) {
      throw new Error(`The type "${label}" is too long: use at most ${MAX_CONVERSATION_TYPE_LENGTH} characters.`);
    }
    const key = label.toLocaleLowerCase();
    if (seen.has(key)) throw new Error(`The type "${label}" is listed twice. Remove one of them.`);
    seen.add(key);
  }
  return labels;
}

/** Returns the workbook's conversation types in the order the user set. */
export async function getConversationTypes(): Promise<string[]> {
  const record = await getDatabase().settings.get(CONVERSATION_TYPES_KEY);
  const stored = record?.value;
  if (Array.isArray(stored) && stored.every((type) => typeof type === 'string')) {
    try {
      return normaliseConversationTypes(stored);
    } catch (error) {
      console.error('Stored conversation types are invalid; using the defaults', error);
    }
  }
  return [...DEFAULT_CONVERSATION_TYPES];
}

/** Saves the conversation types after checking them with normaliseConversationTypes. */
export async function saveConversationTypes(types: readonly string[]): Promise<void> {
  const labels = normaliseConversationTypes(types);
  await getDatabase().settings.put({ key: CONVERSATION_TYPES_KEY, value: labels });
}
