// The Storage section of Settings: how much space Kindling uses in this
// browser, and whether the browser has granted persistent storage, which
// keeps it from deleting the data when the disk runs low.

import { useCallback, useEffect, useId, useState } from 'react';

import { requestPersistentStorage } from '../db/persistence';
import type { FieldContext } from '../fields/types';
import { formatBytes } from './storageUnits';

interface Props {
  settings: FieldContext;
}

interface StorageState {
  /** Null when the browser has no StorageManager (older browsers, some embedded views). */
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

async function readStorageState(): Promise<StorageState> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  const estimate = storage?.estimate ? await storage.estimate() : undefined;
  const persisted = storage?.persisted ? await storage.persisted() : null;
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}

export function StorageSection({ settings }: Props) {
  const [state, setState] = useState<StorageState | null>(null);
  const [requestResult, setRequestResult] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const headingId = useId();

  const refresh = useCallback(() => {
    readStorageState()
      .then(setState)
      .catch((error: unknown) => {
        console.error('Could not read storage use', error);
        setState({ usage: null, quota: null, persisted: null });
      });
  }, []);

  useEffect(refresh, [refresh]);

  const ask = async () => {
    setAsking(true);
    try {
      const granted = await requestPersistentStorage();
      setRequestResult(
        granted
          ? 'The browser granted persistent storage.'
          : 'The browser did not grant persistent storage. Browsers grant it more readily to installed apps and sites used often; download backups meanwhile.',
      );
    } catch (error) {
      console.error('Persistent storage request failed', error);
      setRequestResult('The browser could not be asked for persistent storage.');
    } finally {
      setAsking(false);
      refresh();
    }
  };

  const locale = settings.locale;

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Storage</h2>
      {state === null ? (
        <p>Reading storage use…</p>
      ) : (
        <>
          <p>
            {state.usage === null
              ? 'This browser does not report how much space Kindling uses.'
              : state.quota
                ? `Kindling uses ${formatBytes(state.usage, locale)} of the ${formatBytes(state.quota, locale)} this browser allows it.`
                : `Kindling uses ${formatBytes(state.usage, locale)}.`}
          </p>
          <p>
            {state.persisted === null
              ? 'This browser does not report whether its storage is persistent.'
              : state.persisted
                ? 'Storage is persistent: the browser will not delete Kindling’s data to free disk space.'
                : 'Storage is not persistent: the browser may delete Kindling’s data when the disk is nearly full. Download backups often.'}
          </p>
          {state.persisted === false ? (
            <button type="button" disabled={asking} onClick={() => void ask()}>
              Ask for persistent storage
            </button>
          ) : null}
          {requestResult ? <p aria-live="polite">{requestResult}</p> : null}
        </>
      )}
    </section>
  );
}
