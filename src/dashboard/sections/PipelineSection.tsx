import { BarChart } from '../components/Charts';
import { useDashboard } from '../components/DashboardContext';
import { Figure, MissingList, MoneyFigure } from '../components/Figure';
import { periodPhrase, plural } from '../format';
import type { PipelineMetrics, PipelineSheet } from '../metrics/pipeline';

function PipelineSheetView({ pipeline, showName }: { pipeline: PipelineSheet; showName: boolean }) {
  const { format, period } = useDashboard();
  const currency = pipeline.openValue?.ok ? pipeline.openValue.currency : null;
  const stageMinor = (stage: PipelineSheet['stages'][number]) => (stage.value?.ok ? stage.value.minor : 0);
  const stagesAreMoney = pipeline.stages.every((stage) => stage.value?.ok);
  const closedScope = pipeline.closedInPeriodOnly ? periodPhrase(period) : 'all closed deals';

  return (
    <div className="pipeline-sheet">
      {showName ? <h3>{pipeline.sheetName}</h3> : null}
      <div className="figures">
        <Figure
          value={format.number(pipeline.open.value)}
          label={`open ${plural(pipeline.open.value, 'deal')}`}
          detail={`in ${pipeline.sheetName}`}
          target={pipeline.open.target}
        />
        {pipeline.openValue ? (
          <MoneyFigure total={pipeline.openValue} label="open pipeline value" target={pipeline.open.target} />
        ) : null}
        {pipeline.weightedValue ? (
          <MoneyFigure
            total={pipeline.weightedValue}
            label="weighted by win probability"
            detail={
              pipeline.withoutProbability > 0
                ? `${pipeline.withoutProbability} ${plural(pipeline.withoutProbability, 'deal')} without a probability left out`
                : undefined
            }
            target={pipeline.open.target}
          />
        ) : null}
        {pipeline.won ? (
          <Figure
            value={format.number(pipeline.won.value)}
            label={`${plural(pipeline.won.value, 'deal')} won`}
            detail={closedScope}
            target={pipeline.won.target}
          />
        ) : null}
        {pipeline.lost ? (
          <Figure
            value={format.number(pipeline.lost.value)}
            label={`${plural(pipeline.lost.value, 'deal')} lost`}
            detail={closedScope}
            target={pipeline.lost.target}
          />
        ) : null}
        {pipeline.closing ? (
          <Figure
            value={pipeline.winRate === null ? '—' : format.percent(pipeline.winRate)}
            label="win rate"
            detail={pipeline.winRate === null ? 'no deal won or lost yet' : 'won ÷ (won + lost)'}
            target={pipeline.closed?.target ?? null}
          />
        ) : null}
        {pipeline.averageWon ? (
          <MoneyFigure total={pipeline.averageWon} label="average won deal" target={pipeline.won?.target ?? null} />
        ) : null}
        {pipeline.averageDaysToClose ? (
          <Figure
            value={format.number(pipeline.averageDaysToClose.days, 1)}
            label="days to close, on average"
            detail={`over ${pipeline.averageDaysToClose.deals} won ${plural(pipeline.averageDaysToClose.deals, 'deal')}`}
            target={pipeline.won?.target ?? null}
          />
        ) : null}
      </div>
      {!pipeline.closedInPeriodOnly ? (
        <p className="muted">
          &ldquo;{pipeline.sheetName}&rdquo; has no close-date column, so won, lost and the win rate count every closed
          deal whatever the period.
        </p>
      ) : null}
      {pipeline.stages.length > 0 ? (
        <BarChart
          title={`Open deals by stage in ${pipeline.sheetName}`}
          summary={`Open pipeline by stage in ${pipeline.sheetName}: ${pipeline.stages
            .map((stage) => {
              const deals = `${stage.deals.value} ${plural(stage.deals.value, 'deal')}`;
              return stage.value?.ok
                ? `${stage.label}, ${format.moneyTotal(stage.value)} in ${deals}`
                : `${stage.label}, ${deals}`;
            })
            .join('; ')}.`}
          groupHeader="Stage"
          series={[{ name: stagesAreMoney ? 'Value' : 'Deals', className: 'series-current' }]}
          groups={pipeline.stages.map((stage) => ({
            key: stage.label,
            label: stage.label,
            fullLabel: `${stage.label}, ${stage.deals.value} ${plural(stage.deals.value, 'deal')}`,
            values: [stagesAreMoney ? stageMinor(stage) : stage.deals.value],
            target: stage.deals.target,
          }))}
          formatValue={(value) => (stagesAreMoney && currency ? format.money(value, currency) : format.number(value))}
        />
      ) : null}
      <MissingList messages={pipeline.missing} />
    </div>
  );
}

export function PipelineSection({ pipeline }: { pipeline: PipelineMetrics }) {
  return (
    <section className="dashboard-section" aria-labelledby="dashboard-pipeline">
      <h2 id="dashboard-pipeline">Pipeline</h2>
      {pipeline.sheets.map((sheet) => (
        <PipelineSheetView key={sheet.sheetId} pipeline={sheet} showName={pipeline.sheets.length > 1} />
      ))}
      <MissingList messages={pipeline.missing} />
    </section>
  );
}
