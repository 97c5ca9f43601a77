import type { SourceSink } from '../stat-source.ts';
import type { AgentStore } from './gc-agent-store.ts';
import { createAgentsFeed } from './gc-agents-feed.ts';
import type { QueueTotals } from './gc-aggregates.ts';
import { createAggregatesFeed } from './gc-aggregates-feed.ts';
import { createChannelPool, type PoolState } from './gc-channel-pool.ts';
import { createClockFeed } from './gc-clock-feed.ts';
import type { ConnectionStatus } from './gc-connection-status.ts';
import type { Emitter } from './gc-emitter.ts';
import type { FeedContext } from './gc-feed-context.ts';
import type { GcFrame } from './gc-frames.ts';
import { createGcHttp, type GcHttpDeps } from './gc-http.ts';
import { createObservationsFeed } from './gc-observations-feed.ts';
import type { QueueStore } from './gc-queue-store.ts';
import { createRequestGate } from './gc-request-gate.ts';
import type { ServerClock } from './gc-server-clock.ts';
import { refusedStatistics, wantedTopics } from './gc-session-topics.ts';
import type { GcSocketFactory } from './gc-socket-link.ts';
import type { GcTimers } from './gc-timers.ts';
import type { Watched, WatchBook } from './gc-watch-book.ts';

export interface SessionDeps {
  readonly api: Pick<GcHttpDeps, 'authorizedFetch' | 'getAccessToken' | 'handleUnauthorized' | 'timeoutMs'>;
  readonly sink: SourceSink;
  readonly book: WatchBook;
  readonly emitter: Emitter;
  readonly clock: ServerClock;
  readonly timers: GcTimers;
  readonly random: () => number;
  readonly queues: QueueStore;
  readonly agents: AgentStore;
  readonly status: ConnectionStatus;
  readonly openSocket: GcSocketFactory;
  readonly timeZone: string;
  readonly silenceMs: number;
  readonly connectTimeoutMs: number;
  readonly maxTopicsPerChannel: number;
  /** A sign of life from the server (an answer, a frame). */
  readonly alive: () => void;
  /** 401 after a re-authentication. */
  readonly unauthorized: (message: string) => void;
}

/** One signed-in run of the source: its requests, channels and feeds. A new token after giving up starts a new one. */
export interface Session {
  readonly totals: ReadonlyMap<string, QueueTotals>;
  /** The watched set changed: topics follow, what is known is sent, new objects are read soon. */
  watchChanged(added: readonly Watched[]): void;
  poolState(): PoolState;
  /** Some topic is wanted: the connection is its sockets. */
  wantsPush(): boolean;
  lastFrameAt(): number;
  reconnect(): void;
  stop(): Promise<void>;
}

export function createSession(deps: SessionDeps): Session {
  const { book, sink, status } = deps;
  const gate = createRequestGate(deps.timers, deps.random);
  let ready = false;
  const context: FeedContext = {
    http: createGcHttp({ ...deps.api, gate, timers: deps.timers, dropped: (reason) => sink.dropped(reason) }),
    clock: deps.clock,
    timers: deps.timers,
    random: deps.random,
    book,
    emitter: deps.emitter,
    refuse(watched, reason) {
      const keys = book.refuse(watched.map((w) => w.key), reason);
      if (keys.length > 0) sink.statuses(keys.map((key) => ({ key, status: 'error', reason })));
    },
    dropped: (reason, count) => sink.dropped(reason, count),
    answered() {
      deps.alive();
      status.answered();
    },
    failed: (failure) => status.failed(failure),
    unauthorized: deps.unauthorized,
    pushing: () => pool.state() === 'open',
  };
  const observations = createObservationsFeed(context, deps.queues);
  const aggregates = createAggregatesFeed(context, deps.timeZone);
  const agents = createAgentsFeed(context, deps.agents, () => syncTopics());

  function frame(parsed: GcFrame): void {
    deps.alive();
    if (parsed.kind === 'invalid') sink.dropped(parsed.reason, 1);
    else if (parsed.kind === 'queue-observations') {
      if (parsed.bad > 0) sink.dropped('Genesys Cloud observations metric does not parse', parsed.bad);
      observations.event(parsed.queueId, parsed.mediaType, parsed.metrics);
    } else if (parsed.kind === 'routing-status') agents.event(parsed.userId, parsed.routingStatus);
  }

  const pool = createChannelPool(
    {
      http: context.http,
      openSocket: deps.openSocket,
      timers: deps.timers,
      random: deps.random,
      clock: deps.clock,
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
          status.publish();
        },
        refused: (refusals) => {
          for (const refusal of refusals) context.refuse(refusedStatistics(book, refusal), refusal.reason);
        },
        failed: (failure) => status.failed(failure),
        unauthorized: deps.unauthorized,
      },
    },
    deps.maxTopicsPerChannel,
  );

  function syncTopics(): void {
    if (ready) pool.setTopics(wantedTopics(book, agents.users()).values());
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
      for (const id of deps.queues.ids()) if (book.of('observations', id).length === 0) deps.queues.forget(id);
      const users = agents.users();
      deps.agents.retain((id) => users.has(id));
      syncTopics();
      if (!ready) return;
      deps.emitter.emit(added, true);
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
    wantsPush: () => (ready ? wantedTopics(book, agents.users()).size > 0 || agents.membersPending() : book.all().some((w) => w.feed !== 'aggregates')),
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
      gate.close();
    },
  };
}
