import type { AgentStore } from './gc-agent-store.ts';
import { createAgentsFeed } from './gc-agents-feed.ts';
import { createAggregatesFeed } from './gc-aggregates-feed.ts';
import { createChannelPool, type PoolState } from './gc-channel-pool.ts';
import { createClockFeed } from './gc-clock-feed.ts';
import type { FeedContext } from './gc-feed-context.ts';
import { queueObservationsTopic, userRoutingStatusTopic, type GcFrame } from './gc-frames.ts';
import { createObservationsFeed } from './gc-observations-feed.ts';
import type { QueueStore } from './gc-queue-store.ts';
import type { GcSocketFactory } from './gc-socket-link.ts';
import type { TopicRefusal } from './gc-channel-api.ts';
import type { QueueTotals } from './gc-aggregates.ts';
import type { Watched } from './gc-watch-book.ts';

export interface SessionDeps {
  readonly context: FeedContext;
  readonly queues: QueueStore;
  readonly agents: AgentStore;
  readonly openSocket: GcSocketFactory;
  readonly timeZone: string;
  readonly silenceMs: number;
  readonly connectTimeoutMs: number;
  readonly maxTopicsPerChannel: number;
  /** Frames and socket ups and downs: the source recomputes its connection state. */
  readonly onActivity: () => void;
  readonly onStateChanged: () => void;
  readonly onFrameDropped: (reason: string, count: number) => void;
}

/** One signed-in run of the source: its channels and feeds. A new token after giving up starts a new one. */
export interface Session {
  readonly totals: ReadonlyMap<string, QueueTotals>;
  /** The watched set changed: topics follow, what is known is sent, new objects are read soon. */
  watchChanged(added: readonly Watched[]): void;
  poolState(): PoolState;
  /** Some topic is wanted (queues with observations, agents, skills with members): the connection is its sockets. */
  wantsPush(): boolean;
  lastFrameAt(): number;
  reconnect(): void;
  stop(): Promise<void>;
}

export function createSession(deps: SessionDeps): Session {
  const { context } = deps;
  let ready = false;
  const observations = createObservationsFeed(context, deps.queues);
  const aggregates = createAggregatesFeed(context, deps.timeZone);
  const agents = createAgentsFeed(context, deps.agents, () => syncTopics());

  function topics(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [id, spelled] of context.book.objects('observations', 'queue')) out.set(queueObservationsTopic(id), queueObservationsTopic(spelled));
    for (const [id, spelled] of agents.users()) out.set(userRoutingStatusTopic(id).toLowerCase(), userRoutingStatusTopic(spelled));
    return out;
  }

  function refused(refusals: readonly TopicRefusal[]): void {
    const byTopic = new Map([...topics()].map(([lower, spelled]) => [spelled, lower]));
    for (const { topic, reason } of refusals) {
      const lower = byTopic.get(topic) ?? topic.toLowerCase();
      const queue = /^v2\.analytics\.queues\.(.+)\.observations$/.exec(lower)?.[1];
      const user = /^v2\.users\.(.+)\.routingstatus$/.exec(lower)?.[1];
      if (queue !== undefined) context.refuse(context.book.of('observations', queue), reason);
      if (user !== undefined) context.refuse(context.book.of('agents', user).filter((w) => w.spec.kind === 'agent'), reason);
    }
  }

  function frame(parsed: GcFrame): void {
    deps.onActivity();
    if (parsed.kind === 'invalid') deps.onFrameDropped(parsed.reason, 1);
    else if (parsed.kind === 'queue-observations') {
      if (parsed.bad > 0) deps.onFrameDropped('Genesys Cloud observations metric does not parse', parsed.bad);
      observations.event(parsed.queueId, parsed.mediaType, parsed.metrics);
    } else if (parsed.kind === 'routing-status') agents.event(parsed.userId, parsed.routingStatus);
  }

  const pool = createChannelPool(
    {
      http: context.http,
      openSocket: deps.openSocket,
      timers: context.timers,
      random: context.random,
      clock: context.clock,
      silenceMs: deps.silenceMs,
      connectTimeoutMs: deps.connectTimeoutMs,
      events: {
        frame,
        up() {
          // Whatever changed while the sockets were down was not pushed: read it all.
          observations.soon();
          agents.soonStates();
        },
        subscribed(added) {
          if (added.some((t) => t.startsWith('v2.analytics.'))) observations.soon();
          if (added.some((t) => t.startsWith('v2.users.'))) agents.soonStates();
        },
        stateChanged() {
          observations.reschedule();
          agents.reschedule();
          deps.onStateChanged();
        },
        refused,
        unauthorized: (message) => context.unauthorized(message),
      },
    },
    deps.maxTopicsPerChannel,
  );

  function syncTopics(): void {
    if (ready) pool.setTopics(topics().values());
  }

  const clock = createClockFeed(context, () => {
    ready = true;
    syncTopics();
    observations.soon();
    aggregates.soon();
    agents.soonMembership();
    agents.soonStates();
  });
  clock.soon();

  return {
    totals: aggregates.totals,
    watchChanged(added) {
      for (const id of deps.queues.ids()) if (context.book.of('observations', id).length === 0) deps.queues.forget(id);
      const users = agents.users();
      deps.agents.retain((id) => users.has(id));
      syncTopics();
      if (!ready) return;
      context.emitter.emit(added, true);
      if (added.some((w) => w.feed === 'aggregates')) aggregates.soon();
      if (added.some((w) => w.spec.kind === 'skill')) agents.soonMembership();
      // A new queue or user is read once its topic is subscribed; while the sockets are down, now.
      if (pool.state() !== 'open') {
        if (added.some((w) => w.feed === 'observations' && deps.queues.get(w.id) === undefined)) observations.soon();
        if (added.some((w) => w.spec.kind === 'agent' && deps.agents.agentValue(w.id) === undefined)) agents.soonStates();
      }
    },
    poolState: () => pool.state(),
    // Before the first reads it is not yet known which topics there will be (a skill's members).
    wantsPush: () => (ready ? topics().size > 0 || agents.membersPending() : context.book.all().some((w) => w.feed !== 'aggregates')),
    lastFrameAt: () => pool.lastFrameAt(),
    reconnect() {
      observations.resume();
      aggregates.resume();
      agents.resume();
      pool.reconnect();
      if (pool.state() === 'idle') observations.soon();
    },
    async stop() {
      clock.stop();
      observations.stop();
      aggregates.stop();
      agents.stop();
      await pool.stop();
    },
  };
}
