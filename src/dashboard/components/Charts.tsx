// Hand-made SVG charts. Each SVG is one image with a text alternative
// (role="img" and aria-label), and a table of the same numbers follows it.
// The table is visually hidden until a link in it gets keyboard focus, so
// keyboard and screen reader users can open the rows behind each bar.

import type { RowsTarget } from '../metrics/types';
import { useDashboard } from './DashboardContext';
import { RowsLink } from './Figure';

export interface ChartSeries {
  name: string;
  /** CSS class that colours the series' bars and legend swatch. */
  className: string;
}

export interface ChartGroup {
  key: string;
  /** Label under or beside the bars, kept short. */
  label: string;
  /** Label in the table and the tooltip. */
  fullLabel: string;
  /** One value per series. */
  values: number[];
  target: RowsTarget | null;
}

interface ChartProps {
  /** Chart title, also used as the table caption. */
  title: string;
  /** The text alternative of the image: what a reader should take from it. */
  summary: string;
  /** Header of the table's first column, such as 'Month'. */
  groupHeader: string;
  series: ChartSeries[];
  groups: ChartGroup[];
  formatValue: (value: number) => string;
}

const WIDTH = 640;

function maxValue(groups: ChartGroup[]): number {
  const max = Math.max(0, ...groups.flatMap((group) => group.values));
  return max > 0 ? max : 1;
}

function NumbersTable({ title, groupHeader, series, groups, formatValue }: Omit<ChartProps, 'summary'>) {
  return (
    <div className="visually-hidden-focusable">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{groupHeader}</th>
            {series.map((each) => (
              <th key={each.name} scope="col">
                {each.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.key}>
              <th scope="row">
                <RowsLink target={group.target}>{group.fullLabel}</RowsLink>
              </th>
              {group.values.map((value, index) => (
                <td key={series[index]?.name ?? index}>{formatValue(value)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Legend({ series }: { series: ChartSeries[] }) {
  if (series.length < 2) return null;
  return (
    <ul className="chart-legend" aria-hidden="true">
      {series.map((each) => (
        <li key={each.name}>
          <span className={`chart-swatch ${each.className}`} />
          {each.name}
        </li>
      ))}
    </ul>
  );
}

/** Vertical bars side by side per group, such as this year's and last year's revenue per month. */
export function ColumnChart(props: ChartProps) {
  const { open } = useDashboard();
  const { summary, series, groups, formatValue } = props;
  const height = 180;
  const labelHeight = 22;
  const plotHeight = height - labelHeight - 4;
  const groupWidth = WIDTH / Math.max(1, groups.length);
  const barWidth = (groupWidth * 0.7) / Math.max(1, series.length);
  const max = maxValue(groups);

  return (
    <figure className="chart">
      <Legend series={series} />
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} className="chart-svg">
        {groups.map((group, groupIndex) => {
          const x = groupIndex * groupWidth;
          const tooltip = `${group.fullLabel}: ${group.values
            .map((value, index) => `${series[index]?.name ?? ''} ${formatValue(value)}`)
            .join(', ')}`;
          return (
            <g
              key={group.key}
              className={group.target ? 'chart-group chart-clickable' : 'chart-group'}
              onClick={group.target ? () => open(group.target!) : undefined}
            >
              <title>{tooltip}</title>
              <rect x={x} y={0} width={groupWidth} height={plotHeight} className="chart-hit" />
              {group.values.map((value, index) => {
                const barHeight = (Math.max(0, value) / max) * plotHeight;
                return (
                  <rect
                    key={series[index]?.name ?? index}
                    x={x + groupWidth * 0.15 + index * barWidth}
                    y={plotHeight - barHeight}
                    width={Math.max(1, barWidth - 2)}
                    height={barHeight}
                    className={`chart-bar ${series[index]?.className ?? ''}`}
                  />
                );
              })}
              <text x={x + groupWidth / 2} y={height - 6} textAnchor="middle" className="chart-label">
                {group.label}
              </text>
            </g>
          );
        })}
        <line x1={0} x2={WIDTH} y1={plotHeight} y2={plotHeight} className="chart-axis" />
      </svg>
      <NumbersTable {...props} />
    </figure>
  );
}

/** Horizontal bars, one per group and series, with the label on the left and the value on the right. */
export function BarChart(props: ChartProps) {
  const { open } = useDashboard();
  const { summary, series, groups, formatValue } = props;
  const rowHeight = 30;
  const labelWidth = 210;
  const valueWidth = 110;
  const height = Math.max(1, groups.length) * rowHeight;
  const plotWidth = WIDTH - labelWidth - valueWidth;
  const max = maxValue(groups);

  return (
    <figure className="chart">
      <Legend series={series} />
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} className="chart-svg">
        {groups.map((group, groupIndex) => {
          const y = groupIndex * rowHeight;
          const value = group.values[0] ?? 0;
          const barWidth = (Math.max(0, value) / max) * plotWidth;
          return (
            <g
              key={group.key}
              className={group.target ? 'chart-group chart-clickable' : 'chart-group'}
              onClick={group.target ? () => open(group.target!) : undefined}
            >
              <title>{`${group.fullLabel}: ${formatValue(value)}`}</title>
              <rect x={0} y={y} width={WIDTH} height={rowHeight} className="chart-hit" />
              <text x={labelWidth - 8} y={y + rowHeight / 2 + 5} textAnchor="end" className="chart-label">
                {group.label}
              </text>
              <rect
                x={labelWidth}
                y={y + 6}
                width={barWidth}
                height={rowHeight - 12}
                className={`chart-bar ${series[0]?.className ?? ''}`}
              />
              <text x={labelWidth + barWidth + 6} y={y + rowHeight / 2 + 5} className="chart-value">
                {formatValue(value)}
              </text>
            </g>
          );
        })}
      </svg>
      <NumbersTable {...props} />
    </figure>
  );
}
