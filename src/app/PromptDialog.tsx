import { useState, type ReactNode } from 'react';

import { Dialog } from './Dialog';

interface Props {
  title: string;
  label: string;
  initialValue?: string;
  submitLabel: string;
  onSubmit: (value: string) => Promise<void> | void;
  onClose: () => void;
  children?: ReactNode;
}

/** Asks for one line of text, such as a new name, and shows why a value was rejected. */
export function PromptDialog({ title, label, initialValue = '', submitLabel, onSubmit, onClose, children }: Props) {
  const [value, setValue] = useState(initialValue);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    try {
      await onSubmit(value);
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <Dialog title={title} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          {label}
          <input autoFocus value={value} onChange={(event) => setValue(event.target.value)} />
        </label>
        {children}
        {error ? (
          <p role="alert" className="notice notice-error">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
