import type { EngageDefinition } from './engage-spec.ts';

/**
 * Answer-time targets on Genesys Engage: a tile asks for its own threshold by subscribing to the
 * service level's definition with `timeRangeRight` changed, as an inline `definition`
 * (docs/vendors/genesys-engage.md "Statistics API v3"), rather than showing the default under
 * another label. The Statistics API v3 cannot return a pre-configured statistic's definition, so
 * the definition is known here: the documents' sample statistics.yaml, which the mock serves as is.
 *
 * ServiceLevel of QUEUE and SKILL_Q (the same for both): calls answered within [0, 120] s ÷
 * (answered + abandoned after 10 s), hourly growing window, notified every 10 s.
 */
const SERVICE_LEVEL: EngageDefinition = {
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

const DEFINITIONS: ReadonlyMap<string, EngageDefinition> = new Map([['ServiceLevel', SERVICE_LEVEL]]);

/** The statistic's definition with its answer-time range ending at `seconds`; undefined for any statistic that has none. */
export function answerTimeTargetDefinition(statistic: string, seconds: number): EngageDefinition | undefined {
  const definition = DEFINITIONS.get(statistic);
  return definition ? { ...definition, timeRangeRight: seconds } : undefined;
}
