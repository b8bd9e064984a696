import { describe, expect, it } from 'vitest';

import type { FieldDef } from '../fields/types';
import {
  choicesFromMapping,
  mappingFromChoices,
  readRememberedChoices,
  rememberedChoicesKey,
  type RememberedChoices,
} from './rememberedChoices';

const fields: FieldDef[] = [{ id: 'f-mail', name: 'Email', type: 'email', settings: {} }];
const headers = ['E-mail', 'Score', 'Joined'];

describe('rememberedChoicesKey', () => {
  it('ignores case and punctuation in headers', () => {
    expect(rememberedChoicesKey('s1', ['E-mail', 'Full Name'])).toBe(
      rememberedChoicesKey('s1', ['email', 'full name']),
    );
    expect(rememberedChoicesKey('s1', headers)).not.toBe(rememberedChoicesKey(undefined, headers));
  });
});

describe('remembered choices', () => {
  const stored: RememberedChoices = {
    ...choicesFromMapping({
      columns: [{ kind: 'field', fieldId: 'f-mail' }, { kind: 'new', name: 'Score', type: 'number' }, { kind: 'skip' }],
    }),
    dateFormats: [null, null, 'dmyDots'],
    decimalMark: ',',
    duplicateMode: 'update',
    phoneCountry: 'DE',
  };

  it('round-trips a mapping', () => {
    const read = readRememberedChoices(JSON.parse(JSON.stringify(stored)), headers, fields);
    expect(read).toEqual(stored);
    expect(mappingFromChoices(read!, headers)).toEqual({
      columns: [{ kind: 'field', fieldId: 'f-mail' }, { kind: 'new', name: 'Score', type: 'number' }, { kind: 'skip' }],
    });
  });

  it('skips a column whose field was deleted', () => {
    expect(readRememberedChoices(stored, headers, [])!.columns[0]).toEqual({ kind: 'skip' });
  });

  it('ignores choices of another shape', () => {
    expect(readRememberedChoices(stored, ['One'], fields)).toBeUndefined();
    expect(readRememberedChoices({ columns: [{ kind: 'new', type: 'nonsense' }] }, ['One'], fields)).toBeUndefined();
    expect(readRememberedChoices('text', headers, fields)).toBeUndefined();
  });
});
