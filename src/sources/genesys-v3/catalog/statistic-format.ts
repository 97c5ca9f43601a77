import type { ValueFormat } from '../../../lib/format-value.ts';
import type { StatisticCatalogEntry } from './statistic-catalog.ts';

/**
 * How a statistic's number is shown, from what its category computes (docs/statistics.md): shares
 * are 0–100 percentages, `…Time` categories are seconds, rates per hour have fractions, the rest
 * are counts. Agent states are not numbers at all: the agent grid shows them, so there is no format.
 */
export function defaultFormat(statistic: Pick<StatisticCatalogEntry, 'definition'>): ValueFormat | undefined {
  const { category } = statistic.definition;
  if (category === 'CurrentState' || category === 'CurrentTargetState') return undefined;
  if (category === 'ServiceFactor1' || category.endsWith('Percentage')) return 'percent';
  if (category.endsWith('Time')) return 'duration';
  if (category === 'AverageNumberPerRelativeHour') return 'decimal';
  if (category.endsWith('Number')) return 'count';
  // A category this app does not know: one decimal hides neither a fraction nor a whole number.
  return 'decimal';
}
