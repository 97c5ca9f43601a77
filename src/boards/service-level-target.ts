import type { StatDefinitionSpec } from '../sources/stat-spec.ts';

/**
 * Per-queue service-level targets (issue 8): a tile asks for its own answer-time threshold by
 * subscribing to the service-level statistic's definition with `timeRangeRight` changed, as an
 * inline `definition` (API-CONTRACT §2.3), rather than showing the default under another label.
 *
 * The definitions are known here, not read from the server: the Statistics API v3 has no call that
 * returns a pre-configured statistic's definition (statistics.yaml stays on the server), and the
 * app's catalog queries list objects (queues, skills, agents), not statistics. So the app knows
 * them from the documents: 002's sample statistics.yaml, which the mock serves as it is
 * (mock-server/stats/statistics.yaml, API-CONTRACT §8.1). Knowing them statically also lets a board
 * with a target on any other statistic be refused when it is read, naming the field.
 */

export const SERVICE_LEVEL_SECONDS_MIN = 1;
/** An hour: a longer answer-time target is not a service level anyone runs a floor by. */
export const SERVICE_LEVEL_SECONDS_MAX = 3600;

/**
 * ServiceLevel of QUEUE and SKILL_Q (002 sample statistics.yaml rows 24–25, the same for both):
 * calls answered within [0, 120] s ÷ (answered + abandoned after 10 s), hourly growing window,
 * notified every 10 s. `timeRangeRight` is the answer-time threshold a target replaces.
 */
const SERVICE_LEVEL: StatDefinitionSpec = {
  category: 'ServiceFactor1',
  subject: 'DNAction',
  intervalType: 'GrowingWindow',
  dynamicTimeProfile: '0:00+1:00',
  timeRangeLeft: 0,
  timeRangeRight: 120,
  timeRangeLeft2: 0,
  timeRangeRight2: 10,
  notificationMode: 'Periodical',
  notificationFrequency: 10,
};

/** Service-level statistics by name, with their catalog definitions. */
const SERVICE_LEVEL_DEFINITIONS: ReadonlyMap<string, StatDefinitionSpec> = new Map([['ServiceLevel', SERVICE_LEVEL]]);

/** ServiceLevel exists for QUEUE and SKILL_Q only (API-CONTRACT §3.4), both `Queue` on the v3 wire. */
const SERVICE_LEVEL_OBJECT_TYPE = 'Queue';

/** Why a target cannot be set on this statistic of this object type, or undefined when it can. */
export function serviceLevelTargetProblem(statistic: string, objectType: string): string | undefined {
  if (!SERVICE_LEVEL_DEFINITIONS.has(statistic)) {
    return `only a service-level statistic (${[...SERVICE_LEVEL_DEFINITIONS.keys()].join(', ')}) takes an answer-time target, not "${statistic}"`;
  }
  if (objectType !== SERVICE_LEVEL_OBJECT_TYPE) return `a service level is defined for a Queue (a queue or a skill's virtual queue), not for ${objectType}`;
  return undefined;
}

/** The statistic's catalog definition with its answer-time range ending at `seconds`; undefined for any other statistic. */
export function serviceLevelDefinition(statistic: string, seconds: number): StatDefinitionSpec | undefined {
  const definition = SERVICE_LEVEL_DEFINITIONS.get(statistic);
  return definition ? { ...definition, timeRangeRight: seconds } : undefined;
}

/** The target in words, for a tile's caption or heading. */
export function serviceLevelTargetText(seconds: number): string {
  return `answered within ${seconds} s`;
}
