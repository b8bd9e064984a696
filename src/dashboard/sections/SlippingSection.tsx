import { useDashboard } from '../components/DashboardContext';
import { Figure, MissingList, RowsLink } from '../components/Figure';
import { plural } from '../format';
import { SLIPPING_AFTER_DAYS, type SlippingMetrics } from '../metrics/slipping';

/** Rows listed before the rest are left to the grid. */
const LISTED_CUSTOMERS = 20;

export function SlippingSection({ slipping }: { slipping: SlippingMetrics }) {
  const { format } = useDashboard();
  const several = slipping.sheets.length > 1;
  const listed = slipping.customers.slice(0, LISTED_CUSTOMERS);

  return (
    <section className="dashboard-section" aria-labelledby="dashboard-slipping">
      <h2 id="dashboard-slipping">Customers slipping away</h2>
      <div className="figures">
        {slipping.sheets.map((sheet) => (
          <Figure
            key={sheet.sheetId}
            value={format.number(sheet.slipping.value)}
            label={`not contacted for more than ${SLIPPING_AFTER_DAYS} days`}
            detail={
              `in ${sheet.sheetName}` +
              (sheet.withoutDate > 0
                ? `; ${sheet.withoutDate} ${plural(sheet.withoutDate, 'row')} never contacted`
                : '')
            }
            target={sheet.slipping.target}
          />
        ))}
      </div>
      {listed.length > 0 ? (
        <table className="dashboard-table">
          <caption className="visually-hidden">
            Customers not contacted for more than {SLIPPING_AFTER_DAYS} days, longest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Customer</th>
              {several ? <th scope="col">Sheet</th> : null}
              <th scope="col">Last contacted</th>
              <th scope="col" className="number">
                Days since
              </th>
            </tr>
          </thead>
          <tbody>
            {listed.map((customer) => (
              <tr key={`${customer.sheetId}-${customer.rowId}`}>
                <th scope="row">
                  <RowsLink target={customer.target}>{customer.name}</RowsLink>
                </th>
                {several ? (
                  <td>{slipping.sheets.find((sheet) => sheet.sheetId === customer.sheetId)?.sheetName}</td>
                ) : null}
                <td>{format.day(customer.lastContacted)}</td>
                <td className="number">{format.number(customer.daysSince)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : slipping.sheets.length > 0 ? (
        <p className="muted">
          No one with a last-contacted date has gone more than {SLIPPING_AFTER_DAYS} days without contact.
        </p>
      ) : null}
      {slipping.customers.length > listed.length ? (
        <p className="muted">
          {slipping.customers.length - listed.length} more are in the grid behind the figure above.
        </p>
      ) : null}
      <MissingList messages={slipping.missing} />
    </section>
  );
}
