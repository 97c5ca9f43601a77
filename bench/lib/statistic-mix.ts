import type { StatisticRequest } from './mock-api.ts';

/** A pre-configured statistic on one object, without the client-chosen statisticId. */
export interface StatisticTarget {
  readonly name: string;
  readonly objectType: string;
  readonly objectId: string;
  /** Periodical (every 10 s) rather than sent on change; only these have a predictable update count. */
  readonly periodical: boolean;
}

/** The mock's contact center (default config): objects and the names pre-configured for each type. */
const QUEUES = ['sales', 'support', 'billing', 'technical', 'vip', 'retention'];
const GROUPS = ['sales', 'support', 'billing', 'tech', 'retention', 'team-north', 'team-south', 'team-east', 'team-west'];
const AGENTS = Array.from({ length: 40 }, (_, i) => `agent-${String(i + 1).padStart(2, '0')}`);
const QUEUE_NAMES = ['ServiceLevel', 'Current_In_Queue', 'CurrMaxCallWaitingTime', 'Total_Answered', 'Total_Abandoned', 'AverageWaitingTime'];
const GROUP_NAMES = ['CurrentReadyAgents', 'CurrentNotReadyAgents', 'CurrNumberInCall', 'CurrentNumberLoggedInAgents', 'LongestIdleTime', 'AverageHandlingTime'];
const AGENT_NAMES = ['CurrentAgentState', 'AverageHandlingTime', 'Productivity', 'InboundCalls', 'ReadyDuration', 'WrapDuration', 'TalkDuration', 'TimeInCurrentState'];
/** Sent on every change of the agent's state instead of every period. */
const CHANGE_BASED = new Set(['CurrentAgentState']);

function targetsOf(objectType: string, names: readonly string[], ids: readonly string[]): StatisticTarget[] {
  // Name-major inside each object list, so consecutive picks vary the name as a wallboard's tiles do.
  return ids.flatMap((objectId) => names.map((name) => ({ name, objectType, objectId, periodical: !CHANGE_BASED.has(name) })));
}

const BY_TYPE: readonly (readonly StatisticTarget[])[] = [
  targetsOf('Queue', QUEUE_NAMES, QUEUES),
  targetsOf('GroupAgents', GROUP_NAMES, GROUPS),
  targetsOf('Agent', AGENT_NAMES, AGENTS),
];

/**
 * The i-th statistic of a session: queue, group and agent statistics in turn, each list walked
 * round-robin. Sessions start at different offsets so they do not all watch the same few values;
 * past 410 distinct targets the same (name, object) repeats under new statisticIds, as on a
 * wallboard with many tiles.
 */
export function statisticTarget(sessionIndex: number, i: number): StatisticTarget {
  const slot = sessionIndex * 37 + i;
  const list = BY_TYPE[slot % BY_TYPE.length] as readonly StatisticTarget[];
  return list[Math.floor(slot / BY_TYPE.length) % list.length] as StatisticTarget;
}

export function statisticRequest(target: StatisticTarget, statisticId: string): StatisticRequest {
  return { statisticId, objectType: target.objectType, objectId: target.objectId, name: target.name };
}
