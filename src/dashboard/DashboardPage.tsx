// The dashboard: a quick status view of the workbook, with every figure a
// way into the rows behind it. It is loaded on demand, with its metrics.

import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';

import { reportError } from '../app/notices';
import { listRows, type SheetRecord } from '../db';
import type { FieldContext } from '../fields/types';
import { DashboardContext, type DashboardTools } from './components/DashboardContext';
import { createFormatters, PERIOD_NAMES } from './format';
import { customPeriod, localDay, periodContaining } from './metrics/dates';
import { computeDashboard } from './metrics/index';
import type { PeriodKind, RowsTarget } from './metrics/types';
import { openRows } from './openRows';
import { ChurnSection } from './sections/ChurnSection';
import { FeedbackSection } from './sections/FeedbackSection';
import { LifetimeValueSection } from './sections/LifetimeValueSection';
import { NewCustomersSection } from './sections/NewCustomersSection';
import { PipelineSection } from './sections/PipelineSection';
import { RevenueSection } from './sections/RevenueSection';
import { SlippingSection } from './sections/SlippingSection';
import { TodaySection } from './sections/TodaySection';
import { TopCustomersSection } from './sections/TopCustomersSection';
import './dashboard.css';

interface Props {
  sheets: SheetRecord[];
  settings: FieldContext;
  /** Called once a figure's sheet is active and filtered, to show the sheets page. */
  onShowRows: () => void;
}

const PERIOD_KINDS = Object.keys(PERIOD_NAMES) as PeriodKind[];

export function DashboardPage({ sheets, settings, onShowRows }: Props) {
  const data = useLiveQuery(
    () => Promise.all(sheets.map(async (sheet) => ({ sheet, rows: await listRows(sheet.id) }))),
    [sheets],
  );
  const [period, setPeriod] = useState<PeriodKind>('month');
  const today = localDay(new Date());
  const [customStart, setCustomStart] = useState(`${today.slice(0, 4)}-01-01`);
  const [customEnd, setCustomEnd] = useState(today);
  const chosenCustom = period === 'custom' ? customPeriod(customStart, customEnd) : null;
  const span =
    period === 'custom' ? (chosenCustom ?? periodContaining('custom', today)) : periodContaining(period, today);

  const metrics = useMemo(
    () => data && computeDashboard({ sheets: data, today, period: span, currency: settings.currency }),
    // span is rebuilt on each render, so its parts are the dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, today, period, span.start, span.end, settings.currency],
  );
  const format = useMemo(() => createFormatters(settings.locale), [settings.locale]);
  const open = useCallback(
    (target: RowsTarget) => {
      openRows(target).then(onShowRows, (error: unknown) =>
        reportError('Could not open the rows behind this figure.', error),
      );
    },
    [onShowRows],
  );
  const tools = useMemo<DashboardTools>(() => ({ format, period, open }), [format, period, open]);

  return (
    <div className="dashboard">
      <div className="dashboard-header">
        <h1>Dashboard</h1>
        <label className="inline-field">
          Period
          <select value={period} onChange={(event) => setPeriod(event.target.value as PeriodKind)}>
            {PERIOD_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {PERIOD_NAMES[kind]}
              </option>
            ))}
          </select>
        </label>
        {period === 'custom' ? (
          <>
            <label className="inline-field">
              From
              <input type="date" value={customStart} onChange={(event) => setCustomStart(event.target.value)} />
            </label>
            <label className="inline-field">
              To
              <input type="date" value={customEnd} onChange={(event) => setCustomEnd(event.target.value)} />
            </label>
          </>
        ) : null}
      </div>
      {period === 'custom' && !chosenCustom ? (
        <p role="alert" className="notice notice-error">
          Choose a first day on or before the last day; until then the figures cover this year so far.
        </p>
      ) : null}
      <p className="muted">
        As of {format.day(today)}. Select a figure to open the rows behind it in its sheet; that sheet&rsquo;s default
        view gets the figure&rsquo;s filters.
      </p>
      {metrics ? (
        <DashboardContext.Provider value={tools}>
          <TodaySection today={metrics.today} conversations={metrics.conversations} />
          <PipelineSection pipeline={metrics.pipeline} />
          <RevenueSection revenue={metrics.revenue} />
          <SlippingSection slipping={metrics.slipping} />
          <LifetimeValueSection lifetime={metrics.lifetimeValue} />
          <TopCustomersSection pareto={metrics.pareto} />
          <NewCustomersSection mix={metrics.newCustomers} />
          <ChurnSection churn={metrics.churn} />
          <FeedbackSection feedback={metrics.feedback} />
        </DashboardContext.Provider>
      ) : (
        <p className="loading">Reading your sheets…</p>
      )}
    </div>
  );
}
