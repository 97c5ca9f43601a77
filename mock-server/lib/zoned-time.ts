/**
 * Wall-clock arithmetic in an IANA time zone, for the simulated day (shifts, arrival profile)
 * and Stat Server time profiles ("0:00" = reset at local midnight). Intl does the zone maths.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function formattedOffsetMs(t: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(t));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - (t - (t % 1000));
}

const HOUR = 3_600_000;
/** Zones change offset only at transitions, so an hour that starts and ends on one offset has it throughout. */
const offsetsByHour = new Map<string, Map<number, number>>();
/** Hours remembered per zone before starting afresh (a simulated day asks for a few dozen). */
const MAX_CACHED_HOURS = 10_000;

/** Offset of the zone from UTC at instant t, in ms (positive east of Greenwich). */
export function zoneOffsetMs(t: number, timeZone: string): number {
  // formatToParts is the costly part of every time-profile and shift computation; it runs twice
  // per zone and hour here. Before 1970 the rounding above makes the result vary within an hour.
  if (!(t >= 0)) return formattedOffsetMs(t, timeZone);
  let hours = offsetsByHour.get(timeZone);
  if (!hours) {
    hours = new Map();
    offsetsByHour.set(timeZone, hours);
  }
  const hour = Math.floor(t / HOUR);
  let offset = hours.get(hour);
  if (offset === undefined) {
    const first = formattedOffsetMs(hour * HOUR, timeZone);
    // NaN: a transition falls inside this hour; such instants are always formatted.
    offset = formattedOffsetMs(hour * HOUR + HOUR - 1, timeZone) === first ? first : Number.NaN;
    if (hours.size >= MAX_CACHED_HOURS) hours.clear();
    hours.set(hour, offset);
  }
  return Number.isNaN(offset) ? formattedOffsetMs(t, timeZone) : offset;
}

/** Milliseconds since local midnight at instant t. */
export function msSinceLocalMidnight(t: number, timeZone: string): number {
  const DAY = 86_400_000;
  const local = t + zoneOffsetMs(t, timeZone);
  return ((local % DAY) + DAY) % DAY;
}

/** The instant of the most recent local midnight at or before t. */
export function startOfLocalDay(t: number, timeZone: string): number {
  const guess = t - msSinceLocalMidnight(t, timeZone);
  // On a daylight-saving day the wall clock since midnight is not the time elapsed since it.
  return guess + zoneOffsetMs(t, timeZone) - zoneOffsetMs(guess, timeZone);
}

/** Throws RangeError for a zone Intl does not know. */
export function assertTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat('en-US', { timeZone });
}
