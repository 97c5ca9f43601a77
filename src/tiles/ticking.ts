import type { StatValue } from '../store/stat-value.ts';

/**
 * Statistics that are a clock running since something began (the longest idle agent, the longest
 * waiting call, time in the current state). Between notifications they grow by the time passed,
 * so a TV never shows a frozen clock. Kept in one place on purpose.
 */
export const TICKING_STATISTICS: ReadonlySet<string> = new Set(['LongestIdleTime', 'CurrMaxCallWaitingTime', 'TimeInCurrentState']);

/** Ticks only a running clock (> 0: 0 means nobody idle / nothing waiting) we still trust (live). */
export function isTicking(statistic: string, value: StatValue | undefined): boolean {
  return TICKING_STATISTICS.has(statistic) && value?.status === 'live' && typeof value.value === 'number' && value.value > 0;
}

/**
 * The number a tile shows now: the server's value, plus the seconds since it arrived for a
 * ticking statistic. `null` when there is no number. `data-value` keeps the server's raw value.
 */
export function displayedNumber(statistic: string, value: StatValue | undefined, now: number): number | null {
  if (!value || typeof value.value !== 'number') return null;
  if (!isTicking(statistic, value)) return value.value;
  return value.value + Math.max(0, now - value.receivedAt) / 1000;
}
