import { afterEach, describe, expect, it } from 'vitest';

import { resetDatabaseForTests } from './connection';
import {
  DEFAULT_CONVERSATION_TYPES,
  getConversationTypes,
  normaliseConversationTypes,
  saveConversationTypes,
} from './conversationTypes';

afterEach(() => resetDatabaseForTests());

describe('conversation types', () => {
  it('start with the defaults', async () => {
    expect(await getConversationTypes()).toEqual([...DEFAULT_CONVERSATION_TYPES]);
  });

  it('keep a saved list, trimmed', async () => {
    await saveConversationTypes([' Call ', 'Site visit']);
    expect(await getConversationTypes()).toEqual(['Call', 'Site visit']);
  });

  it('reject an empty label', () => {
    expect(() => normaliseConversationTypes(['Call', ' '])).toThrow('cannot be empty');
  });

  it('reject a label listed twice', () => {
    expect(() => normaliseConversationTypes(['Call', 'call'])).toThrow('"call" is listed twice');
  });

  it('reject an empty list', () => {
    expect(() => normaliseConversationTypes([])).toThrow('at least one');
  });
});
