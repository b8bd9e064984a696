// "Restore backup" on the first-run screen, for a person setting Kindling up
// on a new computer or in a new browser from a backup file.

import { useState } from 'react';

import { showNotice } from '../app/notices';
import { DEFAULT_WORKBOOK_SETTINGS } from '../db/settings';
import { RestoreBackupButton } from './RestoreBackupButton';
import './backup.css';

export function FirstRunRestore() {
  const [error, setError] = useState<string | null>(null);

  return (
    <div className="restore-instead">
      <p>Moving from another computer or browser? Restore the backup file you downloaded there.</p>
      <RestoreBackupButton
        settings={DEFAULT_WORKBOOK_SETTINGS}
        onResult={(result) => {
          if (result.kind === 'done') {
            // The first-run screen gives way to the restored workbook, so the message goes to a notice.
            showNotice(result.text);
            setError(null);
          } else {
            setError(result.text);
          }
        }}
      />
      {error ? (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
