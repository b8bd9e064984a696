import { useId, useState } from 'react';

import { useDashboard } from '../components/DashboardContext';
import { MissingList, RowsLink } from '../components/Figure';
import { plural } from '../format';
import { minorDigits } from '../../fields/currency';
import {
  customerLifetimeValue,
  estimateLifetimeValue,
  type LifetimeInputs,
  type LifetimeValueMetrics,
} from '../metrics/lifetimeValue';
import { mixedCurrencyMessage } from '../metrics/money';

/** Customers listed in the table, highest revenue first. */
const LISTED_CUSTOMERS = 50;

type InputKey = keyof LifetimeInputs;

/** Text in the override boxes. An empty box uses the value from the data. */
type Overrides = Record<InputKey, string>;

const NO_OVERRIDES: Overrides = { averageSale: '', purchasesPerYear: '', yearsRetained: '' };

/** Reads an override box as a number, or null when it is empty or not a number of zero or more. */
function readOverride(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

export function LifetimeValueSection({ lifetime }: { lifetime: LifetimeValueMetrics }) {
  const { format } = useDashboard();
  const [overrides, setOverrides] = useState<Overrides>(NO_OVERRIDES);
  const idPrefix = useId();
  const { currency, inputs } = lifetime;
  const digits = minorDigits(currency);

  // The average sale is typed in major units (20.50) and used in minor units (2050).
  const averageSaleOverride = readOverride(overrides.averageSale);
  const used: LifetimeInputs = {
    averageSale: averageSaleOverride === null ? inputs.averageSale : averageSaleOverride * 10 ** digits,
    purchasesPerYear: readOverride(overrides.purchasesPerYear) ?? inputs.purchasesPerYear,
    yearsRetained: readOverride(overrides.yearsRetained) ?? inputs.yearsRetained,
  };
  const estimate = estimateLifetimeValue(used);
  const listed = lifetime.customers.slice(0, LISTED_CUSTOMERS);

  const fromData: Record<InputKey, string> = {
    averageSale: inputs.averageSale === null ? 'no sales yet' : format.money(inputs.averageSale, currency),
    purchasesPerYear:
      inputs.purchasesPerYear === null ? 'no dated sales yet' : format.number(inputs.purchasesPerYear, 2),
    yearsRetained: inputs.yearsRetained === null ? 'no dated sales yet' : format.number(inputs.yearsRetained, 2),
  };
  const labels: Record<InputKey, string> = {
    averageSale: `Average sale value (${currency})`,
    purchasesPerYear: 'Purchases per customer per year',
    yearsRetained: 'Expected years retained',
  };
  const help: Record<InputKey, string> = {
    averageSale: 'The mean of every sale linked to a customer.',
    purchasesPerYear: "All customers' purchases divided by their years as customers, counting at least a month each.",
    yearsRetained:
      'The mean years from "Customer since" (or the first sale) to today, or to the last sale for a customer who left.',
  };

  return (
    <section className="dashboard-section" aria-labelledby="dashboard-lifetime">
      <h2 id="dashboard-lifetime">Customer lifetime value</h2>
      {lifetime.mixedCurrencies ? <p className="notice">{mixedCurrencyMessage(lifetime.mixedCurrencies)}</p> : null}
      {lifetime.missing.length === 0 && !lifetime.mixedCurrencies ? (
        <>
          <div className="figures">
            <div className="figure">
              <div className="figure-button">
                <span className="figure-value">{estimate === null ? '—' : format.money(estimate, currency)}</span>{' '}
                <span className="figure-label">estimated lifetime value of a customer</span>{' '}
                <span className="figure-detail">average sale value × purchases per year × years retained</span>
              </div>
            </div>
          </div>
          <fieldset className="lifetime-inputs">
            <legend>Inputs, taken from your data unless you type your own</legend>
            {(Object.keys(labels) as InputKey[]).map((key) => (
              <div key={key} className="lifetime-input">
                <label htmlFor={`${idPrefix}-${key}`}>{labels[key]}</label>
                <input
                  id={`${idPrefix}-${key}`}
                  type="number"
                  min="0"
                  step="any"
                  inputMode="decimal"
                  value={overrides[key]}
                  placeholder={fromData[key]}
                  aria-describedby={`${idPrefix}-${key}-help`}
                  onChange={(event) => setOverrides({ ...overrides, [key]: event.target.value })}
                />
                <span id={`${idPrefix}-${key}-help`} className="muted">
                  From your data: {fromData[key]}. {help[key]}
                </span>
              </div>
            ))}
            <button type="button" onClick={() => setOverrides(NO_OVERRIDES)} disabled={overrides === NO_OVERRIDES}>
              Use values from my data
            </button>
          </fieldset>
          {listed.length > 0 ? (
            <table className="dashboard-table">
              <caption className="visually-hidden">What each customer is worth, highest revenue first</caption>
              <thead>
                <tr>
                  <th scope="col">Customer</th>
                  <th scope="col" className="number">
                    Revenue to date
                  </th>
                  <th scope="col" className="number">
                    Purchases
                  </th>
                  <th scope="col" className="number">
                    Purchases a year
                  </th>
                  <th scope="col" className="number">
                    Years a customer
                  </th>
                  <th scope="col" className="number">
                    Estimated lifetime value
                  </th>
                </tr>
              </thead>
              <tbody>
                {listed.map((customer) => {
                  const value = customerLifetimeValue(customer, used.yearsRetained);
                  return (
                    <tr key={`${customer.sheetId}-${customer.rowId}`}>
                      <th scope="row">
                        <RowsLink target={customer.target}>{customer.name}</RowsLink>
                        {customer.former ? <span className="muted"> (left)</span> : null}
                      </th>
                      <td className="number">{format.money(customer.revenue, currency)}</td>
                      <td className="number">{format.number(customer.purchases)}</td>
                      <td className="number">
                        {customer.purchasesPerYear === null ? '—' : format.number(customer.purchasesPerYear, 1)}
                      </td>
                      <td className="number">
                        {customer.tenureYears === null ? '—' : format.number(customer.tenureYears, 1)}
                      </td>
                      <td className="number">{value === null ? '—' : format.money(value, currency)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p className="muted">No sale is linked to a customer yet.</p>
          )}
          <p className="muted">
            With every input from your data, the estimate is close to what a customer has spent so far on average,
            because customers who have not left are still adding to it. Type the years you expect customers to stay to
            look further ahead.
          </p>
          <p className="muted">
            A customer who left is worth what they spent. For the others: their average sale × their purchases a year ×
            the expected years retained, or their years so far when longer, and never less than they have spent.
          </p>
          {lifetime.customers.length > listed.length ? (
            <p className="muted">
              Showing the {listed.length} customers with the highest revenue of {lifetime.customers.length}.
            </p>
          ) : null}
          {lifetime.withoutSales > 0 ? (
            <p className="muted">
              {lifetime.withoutSales} {plural(lifetime.withoutSales, 'customer has', 'customers have')} no sale yet and{' '}
              {plural(lifetime.withoutSales, 'is', 'are')} left out.
            </p>
          ) : null}
          {lifetime.salesWithoutCustomer > 0 ? (
            <p className="muted">
              {lifetime.salesWithoutCustomer} {plural(lifetime.salesWithoutCustomer, 'sale links', 'sales link')} to no
              customer and {plural(lifetime.salesWithoutCustomer, 'is', 'are')} left out.
            </p>
          ) : null}
        </>
      ) : null}
      <MissingList messages={lifetime.missing} />
    </section>
  );
}
