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

/** Closed activities whose end lies in [from, to], oldest first. */
function* closedEndingIn(log: ActivityLog, from: number, to: number): Generator<ClosedActivity> {
  const list = log.closed;
  for (let i = log.firstEndingAtOrAfter(from); i < list.length; i++) {
    const a = list[i] as ClosedActivity;
    if (a.end > to) break;
    yield a;
  }
}

function overlapMs(start: number, end: number, from: number, to: number): number {
  return Math.max(0, Math.min(end, to) - Math.max(start, from));
}

/** Activities (closed or still open) that started in [from, to] and match. */
function countStarted(log: ActivityLog, match: (t: string) => boolean, from: number, to: number): number {
  let n = 0;
  for (const a of closedEndingIn(log, from, to)) if (a.start >= from && match(a.type)) n++;
  for (const a of log.open.values()) if (a.start >= from && a.start <= to && match(a.type)) n++;
  return n;
}

/** Time spent in matching activities inside [from, to], open ones counted up to `to`. */
function adjustedTimeMs(log: ActivityLog, match: (t: string) => boolean, from: number, to: number): number {
  let ms = 0;
  for (const a of closedEndingIn(log, from, to)) if (match(a.type)) ms += overlapMs(a.start, a.end, from, to);
  for (const a of log.open.values()) if (match(a.type)) ms += overlapMs(a.start, to, from, to);
  return ms;
}

function currentOpen(log: ActivityLog, match: (t: string) => boolean): OpenActivity[] {
  return [...log.open.values()].filter((a) => match(a.type));
}

/**
 * Evaluates a compiled statistic over one object's activity at `now`, with the growing window
 * starting at `from` (ignored by current-state categories). Durations come out in seconds and
 * percentages in 0–100 (API-CONTRACT §2.8).
 */
export function evaluateStatistic(
  stat: CompiledStatistic,
  log: ActivityLog | undefined,
  now: number,
  from: number,
): StatResult {
  if (stat.category === 'CurrentState' || stat.category === 'CurrentTargetState') {
    const current = log ? [...log.open.values()][0] : undefined;
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
      return number(currentOpen(log, stat.mainMask).length);
    case 'CurrentMaxTime': {
      const open = currentOpen(log, stat.mainMask);
      return number(open.length === 0 ? 0 : Math.max(...open.map((a) => now - a.start)) / 1000);
    }
    case 'TotalNumber':
      return number(countStarted(log, stat.mainMask, from, now));
    case 'TotalAdjustedTime':
      return number(adjustedTimeMs(log, stat.mainMask, from, now) / 1000);
    case 'AverageTime': {
      let totalMs = 0;
      let count = 0;
      for (const a of closedEndingIn(log, from, now)) {
        if (stat.mainMask(a.type)) totalMs += a.durationMs;
        if (stat.relativeMask(a.type)) count++;
      }
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
      for (const a of closedEndingIn(log, from, now)) {
        if (a.start < from || !stat.mainMask(a.type)) continue;
        all++;
        if (inRange(a.durationMs, range)) inside++;
      }
      return number(all === 0 ? undefined : (100 * inside) / all);
    }
    case 'ServiceFactor1': {
      const range = stat.timeRange as TimeRange;
      const shortAbandon = stat.timeRange2;
      let answeredInRange = 0;
      let answered = 0;
      let abandonedCounted = 0;
      for (const a of closedEndingIn(log, from, now)) {
        if (a.start < from) continue;
        if (a.type === 'CallAnswered') {
          answered++;
          if (inRange(a.durationMs, range)) answeredInRange++;
        } else if (a.type === 'CallAbandoned') {
          // Callers who hang up within the second range are not held against the service level.
          if (!shortAbandon || a.durationMs / 1000 > shortAbandon.rightSec) abandonedCounted++;
        }
      }
      const denominator = answered + abandonedCounted;
      return number(denominator === 0 ? undefined : (100 * answeredInRange) / denominator);
    }
  }
}
