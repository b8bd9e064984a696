import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';

import '../contacts/contacts.css';

import { describeError, reportError, showNotice } from '../app/notices';
import {
  getConversationTypes,
  MAX_CONVERSATION_TYPE_LENGTH,
  normaliseConversationTypes,
  saveConversationTypes,
} from '../db/conversationTypes';

/** Edits the list of conversation types the customer panel offers, such as Call and Meeting. */
export function ConversationTypesSection() {
  const stored = useLiveQuery(getConversationTypes);
  const [draft, setDraft] = useState<string[] | null>(null);
  const [error, setError] = useState('');
  const headingId = useId();
  const errorId = useId();
  const types = draft ?? stored;

  if (!types) return null;

  const change = (next: string[]) => {
    setDraft(next);
    setError('');
  };
  const move = (index: number, offset: -1 | 1) => {
    const next = [...types];
    [next[index], next[index + offset]] = [next[index + offset]!, next[index]!];
    change(next);
  };

  const save = async () => {
    try {
      normaliseConversationTypes(types);
    } catch (invalid) {
      setError(describeError(invalid));
      return;
    }
    try {
      await saveConversationTypes(types);
      setDraft(null);
      showNotice('Conversation types saved.');
    } catch (failure) {
      reportError(`Could not save the conversation types: ${describeError(failure)}`, failure);
    }
  };

  return (
    <section aria-labelledby={headingId} className="conversation-types">
      <h2 id={headingId}>Conversation types</h2>
      <p>
        The kinds of conversation you log with a customer. Complaint and Compliment are counted on the dashboard. A type
        already used in the log stays there when you remove it here.
      </p>
      <ol>
        {types.map((type, index) => (
          <li key={index}>
            <input
              aria-label={`Conversation type ${index + 1}`}
              value={type}
              maxLength={MAX_CONVERSATION_TYPE_LENGTH}
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => change(types.map((each, at) => (at === index ? event.target.value : each)))}
            />{' '}
            <button type="button" disabled={index === 0} onClick={() => move(index, -1)}>
              Move up<span className="visually-hidden"> {type}</span>
            </button>{' '}
            <button type="button" disabled={index === types.length - 1} onClick={() => move(index, 1)}>
              Move down<span className="visually-hidden"> {type}</span>
            </button>{' '}
            <button type="button" onClick={() => change(types.filter((_, at) => at !== index))}>
              Remove<span className="visually-hidden"> {type}</span>
            </button>
          </li>
        ))}
      </ol>
      {error ? (
        <p id={errorId} role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={() => change([...types, ''])}>
          Add type
        </button>
        <button type="button" className="primary" disabled={draft === null} onClick={() => void save()}>
          Save conversation types
        </button>
      </div>
    </section>
  );
}
