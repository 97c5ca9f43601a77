/** The wall-clock fields of an instant in a time zone. */
function fieldsIn(epochMs: number, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), min: get('minute'), s: get('second') };
}

/** How far the zone's wall clock is ahead of UTC at an instant, ms. */
function zoneOffset(epochMs: number, timeZone: string): number {
  const f = fieldsIn(epochMs, timeZone);
  const wall = Date.UTC(f.y, f.m - 1, f.d, f.h, f.min, f.s);
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant the day of `epochMs` began in `timeZone` (an IANA name): where "today" starts for the
 * day's totals. Corrected once for a change of offset between midnight and now (daylight saving).
 */
export function startOfDay(epochMs: number, timeZone: string): number {
  const f = fieldsIn(epochMs, timeZone);
  const midnightWall = Date.UTC(f.y, f.m - 1, f.d);
  let guess = midnightWall - zoneOffset(epochMs, timeZone);
  guess = midnightWall - zoneOffset(guess, timeZone);
  // A zone whose clocks skip midnight starts the day at the first instant after it.
  return guess > epochMs ? midnightWall - zoneOffset(epochMs, timeZone) : guess;
}

/** The browser's own time zone, the default for "today" when the org's is not configured. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
