import type { EngageSpec } from './engage-spec.ts';

/**
 * How often the server promises a value (docs/vendors/genesys-engage.md §2.9 "Notification
 * cadence"; the mock's statistics.yaml): every pre-configured statistic of the sample file (§3.3
 * there) is `Periodical` every 10 s, except the agent states, which are sent on change. A real
 * tenant may configure other periods; the store only uses this to decide when a quiet value is a
 * dead feed, so a documented default is good enough.
 */
const DEFAULT_FREQUENCY_SEC = 10;

/** Pre-configured statistics that do not follow the 10 s default: `undefined` = on change only. */
const PRECONFIGURED_PERIOD_MS: ReadonlyMap<string, number | undefined> = new Map([
  ['CurrentAgentState', undefined],
  ['CurrentTargetState', undefined],
]);

/** Categories whose value is an agent's state rather than a number (docs/statistics.md). */
const AGENT_STATE_CATEGORIES = new Set(['currentstate', 'currenttargetstate']);
const AGENT_STATE_NAMES = new Set(['CurrentAgentState', 'CurrentTargetState']);

function frequencySec(raw: string | number | boolean | undefined): number {
  if (raw === undefined) return DEFAULT_FREQUENCY_SEC;
  const parsed = typeof raw === 'number' ? raw : Number(raw);
  return Number.isFinite(parsed) ? parsed : DEFAULT_FREQUENCY_SEC;
}

/** The notification period of a statistic in ms, or undefined when it is notified on change only. */
export function notificationPeriodMs(spec: EngageSpec): number | undefined {
  const { statistic } = spec;
  if (typeof statistic === 'string') {
    return PRECONFIGURED_PERIOD_MS.has(statistic) ? PRECONFIGURED_PERIOD_MS.get(statistic) : DEFAULT_FREQUENCY_SEC * 1000;
  }
  // The mock (and Stat Server) treat a definition without a mode as Periodical.
  const mode = String(statistic.notificationMode ?? 'Periodical').toLowerCase();
  if (mode !== 'periodical') return undefined;
  const seconds = frequencySec(statistic.notificationFrequency);
  return seconds > 0 ? seconds * 1000 : undefined;
}

/** Whether the statistic's value is an agent state (a status name), not a number. */
export function isAgentStateSpec(spec: EngageSpec): boolean {
  const { statistic } = spec;
  if (typeof statistic === 'string') return AGENT_STATE_NAMES.has(statistic);
  return AGENT_STATE_CATEGORIES.has(String(statistic.category ?? '').toLowerCase());
}
