import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';

import { getActiveSheetId, getWorkbookSettings, listSheets, setActiveSheetId } from '../db';
import { setRowChangeHook } from '../db/rowChangeHook';
import { loadDateLocale } from '../fields/dateLocale';
import type { OpenRequest } from '../reminders/navigation';
import { TemplateChooser, TemplatesPage } from '../templates/TemplateChooser';
import { AppNav } from './AppNav';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { Workbook } from './Workbook';
import { ErrorBoundary } from './ErrorBoundary';
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
const PipelinePage = lazy(() =>
  import('../pipeline/PipelinePage').then((module) => ({ default: module.PipelinePage })),
);
const CustomerPanel = lazy(() =>
  import('../contacts/CustomerPanel').then((module) => ({ default: module.CustomerPanel })),
);
const QuickAddDialog = lazy(() =>
  import('../contacts/QuickAddDialog').then((module) => ({ default: module.QuickAddDialog })),
);
const ShortcutsDialog = lazy(() =>
  import('../shortcuts/ShortcutsDialog').then((module) => ({ default: module.ShortcutsDialog })),
);
const RulePrompts = lazy(() => import('../rules/RulePrompts').then((module) => ({ default: module.RulePrompts })));
const SearchPalette = lazy(() =>
  import('../search/SearchPalette').then((module) => ({ default: module.SearchPalette })),
);

export type Page = 'sheets' | 'dashboard' | 'templates' | 'settings' | 'reminders' | 'pipeline';

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
  const [searchOpen, setSearchOpen] = useState(false);
  const [customer, setCustomer] = useState<{ sheetId: string; rowId: string } | null>(null);
  // The grid cell the customer panel was opened from, focused again when it closes.
  const panelOpener = useRef<HTMLElement | null>(null);
  const [quickAddOpen, setQuickAddOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);

  useGlobalShortcuts({
    onQuickAdd: () => setQuickAddOpen(true),
    onShowShortcuts: () => setShortcutsOpen(true),
    onSearch: () => setSearchOpen(true),
  });

  const openCustomer = (sheetId: string, rowId: string) => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest('[role="grid"], [role="treegrid"]'))
      panelOpener.current = active;
    setCustomer({ sheetId, rowId });
  };

  const closeCustomer = () => {
    const rowId = customer?.rowId;
    setCustomer(null);
    // A cell AG Grid drew again since has a new element, so fall back to the row's first cell.
    const opener = panelOpener.current;
    panelOpener.current = null;
    const target =
      opener?.isConnected === true
        ? opener
        : rowId
          ? document.querySelector<HTMLElement>(`[row-id="${CSS.escape(rowId)}"] [role="gridcell"]`)
          : null;
    target?.focus();
  };

  // Stable across renders (it only calls state setters), so the reminders effect below can keep it.
  const openRow = useCallback((sheetId: string, rowId: string) => {
    requestRowFocus(sheetId, rowId);
    setActiveSheetId(sheetId).catch((error: unknown) => reportError('Could not open the row.', error));
    setPage('sheets');
    setRowFocusCount((count) => count + 1);
  }, []);

  // Reminders fire from a scheduler loaded after the first render, so it adds nothing to the first load.
  useEffect(() => {
    // A reminder or a notification click opens its row, or the Reminders page.
    const open = (request: OpenRequest) => {
      if (request.kind === 'reminders') setPage('reminders');
      else openRow(request.sheetId, request.rowId);
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
  }, [openRow]);

  // Automation rules load after the first render: row writes load the engine through this hook before they run.
  useEffect(() => {
    setRowChangeHook(() => import('../rules/background').then((module) => module.ruleHook));
    let stop: (() => void) | undefined;
    let unmounted = false;
    import('../rules/background')
      .then((module) => {
        if (!unmounted) stop = module.startDateRuleClock();
      })
      .catch((error: unknown) => console.error('Could not start automation rules', error));
    return () => {
      unmounted = true;
      stop?.();
    };
  }, []);

  // The old-backup notice is checked after the first render, so it adds nothing to the first load.
  useEffect(() => {
    import('../backup/ageReminder')
      .then((module) => module.checkBackupAge(() => setPage('settings')))
      .catch((error: unknown) => console.error('Could not check the age of the last backup', error));
  }, []);

  const loading = sheets === undefined || settings === undefined;

  return (
    <div className={customer ? 'app with-customer-panel' : 'app'}>
      <UpdateBanner />
      <header className="app-header">
        <span className="brand">Kindling</span>
        {sheets?.length && settings ? (
          <AppNav
            page={page}
            onNavigate={setPage}
            overdueCount={overdueCount}
            sheets={sheets}
            activeSheetId={activeSheetId}
            settings={settings}
          />
        ) : null}
        {sheets?.length ? (
          <button
            type="button"
            className="search-everything"
            title="Search everything (Ctrl+K)"
            onClick={() => setSearchOpen(true)}
          >
            Search everything
          </button>
        ) : null}
      </header>
      <NoticeList />
      <main className="app-main">
        {loading ? (
          <p className="loading">Opening your workbook…</p>
        ) : sheets.length === 0 ? (
          <TemplateChooser />
        ) : page === 'templates' ? (
          <ErrorBoundary key="templates" area="the templates">
            <TemplatesPage onTemplateUsed={() => setPage('sheets')} />
          </ErrorBoundary>
        ) : page === 'dashboard' ? (
          <ErrorBoundary key="dashboard" area="the dashboard">
            <Suspense fallback={<p className="loading">Opening the dashboard…</p>}>
              <DashboardPage sheets={sheets} settings={settings} onShowRows={() => setPage('sheets')} />
            </Suspense>
          </ErrorBoundary>
        ) : page === 'reminders' ? (
          <ErrorBoundary key="reminders" area="the reminders">
            <Suspense fallback={<p className="loading">Opening reminders…</p>}>
              <RemindersPage settings={settings} />
            </Suspense>
          </ErrorBoundary>
        ) : page === 'pipeline' ? (
          <ErrorBoundary key="pipeline" area="the pipeline">
            <Suspense fallback={<p className="loading">Opening the pipeline…</p>}>
              <PipelinePage sheets={sheets} settings={settings} onShowSheets={() => setPage('sheets')} />
            </Suspense>
          </ErrorBoundary>
        ) : page === 'settings' ? (
          <ErrorBoundary key="settings" area="the settings">
            <Suspense fallback={<p className="loading">Opening settings…</p>}>
              <SettingsPage settings={settings} />
            </Suspense>
          </ErrorBoundary>
        ) : (
          <Workbook
            key={rowFocusCount}
            sheets={sheets}
            activeSheetId={activeSheetId}
            settings={settings}
            onOpenCustomer={openCustomer}
            onQuickAdd={() => setQuickAddOpen(true)}
          />
        )}
      </main>
      {searchOpen && settings ? (
        <Suspense fallback={null}>
          <SearchPalette
            settings={settings}
            onOpenRow={(sheetId, rowId) => {
              // A match opens in the grid with its customer panel beside it.
              openRow(sheetId, rowId);
              setCustomer({ sheetId, rowId });
            }}
            onClose={() => setSearchOpen(false)}
          />
        </Suspense>
      ) : null}
      {customer && settings ? (
        <Suspense fallback={null}>
          <CustomerPanel
            key={`${customer.sheetId}-${customer.rowId}`}
            sheetId={customer.sheetId}
            rowId={customer.rowId}
            settings={settings}
            onClose={closeCustomer}
            onOpenRow={(sheetId, rowId) => setCustomer({ sheetId, rowId })}
            onShowInSheet={openRow}
          />
        </Suspense>
      ) : null}
      {quickAddOpen && settings && sheets?.length ? (
        <Suspense fallback={null}>
          <QuickAddDialog
            sheet={sheets.find((sheet) => sheet.id === activeSheetId) ?? sheets[0]!}
            settings={settings}
            onClose={() => setQuickAddOpen(false)}
            onSaved={(sheetId, rowId) => {
              setQuickAddOpen(false);
              openRow(sheetId, rowId);
            }}
            onOpenExisting={(sheetId, rowId) => {
              setQuickAddOpen(false);
              openRow(sheetId, rowId);
              setCustomer({ sheetId, rowId });
            }}
          />
        </Suspense>
      ) : null}
      {shortcutsOpen ? (
        <Suspense fallback={null}>
          <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />
        </Suspense>
      ) : null}
      {importTarget && settings ? (
        <Suspense fallback={null}>
          <ImportDialog settings={settings} target={importTarget} onClose={closeImportDialog} />
        </Suspense>
      ) : null}
      {sheets?.length && settings ? (
        <Suspense fallback={null}>
          <RulePrompts settings={settings} />
        </Suspense>
      ) : null}
    </div>
  );
}
