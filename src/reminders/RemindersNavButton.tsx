import './navBadge.css';

interface Props {
  current: boolean;
  /** Number of overdue reminders, shown as a badge when above zero. */
  overdue: number;
  onClick: () => void;
}

/**
 * The "Reminders" button of the main navigation with its overdue badge. The
 * count comes from ./background, which loads after the first render, so the
 * first load carries no reminder queries.
 */
export function RemindersNavButton({ current, overdue, onClick }: Props) {
  return (
    <button type="button" aria-current={current ? 'page' : undefined} onClick={onClick}>
      Reminders
      {overdue > 0 ? (
        <>
          {' '}
          <span className="nav-badge">{overdue}</span>
          <span className="visually-hidden"> overdue</span>
        </>
      ) : null}
    </button>
  );
}
