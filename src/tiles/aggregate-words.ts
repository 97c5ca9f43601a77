import type { AggregateKind } from './aggregate.ts';
import { describeAggregate } from './aggregate.ts';
import { wallboardStatistic } from '../vocabulary/statistics.ts';

/** What a weight is, read aloud: a statistic's label says what is counted, not that it is calls. */
const WEIGHT_NOUNS: Readonly<Record<string, string>> = {
  Total_Answered: 'answered calls',
  Total_Abandoned: 'abandoned calls',
};

/** `label`: what the weight's source calls it, when the source has its own words for it. */
export function weightNoun(statistic: string, label?: string): string {
  return Object.hasOwn(WEIGHT_NOUNS, statistic) ? (WEIGHT_NOUNS[statistic] ?? statistic) : (label ?? wallboardStatistic(statistic)?.label ?? statistic).toLowerCase();
}

/** The tile's bottom line: how its number was made, e.g. "sum of 4 queues", "3 queues, weighted by answered calls". */
export function aggregateCaption(kind: AggregateKind, total: number, noun: string, weightStatistic: string | undefined, weightLabel?: string): string {
  return describeAggregate(kind, total, noun, weightStatistic === undefined ? undefined : weightNoun(weightStatistic, weightLabel));
}

/** Said when some objects have no value to combine yet (left out of the number, never read as 0). */
export function missingText(missing: number, total: number, noun: string): string {
  return `${missing} of ${total} ${noun}: no value yet`;
}
