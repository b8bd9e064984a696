import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useState } from 'react';

import { getActiveSheetId, getWorkbookSettings, listSheets, setActiveSheetId } from '../db';
import { loadDateLocale } from '../fields/dateLocale';
import type { OpenRequest } from '../reminders/navigation';
import { RemindersNavButton } from '../reminders/RemindersNavButton';
import { TemplateChooser, TemplatesPage } from '../templates/TemplateChooser';
import { Workbook } from './Workbook';
import { NoticeList } from './NoticeList';
import { UpdateBanner } from './UpdateBanner';
import { closeImportDialog, useImportRequest } from './importRequest';
import { reportError } from './notices';
import { requestRowFocus } from './rowFocus';

const SettingsPage = lazy(() =>
  import('../settings/SettingsPage').then((module) => ({ default: module.SettingsPage })),
);
const ImportDialog = lazy(() => import('../import/ImportDialog').then((module) => ({ default: module.ImportDialog })));
const DashboardPage = lazy(() =>
  import('../dashboard/DashboardPage').then((module) => ({ default: module.DashboardPage })),
);
const RemindersPage = lazy(() =>
  import('../reminders/RemindersPage').then((module) => ({ default: module.RemindersPage })),
);

export type Page = 'sheets' | 'dashboard' | 'templates' | 'settings' | 'reminders';

/** Reads the workbook settings and loads the date formats of their language before anything is shown. */
async function loadWorkbookSettings() {
  const settings = await getWorkbookSettings();
  await loadDateLocale(settings.locale);
  return settings;
}

export function App() {
  const sheets = useLiveQuery(listSheets);
  const activeSheetId = useLiveQuery(getActiveSheetId);
  const settings = useLiveQuery(loadWorkbookSettings);
  const [page, setPage] = useState<Page>('sheets');
  const importTarget = useImportRequest();
  // Changes when a reminder opens a row, so the sheet view mounts again and scrolls to it even if its sheet is open.
  const [rowFocusCount, setRowFocusCount] = useState(0);
  const [overdueCount, setOverdueCount] = useState(0);

  // Reminders fire from a scheduler loaded after the first render, so it adds nothing to the first load.
  useEffect(() => {
    // A reminder or a notification click opens its row, or the Reminders page.
    const open = (request: OpenRequest) => {
      if (request.kind === 'reminders') {
        setPage('reminders');
        return;
      }
      requestRowFocus(request.sheetId, request.rowId);
      setActiveSheetId(request.sheetId).catch((error: unknown) => reportError('Could not open the row.', error));
      setPage('sheets');
      setRowFocusCount((count) => count + 1);
    };

    let stop: (() => void) | undefined;
    let unmounted = false;
    import('../reminders/background')
      .then((module) => {
        if (!unmounted) stop = module.startReminders({ onOpenRequest: open, onOverdueCount: setOverdueCount });
      })
      .catch((error: unknown) => console.error('Could not start reminders', error));
    return () => {
      unmounted = true;
      stop?.();
    };
  }, []);

  const loading = sheets === undefined || settings === undefined;

  return (
    <div className="app">
      <UpdateBanner />
      <header className="app-header">
        <span className="brand">Kindling</span>
        {sheets?.length ? (
          <nav aria-label="Main">
            <button
              type="button"
              aria-current={page === 'sheets' ? 'page' : undefined}
              onClick={() => setPage('sheets')}
            >
              Sheets
            </button>
            <button
              type="button"
              aria-current={page === 'dashboard' ? 'page' : undefined}
              onClick={() => setPage('dashboard')}
            >
              Dashboard
            </button>
            <button
              type="button"
              aria-current={page === 'templates' ? 'page' : undefined}
              onClick={() => setPage('templates')}
            >
              Templates
            </button>
            <RemindersNavButton
              current={page === 'reminders'}
              overdue={overdueCount}
              onClick={() => setPage('reminders')}
            />
            <button
              type="button"
              aria-current={page === 'settings' ? 'page' : undefined}
              onClick={() => setPage('settings')}
            >
              Settings
            </button>
          </nav>
        ) : null}
      </header>
      <NoticeList />
      <main className="app-main">
        {loading ? (
          <p className="loading">Opening your workbook…</p>
        ) : sheets.length === 0 ? (
          <TemplateChooser />
        ) : page === 'templates' ? (
          <TemplatesPage onTemplateUsed={() => setPage('sheets')} />
        ) : page === 'dashboard' ? (
          <Suspense fallback={<p className="loading">Opening the dashboard…</p>}>
            <DashboardPage sheets={sheets} settings={settings} onShowRows={() => setPage('sheets')} />
          </Suspense>
        ) : page === 'reminders' ? (
          <Suspense fallback={<p className="loading">Opening reminders…</p>}>
            <RemindersPage settings={settings} />
          </Suspense>
        ) : page === 'settings' ? (
          <Suspense fallback={<p className="loading">Opening settings…</p>}>
            <SettingsPage settings={settings} />
          </Suspense>
        ) : (
          <Workbook key={rowFocusCount} sheets={sheets} activeSheetId={activeSheetId} settings={settings} />
        )}
      </main>
      {importTarget && settings ? (
        <Suspense fallback={null}>
          <ImportDialog settings={settings} target={importTarget} onClose={closeImportDialog} />
        </Suspense>
      ) : null}
    </div>
  );
}
