import type { ActivityLog, ClosedActivity, OpenActivity } from './activity-log.ts';
import type { CompiledStatistic, TimeRange } from './compile-definition.ts';

/** A statistic's value: a number (undefined when it is not defined yet, e.g. an average of nothing) or an agent state. */
export type StatResult =
  | { readonly kind: 'number'; readonly value: number | undefined }
  | { readonly kind: 'state'; readonly status: string; readonly since: number; readonly reason?: string };

const number = (value: number | undefined): StatResult => ({ kind: 'number', value });

function inRange(durationMs: number, range: TimeRange): boolean {
  const s = durationMs / 1000;
  return s >= range.leftSec && s <= range.rightSec;
}

/** Visits the closed activities whose end lies in [from, to], oldest first (a loop: a generator costs per item here). */
function forClosedEndingIn(log: ActivityLog, from: number, to: number, visit: (a: ClosedActivity) => void): void {
  const list = log.closed;
  for (let i = log.firstEndingAtOrAfter(from); i < list.length; i++) {
    const a = list[i] as ClosedActivity;
    if (a.end > to) break;
    visit(a);
  }
}

function overlapMs(start: number, end: number, from: number, to: number): number {
  return Math.max(0, Math.min(end, to) - Math.max(start, from));
}

/** Activities (closed or still open) that started in [from, to] and match. */
function countStarted(log: ActivityLog, match: (t: string) => boolean, from: number, to: number): number {
  let n = 0;
  forClosedEndingIn(log, from, to, (a) => {
    if (a.start >= from && match(a.type)) n++;
  });
  for (const a of log.open.values()) if (a.start >= from && a.start <= to && match(a.type)) n++;
  return n;
}

/** Time spent in matching activities inside [from, to], open ones counted up to `to`. */
function adjustedTimeMs(log: ActivityLog, match: (t: string) => boolean, from: number, to: number): number {
  let ms = 0;
  forClosedEndingIn(log, from, to, (a) => {
    if (match(a.type)) ms += overlapMs(a.start, a.end, from, to);
  });
  for (const a of log.open.values()) if (match(a.type)) ms += overlapMs(a.start, to, from, to);
  return ms;
}

function countOpen(log: ActivityLog, match: (t: string) => boolean): number {
  let n = 0;
  for (const a of log.open.values()) if (match(a.type)) n++;
  return n;
}

/** Longest time in a matching open activity, in ms (0 when there is none). */
function longestOpenMs(log: ActivityLog, match: (t: string) => boolean, now: number): number {
  let longest = Number.NEGATIVE_INFINITY;
  let any = false;
  for (const a of log.open.values()) {
    if (!match(a.type)) continue;
    any = true;
    longest = Math.max(longest, now - a.start);
  }
  return any ? longest : 0;
}

/**
 * Evaluates a compiled statistic over one object's activity at `now`, with the growing window
 * starting at `from` (ignored by current-state categories). Durations come out in seconds and
 * percentages in 0–100 (docs/vendors/genesys-engage.md §2.8).
 */
export function evaluateStatistic(
  stat: CompiledStatistic,
  log: ActivityLog | undefined,
  now: number,
  from: number,
): StatResult {
  if (stat.category === 'CurrentState' || stat.category === 'CurrentTargetState') {
    const current: OpenActivity | undefined = log?.open.values().next().value;
    return current ? { kind: 'state', status: current.type, since: current.start } : { kind: 'state', status: 'LoggedOut', since: now };
  }
  if (!log || stat.matchesNothing) {
    const emptyIsUndefined =
      stat.category === 'AverageTime' ||
      stat.category === 'ServiceFactor1' ||
      stat.category === 'TotalNumberInTimeRangePercentage' ||
      stat.category === 'AverageNumberPerRelativeHour';
    return number(emptyIsUndefined ? undefined : 0);
  }
  switch (stat.category) {
    case 'CurrentNumber':
      return number(countOpen(log, stat.mainMask));
    case 'CurrentMaxTime':
      return number(longestOpenMs(log, stat.mainMask, now) / 1000);
    case 'TotalNumber':
      return number(countStarted(log, stat.mainMask, from, now));
    case 'TotalAdjustedTime':
      return number(adjustedTimeMs(log, stat.mainMask, from, now) / 1000);
    case 'AverageTime': {
      let totalMs = 0;
      let count = 0;
      forClosedEndingIn(log, from, now, (a) => {
        if (stat.mainMask(a.type)) totalMs += a.durationMs;
        if (stat.relativeMask(a.type)) count++;
      });
      return number(count === 0 ? undefined : totalMs / count / 1000);
    }
    case 'AverageNumberPerRelativeHour': {
      const hours = adjustedTimeMs(log, stat.relativeMask, from, now) / 3_600_000;
      return number(hours === 0 ? undefined : countStarted(log, stat.mainMask, from, now) / hours);
    }
    case 'TotalNumberInTimeRangePercentage': {
      const range = stat.timeRange as TimeRange;
      let inside = 0;
      let all = 0;
      forClosedEndingIn(log, from, now, (a) => {
        if (a.start < from || !stat.mainMask(a.type)) return;
        all++;
        if (inRange(a.durationMs, range)) inside++;
      });
      return number(all === 0 ? undefined : (100 * inside) / all);
    }
    case 'ServiceFactor1': {
      const range = stat.timeRange as TimeRange;
      const shortAbandon = stat.timeRange2;
      let answeredInRange = 0;
      let answered = 0;
      let abandonedCounted = 0;
      forClosedEndingIn(log, from, now, (a) => {
        if (a.start < from) return;
        if (a.type === 'CallAnswered') {
          answered++;
          if (inRange(a.durationMs, range)) answeredInRange++;
        } else if (a.type === 'CallAbandoned') {
          // Callers who hang up within the second range are not held against the service level.
          if (!shortAbandon || a.durationMs / 1000 > shortAbandon.rightSec) abandonedCounted++;
        }
      });
      const denominator = answered + abandonedCounted;
      return number(denominator === 0 ? undefined : (100 * answeredInRange) / denominator);
    }
  }
}

/**
 * Whether `evaluateStatistic` can give another value while `log` (and, for an agent, its reason,
 * which changes with its status) stays as it is: durations grow and growing windows reset with
 * time alone; a count of open activities or an agent's state does not — except the LoggedOut
 * "since now" of an agent with no status at all. Keep in step with the evaluator above.
 */
export function movesWithTime(stat: CompiledStatistic, log: ActivityLog | undefined): boolean {
  switch (stat.category) {
    case 'CurrentNumber':
      return false;
    case 'CurrentState':
    case 'CurrentTargetState':
      return !log || log.open.size === 0;
    default:
      return true;
  }
}
