/**
 * Agent shifts are wall-clock times of the simulated local day; these helpers turn them into
 * simulated epoch instants, so shift starts and ends can be scheduled as ordinary timed events.
 */
import { msSinceLocalMidnight, zoneOffsetMs } from '../lib/zoned-time.ts';

const MINUTE_MS = 60_000;
const MINUTES_PER_DAY = 24 * 60;
const DAY_MS = MINUTES_PER_DAY * MINUTE_MS;

export interface Shift {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** A shift whose start equals its end never starts or ends: the agent is on duty around the clock. */
export function isAroundTheClock(shift: Shift): boolean {
  return shift.startMinute % MINUTES_PER_DAY === shift.endMinute % MINUTES_PER_DAY;
}

/** Shift length in ms; shifts may wrap past midnight. */
export function shiftLengthMs(shift: Shift): number {
  const minutes = (((shift.endMinute - shift.startMinute) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return (minutes === 0 ? MINUTES_PER_DAY : minutes) * MINUTE_MS;
}

/** How long the shift covering t has been running, or undefined when t is outside the shift. */
export function elapsedInShiftMs(shift: Shift, t: number, timeZone: string): number | undefined {
  const startMs = shift.startMinute * MINUTE_MS;
  const dayMs = MINUTES_PER_DAY * MINUTE_MS;
  const elapsed = (((msSinceLocalMidnight(t, timeZone) - startMs) % dayMs) + dayMs) % dayMs;
  return elapsed < shiftLengthMs(shift) ? elapsed : undefined;
}

/** The first instant strictly after t at which the local wall clock shows `minute` (minutes after midnight). */
export function nextLocalMinute(t: number, minute: number, timeZone: string): number {
  // Work on "wall" values (epoch + zone offset, whose UTC fields read as local time) and convert
  // back per candidate, so days of 23 or 25 hours around a DST switch are handled correctly.
  let dayWall = Math.floor((t + zoneOffsetMs(t, timeZone)) / DAY_MS) * DAY_MS;
  for (;;) {
    const wall = dayWall + minute * MINUTE_MS;
    const guess = wall - zoneOffsetMs(wall, timeZone);
    const candidate = wall - zoneOffsetMs(guess, timeZone);
    if (candidate > t) return candidate;
    dayWall += DAY_MS;
  }
}
