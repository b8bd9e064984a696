// After an import the workbook contains data worth keeping, so the browser is
// asked to keep it even under storage pressure, and the outcome is shown.

import { useEffect, useState } from 'react';

import { askForPersistentStorage, type PersistenceOutcome } from '../db/persistence';

const MESSAGES: Record<PersistenceOutcome, string | null> = {
  alreadyPersistent: null,
  granted: 'The browser granted persistent storage: it will not clear Kindling’s data to free disk space.',
  denied:
    'The browser did not grant persistent storage, so it may clear Kindling’s data when the disk is nearly full. ' +
    'Download a backup now and then (Settings → Download backup).',
  unsupported:
    'This browser cannot promise to keep Kindling’s data when the disk is nearly full. ' +
    'Download a backup now and then (Settings → Download backup).',
};

export function StorageNote() {
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let unmounted = false;
    askForPersistentStorage()
      .then((outcome) => {
        if (!unmounted) setMessage(MESSAGES[outcome]);
      })
      .catch((error: unknown) => console.error('Persistent storage request failed', error));
    return () => {
      unmounted = true;
    };
  }, []);

  return message ? <p className="import-storage-note">{message}</p> : null;
}
