// The main navigation: the pages, the Reminders badge and the Segments menu.

import { lazy, Suspense } from 'react';

import type { SheetRecord } from '../db';
import type { FieldContext } from '../fields/types';
import { RemindersNavButton } from '../reminders/RemindersNavButton';
import type { Page } from './App';

const SegmentsNavMenu = lazy(() =>
  import('../segments/SegmentsNavMenu').then((module) => ({ default: module.SegmentsNavMenu })),
);

interface Props {
  page: Page;
  onNavigate: (page: Page) => void;
  overdueCount: number;
  sheets: SheetRecord[];
  activeSheetId: string | undefined;
  settings: FieldContext;
}

const PAGES_BEFORE_REMINDERS: [Page, string][] = [
  ['sheets', 'Sheets'],
  ['dashboard', 'Dashboard'],
  ['pipeline', 'Pipeline'],
  ['templates', 'Templates'],
];

export function AppNav({ page, onNavigate, overdueCount, sheets, activeSheetId, settings }: Props) {
  const pageButton = ([target, label]: [Page, string]) => (
    <button
      key={target}
      type="button"
      aria-current={page === target ? 'page' : undefined}
      onClick={() => onNavigate(target)}
    >
      {label}
    </button>
  );

  return (
    <nav aria-label="Main">
      {PAGES_BEFORE_REMINDERS.map(pageButton)}
      <RemindersNavButton
        current={page === 'reminders'}
        overdue={overdueCount}
        onClick={() => onNavigate('reminders')}
      />
      <Suspense fallback={null}>
        <SegmentsNavMenu
          sheets={sheets}
          activeSheetId={activeSheetId}
          settings={settings}
          onOpen={() => onNavigate('sheets')}
        />
      </Suspense>
      {pageButton(['settings', 'Settings'])}
    </nav>
  );
}
