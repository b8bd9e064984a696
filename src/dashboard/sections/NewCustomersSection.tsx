import { useDashboard } from '../components/DashboardContext';
import { Figure, MissingList } from '../components/Figure';
import { periodPhrase, plural } from '../format';
import { mixedCurrencyMessage } from '../metrics/money';
import type { CustomerGroup, NewCustomerMetrics } from '../metrics/newCustomers';

export function NewCustomersSection({ mix }: { mix: NewCustomerMetrics }) {
  const { format, period } = useDashboard();
  const money = (minor: number) => format.money(minor, mix.currency);
  const phrase = periodPhrase(period);

  const groupFigures = (group: CustomerGroup, name: string, firstBought: string) => (
    <>
      <Figure
        value={money(group.revenue)}
        label={`revenue from ${name} customers, ${phrase}`}
        detail={`${format.number(group.customers)} ${plural(group.customers, 'customer')} who first bought ${firstBought}`}
        target={group.target}
      />
      <Figure
        value={group.averageContribution === null ? '—' : money(group.averageContribution)}
        label={`average net contribution per ${name} customer`}
        detail={
          mix.costColumns.length > 0
            ? `${money(group.revenue)} revenue less ${money(group.cost)} cost`
            : 'revenue, with no cost column to subtract'
        }
        target={group.target}
      />
    </>
  );

  return (
    <section className="dashboard-section" aria-labelledby="dashboard-new-customers">
      <h2 id="dashboard-new-customers">New versus existing customers</h2>
      {mix.mixedCurrencies ? <p className="notice">{mixedCurrencyMessage(mix.mixedCurrencies)}</p> : null}
      {mix.missing.length === 0 && !mix.mixedCurrencies ? (
        mix.applicable ? (
          <>
            <div className="figures">
              {groupFigures(mix.newCustomers, 'new', 'in the period')}
              {groupFigures(mix.existingCustomers, 'existing', 'before the period')}
            </div>
            <p className="muted">
              A customer is new when their first dated purchase falls in the period.{' '}
              {mix.costColumns.length > 0
                ? `Net contribution is revenue less ${mix.costColumns.join(' and ')}.`
                : 'Add a currency column headed "Cost" to the sales sheet to subtract the cost of each sale.'}
            </p>
          </>
        ) : (
          <p className="muted">Choose a month, quarter or year: over all time every customer is new.</p>
        )
      ) : null}
      <MissingList messages={mix.missing} />
    </section>
  );
}
