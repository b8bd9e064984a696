import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Blocks closing while work that must not be interrupted runs. */
  busy?: boolean;
  wide?: boolean;
}

/** Renders a modal on the native <dialog>, which traps focus and closes on Escape. */
export function Dialog({ title, onClose, children, busy = false, wide = false }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();

    // showModal focuses the first control, the close button; the first field of the body is more useful.
    const first = dialog?.querySelector<HTMLElement>(
      '.dialog-body input:not([disabled]), .dialog-body select:not([disabled]), .dialog-body textarea, .dialog-body button:not([disabled])',
    );
    first?.focus();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="dialog-close" aria-label="Dismiss dialog" disabled={busy} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
