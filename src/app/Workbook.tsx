import { lazy, Suspense, useEffect } from 'react';

import { requestPersistentStorage, setActiveSheetId, type SheetRecord } from '../db';
import { loadPhoneLibrary } from '../fields/phoneLibrary';
import type { FieldContext } from '../fields/types';
import { reportError } from './notices';
import { ErrorBoundary } from './ErrorBoundary';
import { SheetActions } from './SheetActions';

// The grid is most of the app's code, so it is a chunk of its own: the first-run
// template chooser and the navigation render without it.
const SheetView = lazy(() => import('../grid/SheetView').then((module) => ({ default: module.SheetView })));

interface Props {
  sheets: SheetRecord[];
  activeSheetId: string | undefined;
  settings: FieldContext;
  onOpenCustomer?: (sheetId: string, rowId: string) => void;
  onQuickAdd?: () => void;
}

/** Renders the sheet tabs and the active sheet, like the tabs of a spreadsheet. */
export function Workbook({ sheets, activeSheetId, settings, onOpenCustomer, onQuickAdd }: Props) {
  // Fetch phone support once the grid is on screen, so the first edit does not wait for it.
  useEffect(() => {
    loadPhoneLibrary().catch((error: unknown) => reportError('Could not load phone number support.', error));
    requestPersistentStorage().catch((error: unknown) => console.error('Persistent storage request failed', error));
  }, []);

  const active = sheets.find((sheet) => sheet.id === activeSheetId) ?? sheets[0]!;

  const selectSheet = (sheetId: string) => {
    setActiveSheetId(sheetId).catch((error: unknown) => reportError('Could not switch sheets.', error));
  };

  return (
    <div className="workbook">
      <div className="sheet-tabs">
        <div
          role="tablist"
          aria-label="Sheets"
          className="sheet-tab-list"
          onKeyDown={(event) => {
            // Arrow keys move between tabs, as the ARIA tabs pattern expects.
            const offset = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
            if (!offset) return;
            const index = sheets.findIndex((sheet) => sheet.id === active.id);
            const next = sheets[(index + offset + sheets.length) % sheets.length]!;
            selectSheet(next.id);
            document.getElementById(`tab-${next.id}`)?.focus();
          }}
        >
          {sheets.map((sheet) => (
            <button
              key={sheet.id}
              type="button"
              role="tab"
              id={`tab-${sheet.id}`}
              aria-selected={sheet.id === active.id}
              aria-controls="sheet-panel"
              tabIndex={sheet.id === active.id ? 0 : -1}
              onClick={() => selectSheet(sheet.id)}
            >
              {sheet.name}
            </button>
          ))}
        </div>
        <SheetActions sheet={active} isFirst={sheets[0]?.id === active.id} isLast={sheets.at(-1)?.id === active.id} />
      </div>
      <div role="tabpanel" id="sheet-panel" aria-labelledby={`tab-${active.id}`} className="sheet-panel">
        <ErrorBoundary key={active.id} area={`the sheet "${active.name}"`}>
          <Suspense fallback={<p className="loading">Loading the grid…</p>}>
            <SheetView sheet={active} settings={settings} onOpenCustomer={onOpenCustomer} onQuickAdd={onQuickAdd} />
          </Suspense>
        </ErrorBoundary>
      </div>
    </div>
  );
}
