// The end of a form dialog: the error of the last attempt as an alert, then
// Cancel and the main action. Both buttons are disabled while the action runs.

interface Props {
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  /** Label of the main action. Callers pass a progress label such as "Restoring…" while busy. */
  confirmLabel: string;
  /** Disables the main action while the dialog's input is not ready. */
  confirmDisabled?: boolean;
  /** Runs when the main action is clicked. Without it the main action submits the enclosing form. */
  onConfirm?: () => void;
}

export function DialogActions({ error, busy, onCancel, confirmLabel, confirmDisabled = false, onConfirm }: Props) {
  return (
    <>
      {error ? (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        {onConfirm ? (
          <button type="button" className="primary" onClick={onConfirm} disabled={busy || confirmDisabled}>
            {confirmLabel}
          </button>
        ) : (
          <button type="submit" className="primary" disabled={busy || confirmDisabled}>
            {confirmLabel}
          </button>
        )}
      </div>
    </>
  );
}
