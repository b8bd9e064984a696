import { useEffect, useState } from 'react';

import { onNewerVersionElsewhere } from '../db';
import { onUpdateReady, type ApplyUpdate } from '../pwa/registerServiceWorker';

/** Banners for a new app version and for a database upgraded in another tab. */
export function UpdateBanner() {
  const [applyUpdate, setApplyUpdate] = useState<ApplyUpdate | null>(null);
  const [upgradedElsewhere, setUpgradedElsewhere] = useState(false);

  useEffect(() => onUpdateReady((apply) => setApplyUpdate(() => apply)), []);
  useEffect(() => onNewerVersionElsewhere(() => setUpgradedElsewhere(true)), []);

  if (upgradedElsewhere) {
    return (
      <div className="banner" role="alert">
        <span>Kindling was updated in another tab; reload</span>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
  if (!applyUpdate) return null;

  return (
    <div className="banner" role="alert">
      A new version of Kindling is ready.
      <button type="button" onClick={() => applyUpdate()}>
        Reload
      </button>
    </div>
  );
}
