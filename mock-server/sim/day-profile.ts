/**
 * How busy the contact center is by local time of day, as a multiplier of each queue's
 * peakCallsPerHour. Shape of a typical European inbound service line: a quiet night, a steep
 * morning ramp, a late-morning peak, a lunchtime dip, a second (slightly lower) afternoon peak and
 * an evening decline back to the night level.
 */

/** [minute after local midnight, multiplier]; interpolated linearly, wrapping at midnight. */
const PROFILE_POINTS: readonly (readonly [number, number])[] = [
  [0 * 60, 0.15],
  [5 * 60, 0.14],
  [6 * 60, 0.17],
  [7 * 60, 0.27],
  [8 * 60, 0.48],
  [9 * 60, 0.7],
  [10 * 60, 0.92],
  [10 * 60 + 30, 1],
  [12 * 60, 0.82],
  [13 * 60, 0.78],
  [14 * 60 + 30, 0.95],
  [16 * 60, 0.8],
  [17 * 60, 0.6],
  [18 * 60, 0.42],
  [19 * 60, 0.3],
  [20 * 60, 0.22],
  [21 * 60, 0.18],
  [22 * 60, 0.16],
  [24 * 60, 0.15],
];

/** The largest multiplier of the profile; the arrival process thins candidates against it. */
export const DAY_PROFILE_MAX = Math.max(...PROFILE_POINTS.map(([, value]) => value));

const MINUTES_PER_DAY = 24 * 60;

/** Arrival-rate multiplier (0, DAY_PROFILE_MAX] at the given time since local midnight. */
export function dayProfileMultiplier(msSinceMidnight: number): number {
  const minute = (((msSinceMidnight / 60_000) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  for (let i = 1; i < PROFILE_POINTS.length; i++) {
    const [m1, v1] = PROFILE_POINTS[i] as readonly [number, number];
    if (minute <= m1) {
      const [m0, v0] = PROFILE_POINTS[i - 1] as readonly [number, number];
      return v0 + ((v1 - v0) * (minute - m0)) / (m1 - m0);
    }
  }
  return PROFILE_POINTS[0]?.[1] ?? 1;
}
