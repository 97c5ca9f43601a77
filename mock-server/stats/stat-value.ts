import type { StatResult } from './evaluate-statistic.ts';

/**
 * The `value` object of the Statistics API v3 (docs/vendors/genesys-engage.md §2.8, a decision): Stat Server's value
 * structure. `stringValue` carries the exact number ("" when undefined), `intValue` it rounded.
 */
export interface StatValueObject {
  readonly intValue: number;
  readonly stringValue: string;
  readonly tag: number;
  /** Seconds covered by the growing window so far; 0 for current-state statistics. */
  readonly intervalLength: number;
  readonly timestamp: number;
  /** Agent states only: the reason code of NotReadyForNextCall (mock extension). */
  readonly reasonCode?: string;
}

/** The mock's own codes for agent statuses; clients read `stringValue`. */
export const AGENT_STATUS_CODES: Readonly<Record<string, number>> = {
  LoggedOut: 23,
  WaitForNextCall: 4,
  NotReadyForNextCall: 8,
  AfterCallWork: 7,
  CallRinging: 6,
  CallDialing: 5,
  CallInbound: 12,
  CallOutbound: 13,
  CallInternal: 11,
  CallConsult: 10,
  CallUnknown: 14,
  CallOnHold: 15,
};

export function formatExact(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function toValueObject(result: StatResult, now: number, windowStart: number | undefined, reason?: string): StatValueObject {
  if (result.kind === 'state') {
    return {
      intValue: Object.hasOwn(AGENT_STATUS_CODES, result.status) ? (AGENT_STATUS_CODES[result.status] ?? 0) : 0,
      stringValue: result.status,
      tag: -1,
      intervalLength: 0,
      timestamp: result.since,
      ...(result.status === 'NotReadyForNextCall' && reason ? { reasonCode: reason } : {}),
    };
  }
  const intervalLength = windowStart === undefined ? 0 : Math.round((now - windowStart) / 1000);
  if (result.value === undefined || !Number.isFinite(result.value)) {
    return { intValue: 0, stringValue: '', tag: -1, intervalLength, timestamp: now };
  }
  return { intValue: Math.round(result.value), stringValue: formatExact(result.value), tag: -1, intervalLength, timestamp: now };
}
