import type { ChannelStore } from './channel-store.ts';
import { eventFrame } from './socket-frames.ts';
import { changedMetrics, type FloorReader, type TopicMetric, type TopicRoutingStatus } from './topic-metrics.ts';
import { queueObservationsTopic, targetOf, userRoutingStatusTopic, type TopicIds } from './topic-names.ts';

export interface PublisherContext {
  readonly store: ChannelStore;
  readonly ids: TopicIds;
  readonly floor: FloorReader;
  readonly simNow: () => number;
  readonly realNow: () => number;
  /** Real ms between two messages of one queue's observations topic at least. */
  readonly minPublishIntervalMs: number;
}

export interface TopicPublisher {
  /** The simulation moved (a batch of its events): publish what changed. */
  simulationChanged(): void;
  /** These topics gained their first subscriber: what they show now is the base later changes are told against. */
  subscribed(topics: readonly string[]): void;
  stop(): void;
}

interface QueueTopicState {
  last: readonly TopicMetric[];
  /** The current interval's aggregates as last told (interval start and metrics), to send them only when they change. */
  lastAggregates: string;
  lastSentAt: number;
  timer?: ReturnType<typeof setTimeout>;
}

/** The platform's observation topics carry the aggregates of the current half hour. */
const HALF_HOUR_MS = 30 * 60_000;

/**
 * Publishes `v2.analytics.queues.{id}.observations` (on change, at most once per interval per
 * queue: changes in between are coalesced into one message) and `v2.users.{id}.routingStatus`
 * (on change, looked at after every batch of simulation events). Nothing changes while the
 * simulated clock stands still, so nothing is sent then.
 */
export function createTopicPublisher(context: PublisherContext): TopicPublisher {
  const queues = new Map<string, QueueTopicState>();
  const users = new Map<string, TopicRoutingStatus>();

  const deliver = (topic: string, body: unknown): void => {
    const frame = eventFrame(topic, body);
    for (const channel of context.store.subscribers(topic)) for (const connection of channel.connections) connection.send(frame);
  };

  const currentAggregates = (queueId: string): { interval: string; metrics: readonly TopicMetric[]; key: string } => {
    const start = Math.floor(context.simNow() / HALF_HOUR_MS) * HALF_HOUR_MS;
    const metrics = context.floor.intervalMetrics(start, start + HALF_HOUR_MS).get(queueId) ?? [];
    const interval = `${new Date(start).toISOString()}/${new Date(start + HALF_HOUR_MS).toISOString()}`;
    return { interval, metrics, key: `${interval} ${JSON.stringify(metrics)}` };
  };

  const flushQueue = (queueId: string): void => {
    const state = queues.get(queueId);
    if (!state) return;
    state.timer = undefined;
    const topic = queueObservationsTopic(context.ids.queueToVendor(queueId));
    if (context.store.subscribers(topic).length === 0) {
      queues.delete(queueId);
      return;
    }
    const current = context.floor.queueMetrics([queueId]).get(queueId) ?? [];
    const changed = changedMetrics(state.last, current);
    state.last = current;
    const aggregates = currentAggregates(queueId);
    const aggregatesChanged = aggregates.metrics.length > 0 && aggregates.key !== state.lastAggregates;
    state.lastAggregates = aggregates.key;
    if (changed.length === 0 && !aggregatesChanged) return;
    const at = new Date(context.simNow()).toISOString();
    const data = [
      ...(changed.length > 0 ? [{ interval: `${at}/${at}`, metrics: changed }] : []),
      ...(aggregatesChanged ? [{ interval: aggregates.interval, metrics: aggregates.metrics }] : []),
    ];
    deliver(topic, { group: { queueId: context.ids.queueToVendor(queueId), mediaType: 'voice' }, data });
    state.lastSentAt = context.realNow();
  };

  const scheduleQueue = (state: QueueTopicState, queueId: string): void => {
    if (state.timer) return;
    const wait = Math.max(0, state.lastSentAt + context.minPublishIntervalMs - context.realNow());
    state.timer = setTimeout(() => flushQueue(queueId), wait);
  };

  const publishUsers = (agentIds: readonly string[]): void => {
    const statuses = context.floor.routingStatuses(agentIds);
    for (const agentId of agentIds) {
      const topic = userRoutingStatusTopic(context.ids.agentToVendor(agentId));
      const next = statuses.get(agentId);
      if (!next || context.store.subscribers(topic).length === 0) {
        users.delete(agentId);
        continue;
      }
      const last = users.get(agentId);
      users.set(agentId, next);
      if (last?.status !== next.status || last.startTime !== next.startTime) deliver(topic, { routingStatus: next });
    }
  };

  return {
    simulationChanged() {
      // The maps hold exactly the subscribed topics (a topic that lost its last subscriber leaves at its next look).
      for (const [queueId, state] of queues) scheduleQueue(state, queueId);
      if (users.size > 0) publishUsers([...users.keys()]);
    },
    subscribed(topics) {
      const newQueues: string[] = [];
      const newAgents: string[] = [];
      for (const topic of topics) {
        const target = targetOf(topic, context.ids);
        if (target?.kind === 'queueObservations' && !queues.has(target.queueId)) newQueues.push(target.queueId);
        if (target?.kind === 'userRoutingStatus' && !users.has(target.agentId)) newAgents.push(target.agentId);
      }
      const metrics = newQueues.length > 0 ? context.floor.queueMetrics(newQueues) : new Map<string, readonly TopicMetric[]>();
      for (const id of newQueues) {
        queues.set(id, { last: metrics.get(id) ?? [], lastAggregates: currentAggregates(id).key, lastSentAt: Number.NEGATIVE_INFINITY });
      }
      const statuses = newAgents.length > 0 ? context.floor.routingStatuses(newAgents) : new Map<string, TopicRoutingStatus>();
      for (const [id, status] of statuses) users.set(id, status);
    },
    stop() {
      for (const state of queues.values()) if (state.timer) clearTimeout(state.timer);
      queues.clear();
      users.clear();
    },
  };
}
