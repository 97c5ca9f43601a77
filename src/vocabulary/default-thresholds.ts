import type { ThresholdRule } from './statistics.ts';

export interface DefaultThreshold {
  readonly when: 'above' | 'below';
  readonly value: number;
  readonly level: 'warning' | 'critical';
}

export interface DefaultThresholdOptions {
  /** The runtime config's `serviceLevelTargetPercent`. */
  readonly serviceLevelTargetPercent: number;
}

/** How far below the target a service level turns critical, in percentage points. */
const SERVICE_LEVEL_CRITICAL_MARGIN = 10;

/** Calls waiting: a handful is normal on a busy queue, ten means callers are piling up. */
const CALLS_WAITING = { warning: 5, critical: 10 };

/**
 * Oldest call waiting, seconds: a call still waiting at two minutes misses any common answer-time
 * target (docs/boards.md "Default thresholds"), and halfway there is the moment to act.
 */
const OLDEST_CALL_SECONDS = { warning: 60, critical: 120 };

/**
 * Longest idle agent, seconds: a staffing signal, not a caller's problem. Five minutes ready while
 * others take calls hints at too many agents on the group; ten is worth moving someone.
 */
const LONGEST_IDLE_SECONDS = { warning: 300, critical: 600 };

function above(lines: { readonly warning: number; readonly critical: number }): DefaultThreshold[] {
  return [
    { when: 'above', value: lines.warning, level: 'warning' },
    { when: 'above', value: lines.critical, level: 'critical' },
  ];
}

/**
 * The lines the board editor fills in when a statistic is picked, so a new tile turns amber and red
 * where a floor manager would expect. A statistic without a rule gets none: no threshold is better
 * than a wrong one.
 */
export function defaultThresholds(rule: ThresholdRule | undefined, options: DefaultThresholdOptions): readonly DefaultThreshold[] {
  switch (rule) {
    case 'service-level': {
      const target = options.serviceLevelTargetPercent;
      const critical = target - SERVICE_LEVEL_CRITICAL_MARGIN;
      const lines: DefaultThreshold[] = [{ when: 'below', value: target, level: 'warning' }];
      // With a target of 10 % or less there is no level below it worth calling critical.
      if (critical > 0) lines.push({ when: 'below', value: critical, level: 'critical' });
      return lines;
    }
    case 'calls-waiting':
      return above(CALLS_WAITING);
    case 'oldest-call':
      return above(OLDEST_CALL_SECONDS);
    case 'longest-idle':
      return above(LONGEST_IDLE_SECONDS);
    case undefined:
      return [];
  }
}
