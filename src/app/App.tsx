import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useState } from 'react';

import { getActiveSheetId, getWorkbookSettings, listSheets } from '../db';
import { loadDateLocale } from '../fields/dateLocale';
import { TemplateChooser, TemplatesPage } from '../templates/TemplateChooser';
import { Workbook } from './Workbook';
import { NoticeList } from './NoticeList';
import { UpdateBanner } from './UpdateBanner';
import { closeImportDialog, useImportRequest } from './importRequest';

const SettingsPage = lazy(() =>
  import('../settings/SettingsPage').then((module) => ({ default: module.SettingsPage })),
);
const ImportDialog = lazy(() => import('../import/ImportDialog').then((module) => ({ default: module.ImportDialog })));

export type Page = 'sheets' | 'templates' | 'settings';

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
              aria-current={page === 'templates' ? 'page' : undefined}
              onClick={() => setPage('templates')}
            >
              Templates
            </button>
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
        ) : page === 'settings' ? (
          <Suspense fallback={<p className="loading">Opening settings…</p>}>
            <SettingsPage settings={settings} />
          </Suspense>
        ) : (
          <Workbook sheets={sheets} activeSheetId={activeSheetId} settings={settings} />
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
