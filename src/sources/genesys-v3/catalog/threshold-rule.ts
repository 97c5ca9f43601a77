import type { ThresholdRule } from '../../../vocabulary/statistics.ts';
import type { StatisticCatalogEntry } from './statistic-catalog.ts';
import { maskIs } from './statistic-mask.ts';

function isServiceLevel({ category, mainMask }: StatisticCatalogEntry['definition']): boolean {
  // The 0–60 s in-range variant of the documents is a service level too (docs/statistics.md, decision 1).
  return category === 'ServiceFactor1' || (category === 'TotalNumberInTimeRangePercentage' && maskIs(mainMask, ['CallAnswered']));
}

/**
 * Which default lines a statistic gets in the editor (src/vocabulary/default-thresholds.ts). They
 * follow the definition, not the name, so a tenant's own statistic that means the same gets the
 * same lines; anything not recognised gets none.
 */
export function thresholdRuleOf(statistic: Pick<StatisticCatalogEntry, 'objectType' | 'definition'>): ThresholdRule | undefined {
  const { definition, objectType } = statistic;
  const { category, subject, mainMask } = definition;
  if (isServiceLevel(definition)) return 'service-level';
  const waiting = objectType === 'Queue' && subject === 'DNAction' && maskIs(mainMask, ['CallWait']);
  if (waiting && category === 'CurrentNumber') return 'calls-waiting';
  if (waiting && category === 'CurrentMaxTime') return 'oldest-call';
  if (objectType === 'GroupAgents' && subject !== 'DNAction' && category === 'CurrentMaxTime' && maskIs(mainMask, ['WaitForNextCall'])) {
    return 'longest-idle';
  }
  return undefined;
}
