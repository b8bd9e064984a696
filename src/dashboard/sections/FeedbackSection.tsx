import { ColumnChart } from '../components/Charts';
import { useDashboard } from '../components/DashboardContext';
import { Figure, MissingList } from '../components/Figure';
import { periodPhrase, plural } from '../format';
import type { FeedbackMetrics, FeedbackSheet } from '../metrics/feedback';

function FeedbackSheetView({ feedback, showName }: { feedback: FeedbackSheet; showName: boolean }) {
  const { format, period } = useDashboard();
  const months = feedback.months;
  const firstMonth = months[0];
  const lastMonth = months.at(-1);
  const total = (kind: 'complaints' | 'compliments') => months.reduce((sum, month) => sum + month[kind].value, 0);

  return (
    <div className="feedback-sheet">
      {showName ? <h3>{feedback.sheetName}</h3> : null}
      <div className="figures">
        <Figure
          value={format.number(feedback.complaints.value)}
          label={`${plural(feedback.complaints.value, 'complaint')}, ${periodPhrase(period)}`}
          detail={`in ${feedback.sheetName}`}
          target={feedback.complaints.target}
        />
        <Figure
          value={format.number(feedback.compliments.value)}
          label={`${plural(feedback.compliments.value, 'compliment')}, ${periodPhrase(period)}`}
          detail={`in ${feedback.sheetName}`}
          target={feedback.compliments.target}
        />
      </div>
      {firstMonth && lastMonth ? (
        <ColumnChart
          title={`Complaints and compliments by month, ${format.month(firstMonth.month, 'long')} to ${format.month(lastMonth.month, 'long')}`}
          summary={
            `Complaints and compliments by month from ${format.month(firstMonth.month, 'long')} to ` +
            `${format.month(lastMonth.month, 'long')}: ${total('complaints')} ${plural(total('complaints'), 'complaint')} ` +
            `and ${total('compliments')} ${plural(total('compliments'), 'compliment')}.`
          }
          groupHeader="Month"
          series={[
            { name: 'Complaints', className: 'series-complaints' },
            { name: 'Compliments', className: 'series-compliments' },
          ]}
          groups={months.map((month) => ({
            key: month.month,
            label: format.month(month.month).split(' ')[0] ?? month.month,
            fullLabel: format.month(month.month, 'long'),
            values: [month.complaints.value, month.compliments.value],
            target: month.complaints.target ?? month.compliments.target,
          }))}
          formatValue={(value) => format.number(value)}
        />
      ) : null}
      <p className="muted">
        From the &ldquo;{feedback.typeColumn}&rdquo; column of {feedback.sheetName}. {feedback.dateRule}
      </p>
    </div>
  );
}

export function FeedbackSection({ feedback }: { feedback: FeedbackMetrics }) {
  return (
    <section className="dashboard-section" aria-labelledby="dashboard-feedback">
      <h2 id="dashboard-feedback">Complaints and compliments</h2>
      {feedback.sheets.map((sheet) => (
        <FeedbackSheetView key={sheet.sheetId} feedback={sheet} showName={feedback.sheets.length > 1} />
      ))}
      <MissingList messages={feedback.missing} />
    </section>
  );
}
