import type { ReactNode } from 'react';

import type { MoneyTotal, RowsTarget } from '../metrics/types';
import { useDashboard } from './DashboardContext';

interface Props {
  /** The number as shown, already formatted. */
  value: string;
  label: ReactNode;
  /** Rows a click opens. Without a target the figure is plain text. */
  target: RowsTarget | null;
  /** A smaller line under the label, such as the sheet the rows are on. */
  detail?: ReactNode;
}

/** Shows a large number with its label, as a button that opens the rows behind it. */
export function Figure({ value, label, target, detail }: Props) {
  const { open } = useDashboard();
  // The spaces separate the parts in the button's accessible name, and a flex container does not render them.
  const content = (
    <>
      <span className="figure-value">{value}</span> <span className="figure-label">{label}</span>
      {detail ? (
        <>
          {' '}
          <span className="figure-detail">{detail}</span>
        </>
      ) : null}
    </>
  );

  return (
    <div className="figure">
      {target ? (
        <button type="button" className="figure-button" onClick={() => open(target)}>
          {content}
        </button>
      ) : (
        <div className="figure-button">{content}</div>
      )}
      {target?.approximation ? <p className="figure-note">{target.approximation}</p> : null}
    </div>
  );
}

/** Renders a button that opens one row, or the rows behind a number in a table or list. */
export function RowsLink({ target, children }: { target: RowsTarget | null; children: ReactNode }) {
  const { open } = useDashboard();
  if (!target) return <>{children}</>;
  return (
    <button type="button" className="link-button" title={target.approximation} onClick={() => open(target)}>
      {children}
    </button>
  );
}

/** Lists the sentences that name the column to add for each figure that cannot be shown. */
export function MissingList({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="missing">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/** Shows a money figure, or a dash and the reason when its amounts are in several currencies. */
export function MoneyFigure({
  total,
  label,
  target,
  detail,
}: {
  total: MoneyTotal;
  label: ReactNode;
  target: RowsTarget | null;
  detail?: ReactNode;
}) {
  const { format } = useDashboard();
  if (total.ok) return <Figure value={format.moneyTotal(total)} label={label} target={target} detail={detail} />;
  return <Figure value="—" label={label} target={target} detail={format.moneyTotal(total)} />;
}
