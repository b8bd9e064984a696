import { ColumnChart } from '../components/Charts';
import { useDashboard } from '../components/DashboardContext';
import { Figure, MissingList } from '../components/Figure';
import { periodPhrase, plural } from '../format';
import { mixedCurrencyMessage } from '../metrics/money';
import type { RevenueMetrics } from '../metrics/revenue';

export function RevenueSection({ revenue }: { revenue: RevenueMetrics }) {
  const { format, period } = useDashboard();
  const money = (minor: number) => format.money(minor, revenue.currency);
  const sources = revenue.sourceNames.map((name) => `"${name}"`).join(' and ');
  const change =
    revenue.previousTotal !== null && revenue.previousTotal > 0
      ? (revenue.total.minor - revenue.previousTotal) / revenue.previousTotal
      : null;
  const months = revenue.months;
  const best = months.reduce<(typeof months)[number] | null>(
    (top, month) => (top === null || month.current > top.current ? month : top),
    null,
  );
  const firstMonth = months[0];
  const lastMonth = months.at(-1);

  return (
    <section className="dashboard-section" aria-labelledby="dashboard-revenue">
      <h2 id="dashboard-revenue">Revenue</h2>
      {revenue.mixedCurrencies ? <p className="notice">{mixedCurrencyMessage(revenue.mixedCurrencies)}</p> : null}
      {revenue.sourceNames.length > 0 && !revenue.mixedCurrencies ? (
        <>
          <p className="muted">
            {revenue.sourceKind === 'wonDeals'
              ? `From won deals in ${sources}, by close date.`
              : `From the sales in ${sources}.`}
          </p>
          <div className="figures">
            <Figure
              value={money(revenue.total.minor)}
              label={`revenue, ${periodPhrase(period)}`}
              target={revenue.total.target}
            />
            {revenue.previousTotal !== null ? (
              <Figure
                value={money(revenue.previousTotal)}
                label="same period last year"
                detail={
                  change === null ? undefined : `${change >= 0 ? 'up' : 'down'} ${format.percent(Math.abs(change))}`
                }
                target={revenue.previousTarget}
              />
            ) : null}
          </div>
          {firstMonth && lastMonth && best ? (
            <ColumnChart
              title={`Revenue by month, ${format.month(firstMonth.month, 'long')} to ${format.month(lastMonth.month, 'long')}, with the same months a year earlier`}
              summary={
                `Revenue by month from ${format.month(firstMonth.month, 'long')} to ${format.month(lastMonth.month, 'long')}: ` +
                `${money(months.reduce((total, month) => total + month.current, 0))} in all, against ` +
                `${money(months.reduce((total, month) => total + month.previous, 0))} in the same months a year earlier. ` +
                (best.current > 0
                  ? `The best month was ${format.month(best.month, 'long')} with ${money(best.current)}.`
                  : 'No month had any revenue.')
              }
              groupHeader="Month"
              series={[
                { name: 'Revenue', className: 'series-current' },
                { name: 'A year earlier', className: 'series-previous' },
              ]}
              groups={months.map((month) => ({
                key: month.month,
                label: format.month(month.month).split(' ')[0] ?? month.month,
                fullLabel: format.month(month.month, 'long'),
                values: [month.current, month.previous],
                target: month.target,
              }))}
              formatValue={money}
            />
          ) : null}
          {revenue.undated > 0 ? (
            <p className="muted">
              {revenue.undated} {plural(revenue.undated, 'sale has', 'sales have')} no date, so only the all-time total
              counts {plural(revenue.undated, 'it', 'them')}.
            </p>
          ) : null}
        </>
      ) : null}
      <MissingList messages={revenue.missing} />
    </section>
  );
}
