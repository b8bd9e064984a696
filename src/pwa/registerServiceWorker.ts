// Registers the service worker that precaches the app for offline use, and
// tells the UI when a new version is waiting so the user chooses when to
// reload instead of losing an edit in progress.

import { Workbox } from 'workbox-window';

export type ApplyUpdate = () => void;

let pendingUpdate: ApplyUpdate | null = null;
const updateListeners = new Set<(apply: ApplyUpdate) => void>();

export function onUpdateReady(listener: (apply: ApplyUpdate) => void): () => void {
  updateListeners.add(listener);
  if (pendingUpdate) listener(pendingUpdate);
  return () => updateListeners.delete(listener);
}

export function registerServiceWorker(): void {
  // The dev server serves no service worker, and old browsers have none.
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;

  const workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });

  workbox.addEventListener('waiting', () => {
    pendingUpdate = () => {
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    };
    updateListeners.forEach((listener) => listener(pendingUpdate!));
  });

  workbox.register().catch((error: unknown) => {
    console.error('Service worker registration failed; Kindling will not work offline.', error);
  });
}
