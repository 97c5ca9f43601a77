import type { SourceUpdate } from '../stat-source.ts';
import type { EngageSpec } from './engage-spec.ts';
import { parseStatValue } from './parse-stat-value.ts';
import { isAgentStateSpec, notificationPeriodMs } from './statistic-periods.ts';

export type NormalizedValue =
  | { readonly ok: true; readonly update: SourceUpdate }
  /** `reason` is a category for the diagnostics counter; `message` says what was wrong with this value. */
  | { readonly ok: false; readonly reason: string; readonly message: string };

/** One statistic's wire value (REST answer or notification) as the vendor-neutral update the store takes. */
/** `first`: the value came with the subscription's creation, so it is the truth whatever its timestamp. */
export function toSourceUpdate(key: string, spec: EngageSpec, value: unknown, timestamp: number, first = false): NormalizedValue {
  const parsed = parseStatValue(value, { agentState: isAgentStateSpec(spec), fallbackSince: timestamp });
  if (!parsed.ok) return { ok: false, reason: 'malformed value', message: parsed.error.message };
  const periodMs = notificationPeriodMs(spec);
  // Built whole, not spread: this runs for every notification of a firehose.
  const update: SourceUpdate = first ? { key, value: parsed.value, timestamp, periodMs, first } : { key, value: parsed.value, timestamp, periodMs };
  return { ok: true, update };
}
