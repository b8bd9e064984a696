// Keys that work anywhere in the app. Ctrl+Alt+N and "?" are caught before
// the grid, which would otherwise start editing a cell with the typed "?".

import { useEffect, useRef } from 'react';

interface Handlers {
  /** Ctrl+Alt+N: quick add. */
  onQuickAdd: () => void;
  /** "?" outside a text field and a dialog: the keyboard shortcuts. */
  onShowShortcuts: () => void;
  /** Ctrl+K, or Cmd+K on a Mac: "Search everything". */
  onSearch: () => void;
}

const TEXT_ENTRY = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

export function useGlobalShortcuts(handlers: Handlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const beforeTheGrid = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if (event.ctrlKey && event.altKey && !event.metaKey && key === 'n') {
        event.preventDefault();
        event.stopPropagation();
        latest.current.onQuickAdd();
        return;
      }

      if (event.key !== '?' || event.ctrlKey || event.altKey || event.metaKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.matches(TEXT_ENTRY) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      event.stopPropagation();
      latest.current.onShowShortcuts();
    };

    const anywhere = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        latest.current.onSearch();
      }
    };

    window.addEventListener('keydown', beforeTheGrid, true);
    window.addEventListener('keydown', anywhere);
    return () => {
      window.removeEventListener('keydown', beforeTheGrid, true);
      window.removeEventListener('keydown', anywhere);
    };
  }, []);
}
