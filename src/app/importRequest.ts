// The import dialog lives at the top of the app, not inside the screen that
// opened it, because a finished import switches to the imported sheet and
// the summary must stay on screen while that happens.

import { useSyncExternalStore } from 'react';

import type { ImportDialogTarget } from '../import/ImportDialog';

let current: ImportDialogTarget | null = null;
const listeners = new Set<() => void>();

function publish(next: ImportDialogTarget | null): void {
  current = next;
  listeners.forEach((listener) => listener());
}

export function openImportDialog(target: ImportDialogTarget): void {
  publish(target);
}

export function closeImportDialog(): void {
  publish(null);
}

export function useImportRequest(): ImportDialogTarget | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
