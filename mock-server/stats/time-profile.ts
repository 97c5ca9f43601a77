import { startOfLocalDay, zoneOffsetMs } from '../lib/zoned-time.ts';

/**
 * Growing-window time profiles (docs/vendors/genesys-engage.md §3.2): `"H:MM"` resets daily at that local time;
 * `"H:MM+H:MM"` resets at that time and then every period after it. The v3 documents write
 * `"00:00"`, statistics.yaml `"0:00"` (§8.5 there): both parse.
 */
export interface GrowingWindowProfile {
  readonly offsetMs: number;
  readonly periodMs: number;
}

const DAY = 86_400_000;

function parseClock(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  return (h * 60 + min) * 60_000;
}

export function parseGrowingWindowProfile(profile: string): GrowingWindowProfile | undefined {
  const [start, step, ...rest] = profile.split('+');
  if (start === undefined || rest.length > 0) return undefined;
  const offsetMs = parseClock(start);
  if (offsetMs === undefined) return undefined;
  if (step === undefined) return { offsetMs, periodMs: DAY };
  const periodMs = parseClock(step);
  if (periodMs === undefined || periodMs === 0 || DAY % periodMs !== 0) return undefined;
  return { offsetMs, periodMs };
}

/** The instant a local wall-clock time of the day that starts at `dayStart` happens (daylight saving included). */
function atWallClock(dayStart: number, wallMs: number, timeZone: string): number {
  const guess = dayStart + wallMs;
  return guess - (zoneOffsetMs(guess, timeZone) - zoneOffsetMs(dayStart, timeZone));
}

/** Start of the window that contains `now`: the latest reset (local wall-clock time) at or before it. */
export function windowStart(profile: GrowingWindowProfile, now: number, timeZone: string): number {
  let day = startOfLocalDay(now, timeZone);
  if (atWallClock(day, profile.offsetMs, timeZone) > now) day = startOfLocalDay(day - 1, timeZone);
  let latest = atWallClock(day, profile.offsetMs, timeZone);
  for (let wall = profile.offsetMs + profile.periodMs; wall < DAY; wall += profile.periodMs) {
    const reset = atWallClock(day, wall, timeZone);
    if (reset > now) break;
    latest = reset;
  }
  return latest;
}

/**
 * `windowStart` remembered for the latest instant asked about: every statistic with the same
 * profile shares one computation per tick instead of one per evaluation.
 */
export function createWindowStarts(timeZone: string): (profile: GrowingWindowProfile, now: number) => number {
  let at = Number.NaN;
  // Keyed by period and offset together (both below a day, so the number is exact).
  const starts = new Map<number, number>();
  return (profile, now) => {
    if (now !== at) {
      starts.clear();
      at = now;
    }
    const key = profile.periodMs * DAY + profile.offsetMs;
    let start = starts.get(key);
    if (start === undefined) {
      start = windowStart(profile, now, timeZone);
      starts.set(key, start);
    }
    return start;
  };
}
