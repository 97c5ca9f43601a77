import type { GenesysCloudState } from '../gc-activity.ts';
import { AGGREGATE_METRICS, aggregateConversations } from '../gc-aggregates.ts';
import { QUEUE_OBSERVATION_METRICS, queueObservations, userRoutingStatus, type ObservationMetricData } from '../gc-floor.ts';

/** One metric of the observations topic (`StatEventQueueTopicMetricStats`): `stats` is a plain map of numbers. */
export interface TopicMetric {
  readonly metric: string;
  readonly qualifier?: string;
  readonly stats: Readonly<Record<string, number>>;
}

export interface TopicRoutingStatus {
  readonly status: string;
  readonly startTime: string;
}

/** What the publisher reads of the floor, for many objects at one instant (one snapshot). */
export interface FloorReader {
  queueMetrics(queueSimIds: readonly string[]): ReadonlyMap<string, readonly TopicMetric[]>;
  /** Conversation aggregates of each queue over [start, end), by the simulation's queue id; none if nothing happened. */
  intervalMetrics(start: number, end: number): ReadonlyMap<string, readonly TopicMetric[]>;
  routingStatuses(agentSimIds: readonly string[]): ReadonlyMap<string, TopicRoutingStatus>;
}

const toTopicMetric = (datum: ObservationMetricData): TopicMetric => {
  const stats = Object.fromEntries(Object.entries(datum.stats).filter((e): e is [string, number] => typeof e[1] === 'number'));
  return datum.qualifier === undefined ? { metric: datum.metric, stats } : { metric: datum.metric, qualifier: datum.qualifier, stats };
};

/** Reads through gc-floor.ts and gc-aggregates.ts, so a topic says what the REST queries say. */
export function gcFloorReader(state: GenesysCloudState): FloorReader {
  const floor = (): ReturnType<GenesysCloudState['floor']> => state.floor();
  return {
    queueMetrics(queueSimIds) {
      const now = floor();
      return new Map(queueSimIds.map((id) => [id, queueObservations(now, id, QUEUE_OBSERVATION_METRICS).map(toTopicMetric)]));
    },
    routingStatuses(agentSimIds) {
      const now = floor();
      return new Map(
        agentSimIds.flatMap((id) => {
          const status = userRoutingStatus(now, id);
          return status ? [[id, { status: status.status, startTime: status.startTime }] as const] : [];
        }),
      );
    },
    intervalMetrics(start, end) {
      const results = aggregateConversations(
        state.history.records(),
        { start, end, groupBy: ['queueId'], metrics: AGGREGATE_METRICS },
        (call) => ({ queueId: call.queueId }),
      );
      return new Map(results.flatMap((r) => (r.group.queueId === undefined ? [] : [[r.group.queueId, r.data.flatMap((d) => d.metrics)] as const])));
    },
  };
}

const keyOf = (m: TopicMetric): string => `${m.metric}|${m.qualifier ?? ''}`;

const sameStats = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

/**
 * The metrics whose value changed, as the platform publishes them: only what changed (a real
 * message after a caller hung up carried just `oAlerting` and `oWaiting`). A datum that went away
 * (its qualifier no longer present, no call waiting any more) comes with its count 0, or with no
 * stats when it had no count (`oLongestWaiting`).
 */
export function changedMetrics(previous: readonly TopicMetric[], current: readonly TopicMetric[]): TopicMetric[] {
  const before = new Map(previous.map((m) => [keyOf(m), m]));
  const now = new Set(current.map(keyOf));
  const changed = current.filter((m) => {
    const old = before.get(keyOf(m));
    return old === undefined || !sameStats(old.stats, m.stats);
  });
  const gone = previous
    .filter((m) => !now.has(keyOf(m)))
    .map((m): TopicMetric => ({ ...m, stats: 'count' in m.stats ? { count: 0 } : {} }));
  return [...changed, ...gone];
}
