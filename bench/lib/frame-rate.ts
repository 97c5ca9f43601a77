import { percentileOfSorted } from './percentiles.ts';

/**
 * Frames per second over [from, to): requestAnimationFrame callbacks counted in the page, whose
 * times are given in the same clock as the window. A callback that never came (a frame the main
 * thread was too busy for) simply is not counted, which is what fps should show.
 */
export function framesPerSecond(callbackTimes: readonly number[], from: number, to: number): number {
  if (to <= from) return 0;
  let count = 0;
  for (const t of callbackTimes) if (t >= from && t < to) count++;
  return (count * 1000) / (to - from);
}

/** Nearest-rank percentile (an observed value, as percentiles.ts reports them) of an unsorted sample. */
export function percentile(values: ArrayLike<number>, p: number): number {
  return percentileOfSorted(Float64Array.from(values).sort(), p);
}

/** Rounded to one decimal: the figures are read by people, and a tenth of a ms or frame is their resolution. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
