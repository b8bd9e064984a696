import { useDashboard } from '../components/DashboardContext';
import { Figure, MissingList, RowsLink } from '../components/Figure';
import { periodPhrase, plural } from '../format';
import { mixedCurrencyMessage } from '../metrics/money';
import { TOP_CUSTOMER_PERCENT, type ParetoMetrics } from '../metrics/pareto';

export function TopCustomersSection({ pareto }: { pareto: ParetoMetrics }) {
  const { format, period } = useDashboard();
  const money = (minor: number) => format.money(minor, pareto.currency);

  return (
    <section className="dashboard-section" aria-labelledby="dashboard-top">
      <h2 id="dashboard-top">Top customers</h2>
      {pareto.mixedCurrencies ? <p className="notice">{mixedCurrencyMessage(pareto.mixedCurrencies)}</p> : null}
      {pareto.missing.length === 0 && !pareto.mixedCurrencies ? (
        pareto.share === null ? (
          <p className="muted">
            No customer bought anything {periodPhrase(period) === 'all time' ? 'yet' : periodPhrase(period)}.
          </p>
        ) : (
          <>
            <div className="figures">
              <Figure
                value={format.percent(pareto.share)}
                label={`of revenue, ${periodPhrase(period)}, comes from the top ${TOP_CUSTOMER_PERCENT}% of customers`}
                detail={`${pareto.top.length} of ${pareto.customerCount} ${plural(pareto.customerCount, 'customer')}: ${money(pareto.topRevenue)} of ${money(pareto.totalRevenue)}`}
                target={null}
              />
            </div>
            <table className="dashboard-table">
              <caption className="visually-hidden">Top customers by revenue, {periodPhrase(period)}</caption>
              <thead>
                <tr>
                  <th scope="col">Customer</th>
                  <th scope="col" className="number">
                    Revenue
                  </th>
                  <th scope="col" className="number">
                    Share
                  </th>
                </tr>
              </thead>
              <tbody>
                {pareto.top.map((customer) => (
                  <tr key={`${customer.sheetId}-${customer.rowId}`}>
                    <th scope="row">
                      <RowsLink target={customer.target}>{customer.name}</RowsLink>
                    </th>
                    <td className="number">{money(customer.revenue)}</td>
                    <td className="number">{format.percent(customer.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )
      ) : null}
      <MissingList messages={pareto.missing} />
    </section>
  );
}
