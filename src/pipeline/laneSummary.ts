// The text of a lane header's totals, formatted in the workbook locale.

import type { MoneyTotal } from '../dashboard/metrics/types';
import { plural, type Formatters } from '../dashboard/format';
import type { Lane } from './lanes';

/** Text shown in place of a total whose amounts are in several currencies. */
function describeTotal(total: MoneyTotal, format: Formatters): string {
  return total.ok ? format.money(total.minor, total.currency) : `not added: ${total.currencies.join(' and ')}`;
}

/**
 * Returns the parts of a lane's totals: '2 cards', 'Total £3,350.00' and
 * 'Weighted £1,150.00', the last two only when the sheet has a value column.
 */
export function laneSummary(lane: Lane, format: Formatters): string[] {
  const count = lane.cards.length;
  const parts = [`${format.number(count)} ${plural(count, 'card')}`];
  if (lane.total) parts.push(`Total ${describeTotal(lane.total, format)}`);
  if (lane.weighted) {
    const left = lane.withoutProbability;
    const note = left > 0 ? ` (${format.number(left)} ${plural(left, 'card')} without a probability)` : '';
    parts.push(`Weighted ${describeTotal(lane.weighted, format)}${note}`);
  }
  return parts;
}
