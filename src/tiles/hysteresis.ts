import type { Threshold } from '../boards/board-schema.ts';
import type { ValueFormat } from '../lib/format-value.ts';

/**
 * The band a breach must clear before it ends when a threshold does not set one: one call for a
 * count, two points for a percentage, five seconds for a time, half a unit otherwise — each less
 * than what a supervisor would call a real change, more than a value sitting on the line moves.
 */
export const DEFAULT_HYSTERESIS: Readonly<Record<ValueFormat, number>> = { count: 1, percent: 2, duration: 5, decimal: 0.5 };

/**
 * One band per tile, as the state machine takes it: the widest a threshold of the tile asks for, or
 * the format's default. (Tiles have one or two thresholds on one scale; one band keeps the
 * machine simple and a tile's behaviour easy to explain.)
 */
export function hysteresisFor(thresholds: readonly Threshold[] | undefined, format: ValueFormat): number {
  const set = (thresholds ?? []).map((t) => t.hysteresis).filter((h): h is number => h !== undefined);
  return set.length > 0 ? Math.max(...set) : DEFAULT_HYSTERESIS[format];
}
