import type { StatValue } from '../store/stat-value.ts';

/**
 * Ticks only a running clock (a statistic its source or the vocabulary marks `ticking`, src/tiles/statistic-info.tsx)
 * that runs (> 0: 0 means nobody idle / nothing waiting) and that we still trust (live). Between
 * values it grows by the time passed, so a TV never shows a frozen clock.
 */
export function isTicking(ticking: boolean, value: StatValue | undefined): boolean {
  return ticking && value?.status === 'live' && typeof value.value === 'number' && value.value > 0;
}

/**
 * The number a tile shows now: the server's value, plus the seconds since it arrived for a
 * ticking statistic. `null` when there is no number. `data-value` keeps the server's raw value.
 */
export function displayedNumber(ticking: boolean, value: StatValue | undefined, now: number): number | null {
  if (!value || typeof value.value !== 'number') return null;
  if (!isTicking(ticking, value)) return value.value;
  return value.value + Math.max(0, now - value.receivedAt) / 1000;
}
