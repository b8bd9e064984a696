import { periodPhrase, plural } from '../format';
import { RECENT_CONVERSATION_DAYS, type ConversationMetrics } from '../metrics/feedback';
import { DUE_SOON_DAYS, type TodayMetrics } from '../metrics/today';
import { useDashboard } from '../components/DashboardContext';
import { Figure, MissingList } from '../components/Figure';

interface Props {
  today: TodayMetrics;
  conversations: ConversationMetrics;
}

export function TodaySection({ today, conversations }: Props) {
  const { format, period } = useDashboard();
  const several = today.followUps.length > 1;

  return (
    <section className="dashboard-section" aria-labelledby="dashboard-today">
      <h2 id="dashboard-today">Today</h2>
      <div className="figures">
        {today.followUps.flatMap((sheet) => [
          <Figure
            key={`${sheet.sheetId}-overdue`}
            value={format.number(sheet.overdue.value)}
            label={`overdue ${plural(sheet.overdue.value, 'follow-up')}`}
            detail={`in ${sheet.sheetName}`}
            target={sheet.overdue.target}
          />,
          <Figure
            key={`${sheet.sheetId}-due`}
            value={format.number(sheet.dueSoon.value)}
            label={`${plural(sheet.dueSoon.value, 'follow-up')} due in the next ${DUE_SOON_DAYS} days`}
            detail={several ? `in ${sheet.sheetName}` : undefined}
            target={sheet.dueSoon.target}
          />,
        ])}
        {today.newCustomers.map((sheet) => (
          <Figure
            key={`${sheet.sheetId}-customers`}
            value={format.number(sheet.figure.value)}
            label={`new ${plural(sheet.figure.value, 'customer')}, ${periodPhrase(period)}`}
            detail={`in ${sheet.sheetName}`}
            target={sheet.figure.target}
          />
        ))}
        {today.newLeads.map((sheet) => (
          <Figure
            key={`${sheet.sheetId}-leads`}
            value={format.number(sheet.figure.value)}
            label={`new ${plural(sheet.figure.value, 'lead')}, ${periodPhrase(period)}`}
            detail={`in ${sheet.sheetName}`}
            target={sheet.figure.target}
          />
        ))}
        {conversations.sheets.map((sheet) => (
          <Figure
            key={`${sheet.sheetId}-conversations`}
            value={format.number(sheet.figure.value)}
            label={`${plural(sheet.figure.value, 'conversation')} logged in the last ${RECENT_CONVERSATION_DAYS} days`}
            detail={`in ${sheet.sheetName}`}
            target={sheet.figure.target}
          />
        ))}
      </div>
      <MissingList messages={[...today.missing, ...conversations.missing]} />
    </section>
  );
}
