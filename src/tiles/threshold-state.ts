import type { Threshold } from '../boards/board-schema.ts';
import type { Level } from './level-for.ts';

/**
 * A tile's level with memory (issue 8): a threshold is breached when the value crosses it and
 * stays breached until the value is back past it by the hysteresis band, so a value sitting on the
 * line does not flicker between ok and warning on a TV. The time of the breach is kept for the
 * tile's "breached since" and for a sound once per breach, not on every update.
 */
export interface ThresholdState {
  readonly level: Level;
  /** Which thresholds (by index in the tile's list) are breached now. */
  readonly breached: readonly boolean[];
  /** When the tile last went from ok (or no value) to warning or critical; undefined while ok. */
  readonly breachedSince: number | undefined;
  /** When it entered the level it is at (an escalation is a new level, the same breach). */
  readonly levelSince: number | undefined;
}

export const INITIAL_THRESHOLD_STATE: ThresholdState = { level: 'none', breached: [], breachedSince: undefined, levelSince: undefined };

/** Whether a threshold is breached at `value`, given whether it was breached before. */
function stillBreached(threshold: Threshold, value: number, before: boolean, band: number): boolean {
  if (threshold.when === 'above') return before ? value > threshold.value - band : value > threshold.value;
  return before ? value < threshold.value + band : value < threshold.value;
}

const RANK: Readonly<Record<Level, number>> = { none: 0, ok: 1, warning: 2, critical: 3 };

/**
 * The next state for a new value at `now`. `band` is the hysteresis in the value's own unit
 * (0: no memory, the level is `levelFor`'s). No value, or no thresholds, resets to `none`.
 */
export function nextThresholdState(
  previous: ThresholdState,
  value: number | null | undefined,
  thresholds: readonly Threshold[] | undefined,
  band: number,
  now: number,
): ThresholdState {
  if (!thresholds || thresholds.length === 0 || value === null || value === undefined || !Number.isFinite(value)) {
    return INITIAL_THRESHOLD_STATE;
  }
  const width = Math.max(0, band);
  const breached = thresholds.map((threshold, i) => stillBreached(threshold, value, previous.breached[i] ?? false, width));
  let level: Level = 'ok';
  thresholds.forEach((threshold, i) => {
    if (breached[i] && RANK[threshold.level] > RANK[level]) level = threshold.level;
  });
  const wasBreached = RANK[previous.level] >= RANK.warning;
  const isBreached = RANK[level] >= RANK.warning;
  const breachedSince = isBreached ? (wasBreached ? previous.breachedSince : now) : undefined;
  if (level === previous.level && breachedSince === previous.breachedSince && breached.every((b, i) => b === previous.breached[i]) && breached.length === previous.breached.length) {
    return previous;
  }
  return { level, breached, breachedSince, levelSince: level === previous.level ? previous.levelSince : now };
}
