/**
 * How the one simulated floor looks through Genesys Cloud (docs/vendors/genesys-cloud.md "What the
 * mock serves"). Pure functions over a `GcFloor`; the REST facade and the notification topics both
 * build their payloads here, so a query and a topic never disagree.
 *
 * Exports (stable):
 * - `GcFloor`: one instant of the floor. Get one from `core.genesysCloud.floor()` (gc-activity.ts).
 * - (the status mapping itself, `routingStatusOf` and `systemPresenceOf`, is in gc-status.ts)
 * - `queueMemberIds(floor, queueSimId)`: simulation ids of the queue's members (agents with its skill).
 * - `userRoutingStatus(floor, agentSimId)`: `{userId, status, startTime}` as `GET /users/{id}/routingstatus`.
 * - `userPresence(floor, agentSimId)`: `{systemPresence, since}` (ISO).
 * - `queueObservations(floor, queueSimId, metrics, detailMetrics?)`: the `data` of one
 *   `{queueId, mediaType: 'voice'}` group, as `observations/query` and the observations topic carry it.
 * - `QUEUE_OBSERVATION_METRICS`: the 11 metric names the mock accepts; `isUserMetric(metric)`: true for
 *   the user metrics, which the platform groups by `{queueId}` alone (the others by `{queueId, mediaType}`).
 * Ids in every output are Genesys Cloud UUIDs; inputs take simulation ids.
 */
import type { ContactCenterConfig, SimSnapshot } from '../../sim/sim-types.ts';
import type { VendorIdMap } from '../../vendor-ids/vendor-ids.ts';
import { observationsOfUsers, observationsOfCalls, type ObservationValue } from './gc-observation-values.ts';
import { GC_ROUTING_STATUSES, GC_SYSTEM_PRESENCES, routingStatusOf, systemPresenceOf, type GcRoutingStatus, type GcSystemPresence } from './gc-status.ts';

export const QUEUE_OBSERVATION_METRICS = [
  'oActiveUsers',
  'oAlerting',
  'oInteracting',
  'oLongestInteracting',
  'oLongestWaiting',
  'oMemberUsers',
  'oOffQueueUsers',
  'oOnQueueUsers',
  'oUserPresences',
  'oUserRoutingStatuses',
  'oWaiting',
] as const;
export type QueueObservationMetric = (typeof QUEUE_OBSERVATION_METRICS)[number];

/**
 * Metrics about users are not per media type: the platform answers them in a `{queueId}` group,
 * and the conversation metrics in one `{queueId, mediaType}` group per media type ('voice' here).
 */
const USER_METRICS: ReadonlySet<QueueObservationMetric> = new Set([
  'oActiveUsers',
  'oMemberUsers',
  'oOffQueueUsers',
  'oOnQueueUsers',
  'oUserPresences',
  'oUserRoutingStatuses',
]);
export const isUserMetric = (metric: QueueObservationMetric): boolean => USER_METRICS.has(metric);

/** The call an agent holds: ringing from `distributedAt`, connected from `answeredAt`. */
export interface AgentCall {
  readonly callId: string;
  readonly queueId: string;
  readonly distributedAt: number;
  readonly answeredAt?: number;
}

export interface GcFloor {
  readonly snapshot: SimSnapshot;
  readonly config: ContactCenterConfig;
  readonly ids: VendorIdMap;
  /** By simulation agent id: the call held while ringing, talking or wrapping up. */
  readonly agentCalls: ReadonlyMap<string, AgentCall>;
  /** By simulation agent id: when the current GC routing status began (sim epoch ms); else the snapshot's `since`. */
  readonly routingSince: ReadonlyMap<string, number>;
  /** By simulation agent id: when the current system presence began (sim epoch ms); else the snapshot's `since`. */
  readonly presenceSince: ReadonlyMap<string, number>;
}

export interface UserRoutingStatus {
  readonly userId: string;
  readonly status: GcRoutingStatus;
  readonly startTime: string;
}

export interface StatisticalSummary {
  readonly count?: number;
  readonly calculatedMetricValue?: number;
}

export interface ObservationMetricData {
  readonly metric: QueueObservationMetric;
  readonly qualifier?: string;
  readonly stats: StatisticalSummary;
  readonly truncated?: boolean;
  readonly observations?: readonly ObservationValue[];
}

type SnapshotAgent = SimSnapshot['agents'][number];

export const toIso = (ms: number): string => new Date(ms).toISOString();

function skillOfQueue(floor: GcFloor, queueSimId: string): string | undefined {
  return floor.config.queues.find((q) => q.id === queueSimId)?.skillId;
}

function membersOf(floor: GcFloor, queueSimId: string): SnapshotAgent[] {
  const skill = skillOfQueue(floor, queueSimId);
  return skill === undefined ? [] : floor.snapshot.agents.filter((a) => a.skills.includes(skill));
}

export function queueMemberIds(floor: GcFloor, queueSimId: string): readonly string[] {
  return membersOf(floor, queueSimId).map((a) => a.id);
}

/** Agents by id, built once per snapshot: a listing of 1,600 users looks each one up. */
const agentIndex = new WeakMap<SimSnapshot, ReadonlyMap<string, SnapshotAgent>>();
function agentOf(floor: GcFloor, agentSimId: string): SnapshotAgent | undefined {
  let index = agentIndex.get(floor.snapshot);
  if (!index) {
    index = new Map(floor.snapshot.agents.map((a) => [a.id, a]));
    agentIndex.set(floor.snapshot, index);
  }
  return index.get(agentSimId);
}

const routingSinceOf = (floor: GcFloor, agent: SnapshotAgent): number => floor.routingSince.get(agent.id) ?? agent.since;
const presenceSinceOf = (floor: GcFloor, agent: SnapshotAgent): number => floor.presenceSince.get(agent.id) ?? agent.since;

export function userRoutingStatus(floor: GcFloor, agentSimId: string): UserRoutingStatus | undefined {
  const agent = agentOf(floor, agentSimId);
  if (!agent) return undefined;
  return { userId: floor.ids.toVendor('agent', agent.id), status: routingStatusOf(agent.state), startTime: toIso(routingSinceOf(floor, agent)) };
}

export function userPresence(floor: GcFloor, agentSimId: string): { readonly systemPresence: GcSystemPresence; readonly since: string } | undefined {
  const agent = agentOf(floor, agentSimId);
  if (!agent) return undefined;
  return { systemPresence: systemPresenceOf(agent.state, agent.reason), since: toIso(presenceSinceOf(floor, agent)) };
}

/** One datum per qualifier present, in the enum's order. */
function qualified<Q extends string>(
  metric: QueueObservationMetric,
  order: readonly Q[],
  agents: readonly SnapshotAgent[],
  qualifierOf: (a: SnapshotAgent) => Q,
  detail: ((agents: readonly SnapshotAgent[]) => Detail) | undefined,
): ObservationMetricData[] {
  return order.flatMap((qualifier) => {
    const having = agents.filter((a) => qualifierOf(a) === qualifier);
    return having.length === 0 ? [] : [{ metric, qualifier, stats: { count: having.length }, ...detail?.(having) }];
  });
}

type Detail = Pick<ObservationMetricData, 'truncated' | 'observations'>;
interface TimedCall {
  readonly callId: string;
  readonly since: number;
  readonly agentId?: string;
}

/** The queue's conversations by state, each with the time it entered that state. */
function callsOf(floor: GcFloor, queue: SimSnapshot['queues'][number]): Record<'waiting' | 'alerting' | 'interacting', TimedCall[]> {
  const alerting: TimedCall[] = [];
  const interacting: TimedCall[] = [];
  for (const [agentId, call] of floor.agentCalls) {
    if (call.queueId !== queue.id) continue;
    if (call.answeredAt === undefined) alerting.push({ callId: call.callId, since: call.distributedAt, agentId });
    else interacting.push({ callId: call.callId, since: call.answeredAt, agentId });
  }
  return { waiting: queue.waiting.map((w) => ({ callId: w.callId, since: w.since })), alerting, interacting };
}

/**
 * The observation data of one queue (simulation id): counts for every metric asked, detail
 * observations (oldest first, truncated as the platform truncates) for those in `detailMetrics`.
 */
export function queueObservations(
  floor: GcFloor,
  queueSimId: string,
  metrics: readonly QueueObservationMetric[],
  detailMetrics: readonly QueueObservationMetric[] = [],
): ObservationMetricData[] {
  const queue = floor.snapshot.queues.find((q) => q.id === queueSimId);
  const skill = skillOfQueue(floor, queueSimId);
  if (!queue || skill === undefined) return [];
  const skillIds = [floor.ids.toVendor('skill', skill)];
  const members = membersOf(floor, queueSimId);
  const calls = callsOf(floor, queue);
  const isOnQueue = (a: SnapshotAgent): boolean => systemPresenceOf(a.state, a.reason) === 'ON_QUEUE';
  const userDetail = (sinceOf: (a: SnapshotAgent) => number) => (agents: readonly SnapshotAgent[]): Detail =>
    observationsOfUsers(agents.map((a) => ({ userId: floor.ids.toVendor('agent', a.id), since: sinceOf(a) })));
  const byRouting = userDetail((a) => routingSinceOf(floor, a));
  const byPresence = userDetail((a) => presenceSinceOf(floor, a));

  return metrics.flatMap((metric): ObservationMetricData[] => {
    const wantsDetail = detailMetrics.includes(metric);
    const ofCalls = (list: readonly TimedCall[]): ObservationMetricData[] => [
      { metric, stats: { count: list.length }, ...(wantsDetail ? observationsOfCalls(floor.ids, list, skillIds) : {}) },
    ];
    const ofUsers = (list: readonly SnapshotAgent[]): ObservationMetricData[] => [
      { metric, stats: { count: list.length }, ...(wantsDetail ? byRouting(list) : {}) },
    ];
    const detail = (d: (agents: readonly SnapshotAgent[]) => Detail): typeof d | undefined => (wantsDetail ? d : undefined);
    switch (metric) {
      case 'oWaiting':
      case 'oAlerting':
      case 'oInteracting':
        return ofCalls(calls[metric === 'oWaiting' ? 'waiting' : metric === 'oAlerting' ? 'alerting' : 'interacting']);
      case 'oLongestWaiting':
      case 'oLongestInteracting': {
        const list = calls[metric === 'oLongestWaiting' ? 'waiting' : 'interacting'];
        // The platform gives the oldest call's start as epoch ms, not a duration.
        return list.length === 0 ? [] : [{ metric, stats: { calculatedMetricValue: Math.min(...list.map((c) => c.since)) } }];
      }
      case 'oMemberUsers':
        return ofUsers(members);
      case 'oActiveUsers':
        return ofUsers(members.filter((a) => a.state !== 'LoggedOut'));
      case 'oOffQueueUsers':
        return ofUsers(members.filter((a) => a.state !== 'LoggedOut' && !isOnQueue(a)));
      case 'oOnQueueUsers':
        return qualified(metric, GC_ROUTING_STATUSES, members.filter(isOnQueue), (a) => routingStatusOf(a.state), detail(byRouting));
      case 'oUserRoutingStatuses':
        return qualified(metric, GC_ROUTING_STATUSES, members, (a) => routingStatusOf(a.state), detail(byRouting));
      case 'oUserPresences':
        return qualified(metric, GC_SYSTEM_PRESENCES, members, (a) => systemPresenceOf(a.state, a.reason), detail(byPresence));
    }
  });
}
