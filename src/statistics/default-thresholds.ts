import type { Threshold } from '../boards/board-schema.ts';
import type { StatisticCatalogEntry } from './statistic-catalog.ts';
import { maskIs } from './statistic-mask.ts';

/**
 * Thresholds the board editor fills in when a statistic is picked, so a new tile turns amber and
 * red where a floor manager would expect; the supervisor can change or clear them. They follow the
 * definition, not the name, so a tenant's own statistic that means the same gets the same lines.
 * Anything not recognised gets none: no threshold is better than a wrong one.
 */
export interface DefaultThresholdOptions {
  /** The runtime config's `serviceLevelTargetPercent` (002's `defaultTargetServiceLevelPercentage`). */
  readonly serviceLevelTargetPercent: number;
}

/** How far below the target a service level turns critical, in percentage points. */
const SERVICE_LEVEL_CRITICAL_MARGIN = 10;

/** Calls waiting: a handful is normal on a busy queue, ten means callers are piling up. */
const CALLS_WAITING = { warning: 5, critical: 10 };

/**
 * Oldest call waiting, seconds: the catalog's ServiceLevel counts a call as met when answered within
 * 120 s, so a call still waiting at 120 s is already a miss (critical), and halfway there is the
 * moment to act (warning). The shipped queues board uses the same lines.
 */
const OLDEST_CALL_WAITING_SECONDS = { warning: 60, critical: 120 };

/**
 * Longest idle (ready) agent, seconds: idle time is not a caller's problem but a staffing one. An
 * agent ready for 5 minutes while others take calls hints at too many agents on the group or at
 * routing that does not reach them; 10 minutes is worth moving someone to another queue.
 */
const LONGEST_READY_SECONDS = { warning: 300, critical: 600 };

function above(lines: { readonly warning: number; readonly critical: number }): Threshold[] {
  return [
    { when: 'above', value: lines.warning, level: 'warning' },
    { when: 'above', value: lines.critical, level: 'critical' },
  ];
}

function isServiceLevel({ category, mainMask }: StatisticCatalogEntry['definition']): boolean {
  // The 0–60 s in-range variant of the documents is a service level too (docs/statistics.md, decision 1).
  return category === 'ServiceFactor1' || (category === 'TotalNumberInTimeRangePercentage' && maskIs(mainMask, ['CallAnswered']));
}

export function defaultThresholds(statistic: Pick<StatisticCatalogEntry, 'objectType' | 'definition'>, options: DefaultThresholdOptions): readonly Threshold[] {
  const { definition, objectType } = statistic;
  const { category, subject, mainMask } = definition;
  if (isServiceLevel(definition)) {
    const target = options.serviceLevelTargetPercent;
    const critical = target - SERVICE_LEVEL_CRITICAL_MARGIN;
    const lines: Threshold[] = [{ when: 'below', value: target, level: 'warning' }];
    // With a target of 10 % or less there is no level below it worth calling critical.
    if (critical > 0) lines.push({ when: 'below', value: critical, level: 'critical' });
    return lines;
  }
  const waiting = objectType === 'Queue' && subject === 'DNAction' && maskIs(mainMask, ['CallWait']);
  if (waiting && category === 'CurrentNumber') return above(CALLS_WAITING);
  if (waiting && category === 'CurrentMaxTime') return above(OLDEST_CALL_WAITING_SECONDS);
  if (objectType === 'GroupAgents' && subject !== 'DNAction' && category === 'CurrentMaxTime' && maskIs(mainMask, ['WaitForNextCall'])) {
    return above(LONGEST_READY_SECONDS);
  }
  return [];
}
