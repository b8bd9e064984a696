import { ColumnChart } from '../components/Charts';
import { useDashboard } from '../components/DashboardContext';
import { Figure, MissingList, RowsLink } from '../components/Figure';
import { periodPhrase, plural } from '../format';
import type { ChurnMetrics, ChurnSheet } from '../metrics/churn';

function ChurnSheetView({ churn, showName }: { churn: ChurnSheet; showName: boolean }) {
  const { format, period } = useDashboard();
  const quarters = churn.quarters;

  return (
    <div className="churn-sheet">
      {showName ? <h3>{churn.sheetName}</h3> : null}
      <div className="figures">
        <Figure
          value={format.number(churn.churned.value)}
          label={`${plural(churn.churned.value, 'customer')} left, ${periodPhrase(period)}`}
          detail={`in ${churn.sheetName}`}
          target={churn.churned.target}
        />
        <Figure
          value={churn.rate === null ? '—' : format.percent(churn.rate)}
          label="churn rate"
          detail={
            period === 'all'
              ? `former customers of all ${churn.customersAtStart}`
              : `of the ${churn.customersAtStart} ${plural(churn.customersAtStart, 'customer')} at the start of the period`
          }
          target={churn.churned.target}
        />
      </div>
      <ColumnChart
        title="Customers who left, per quarter"
        summary={`Customers who left per quarter: ${quarters
          .map(
            (quarter) =>
              `${quarter.label} ${quarter.churned.value}` +
              (quarter.rate === null ? '' : ` (${format.percent(quarter.rate)})`),
          )
          .join(', ')}.`}
        groupHeader="Quarter"
        series={[{ name: 'Customers who left', className: 'series-churn' }]}
        groups={quarters.map((quarter) => ({
          key: quarter.label,
          label: quarter.label,
          fullLabel:
            `${quarter.label}, churn rate ` +
            (quarter.rate === null ? 'not known' : `${format.percent(quarter.rate)} of ${quarter.customersAtStart}`),
          values: [quarter.churned.value],
          target: quarter.churned.target,
        }))}
        formatValue={(value) => format.number(value)}
      />
      {quarters.every((quarter) => quarter.churned.value === 0) ? (
        <p className="muted">No customer left in these {quarters.length} quarters.</p>
      ) : null}
      {churn.reasons && churn.reasons.length > 0 ? (
        <>
          <h3>Why customers left, {periodPhrase(period)}</h3>
          <ul className="reason-list">
            {churn.reasons.map((reason) => (
              <li key={reason.label}>
                <RowsLink target={reason.customers.target}>
                  {reason.label}: {format.number(reason.customers.value)}
                </RowsLink>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="muted">{churn.churnDateRule}</p>
      <MissingList messages={churn.missing} />
    </div>
  );
}

export function ChurnSection({ churn }: { churn: ChurnMetrics }) {
  return (
    <section className="dashboard-section" aria-labelledby="dashboard-churn">
      <h2 id="dashboard-churn">Churn</h2>
      {churn.sheets.map((sheet) => (
        <ChurnSheetView key={sheet.sheetId} churn={sheet} showName={churn.sheets.length > 1} />
      ))}
      <MissingList messages={churn.missing} />
    </section>
  );
}
