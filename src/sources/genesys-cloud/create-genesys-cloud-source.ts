import type { ConnectionState, SourceSink, StatSource } from '../stat-source.ts';
import type { StatSpec } from '../stat-spec.ts';
import { createAgentStore } from './gc-agent-store.ts';
import { createEmitter } from './gc-emitter.ts';
import type { FeedContext } from './gc-feed-context.ts';
import { createGcHttp } from './gc-http.ts';
import { localTimeZone } from './gc-midnight.ts';
import { createQueueStore } from './gc-queue-store.ts';
import { createRequestGate } from './gc-request-gate.ts';
import { createServerClock } from './gc-server-clock.ts';
import { createSession, type Session } from './gc-session.ts';
import { createBrowserSocket, type GcSocketFactory } from './gc-socket-link.ts';
import { globalGcTimers, type GcTimers } from './gc-timers.ts';
import { MAX_TOPICS_PER_CHANNEL } from './gc-topic-plan.ts';
import { createWatchBook } from './gc-watch-book.ts';

export interface GenesysCloudSourceDeps {
  /** fetch against the API root with the bearer; on 401 refreshes once and retries, then resolves with the 401. */
  readonly authorizedFetch: (input: string, init?: RequestInit) => Promise<Response>;
  readonly getAccessToken: () => Promise<string | null> | string | null;
  readonly onTokenChange: (listener: (token: string | null | undefined) => void) => () => void;
  readonly handleUnauthorized: (rejectedToken: string) => Promise<boolean>;
  readonly sink: SourceSink;
  /** The source id of the runtime configuration: specs of other sources are ignored. Undefined: all. */
  readonly sourceId?: string;
  /** The browser's WebSocket by default; Node tests pass one over `ws`. */
  readonly openSocket?: GcSocketFactory;
  readonly timers?: GcTimers;
  readonly random?: () => number;
  /** Where "today" starts for the totals: the org's IANA time zone (default: the browser's). */
  readonly timeZone?: string;
  readonly requestTimeoutMs?: number;
  /** No frame or heartbeat for this long and a socket is taken for dead (platform heartbeats come every 30 s). */
  readonly silenceMs?: number;
  readonly maxTopicsPerChannel?: number;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;
const DEFAULT_SILENCE_MS = 75_000;
const CONNECT_TIMEOUT_MS = 20_000;

/** Answers still on their way when the source stops are not passed on. */
function untilStopped(sink: SourceSink, stopped: () => boolean): SourceSink {
  return {
    updates: (batch) => {
      if (!stopped()) sink.updates(batch);
    },
    statuses: (batch) => {
      if (!stopped()) sink.statuses(batch);
    },
    connection: (state, detail) => {
      if (!stopped()) sink.connection(state, detail);
    },
    dropped: (reason, count) => {
      if (!stopped()) sink.dropped(reason, count);
    },
    forget: (keys) => {
      if (!stopped()) sink.forget(keys);
    },
  };
}

/**
 * The Genesys Cloud source (docs/vendors/genesys-cloud.md "The Genesys Cloud source in the app"):
 * push first — queue observations and users' routing status over notification channels — with
 * queries to start from, to catch up after a reconnect, to poll while the sockets are down, and
 * for today's totals; everything parsed at the edge, a missing metric unknown, never 0.
 */
export function createGenesysCloudSource(deps: GenesysCloudSourceDeps): StatSource {
  let stopped = false;
  const sink = untilStopped(deps.sink, () => stopped);
  const timers = deps.timers ?? globalGcTimers;
  const random = deps.random ?? Math.random;
  const clock = createServerClock(() => timers.now());
  const book = createWatchBook();
  const queues = createQueueStore();
  const agents = createAgentStore();
  let totals: Session['totals'] = new Map();
  const emitter = createEmitter(
    sink,
    book,
    {
      queues,
      agents,
      get totals() {
        return totals;
      },
    },
    clock,
  );

  let started = false;
  let unauthorized: string | undefined;
  let everLive = false;
  let answeredOnce = false;
  let lastFailureStatus: number | undefined;
  let published: ConnectionState | undefined;
  let lastActivity = 0;
  let session: Session | undefined;
  let unsubscribeToken: (() => void) | undefined;

  /**
   * live: the sockets push (or nothing needs pushing and the REST API answers). A socket that was
   * open and is lost makes it reconnecting (unavailable while the API answers 5xx); a channel
   * still being set up for new topics does not undo live.
   */
  function connectionState(): ConnectionState {
    if (unauthorized !== undefined) return 'unauthorized';
    if (!session) return 'connecting';
    if (!session.wantsPush()) return answeredOnce ? 'live' : everLive ? 'reconnecting' : 'connecting';
    const pool = session.poolState();
    if (pool === 'open') return 'live';
    if (pool === 'down') return lastFailureStatus !== undefined && lastFailureStatus >= 500 ? 'unavailable' : 'reconnecting';
    return everLive ? 'live' : 'connecting';
  }

  function publish(detail?: string): void {
    if (stopped) return;
    const state = connectionState();
    if (state === 'live') everLive = true;
    if (state === published) return;
    published = state;
    sink.connection(state, state === 'unauthorized' ? unauthorized : detail);
  }

  const activity = (): void => {
    lastActivity = timers.now();
  };

  function giveUp(reason: string): void {
    if (stopped || unauthorized !== undefined) return;
    unauthorized = reason;
    publish();
    const ending = session;
    session = undefined;
    void ending?.stop();
  }

  function openSession(): void {
    everLive = false;
    answeredOnce = false;
    const gate = createRequestGate(timers, random);
    const http = createGcHttp({
      authorizedFetch: deps.authorizedFetch,
      getAccessToken: deps.getAccessToken,
      handleUnauthorized: deps.handleUnauthorized,
      gate,
      timers,
      dropped: (reason) => sink.dropped(reason),
      timeoutMs: deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    });
    const context: FeedContext = {
      http,
      clock,
      timers,
      random,
      book,
      emitter,
      refuse(watched, reason) {
        const keys = book.refuse(watched.map((w) => w.key), reason);
        if (keys.length > 0) sink.statuses(keys.map((key) => ({ key, status: 'error', reason })));
      },
      dropped: (reason, count) => sink.dropped(reason, count),
      answered() {
        activity();
        answeredOnce = true;
        lastFailureStatus = undefined;
        publish();
      },
      failed(failure) {
        lastFailureStatus = failure.kind === 'transient' ? failure.status : undefined;
        publish();
      },
      unauthorized: giveUp,
      pushing: () => session?.poolState() === 'open',
    };
    const opened = createSession({
      context,
      queues,
      agents,
      openSocket: deps.openSocket ?? createBrowserSocket,
      timeZone: deps.timeZone ?? localTimeZone(),
      silenceMs: deps.silenceMs ?? DEFAULT_SILENCE_MS,
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
      maxTopicsPerChannel: deps.maxTopicsPerChannel ?? MAX_TOPICS_PER_CHANNEL,
      onActivity: activity,
      onStateChanged: () => publish(),
      onFrameDropped: (reason, count) => sink.dropped(reason, count),
    });
    session = {
      ...opened,
      async stop() {
        await opened.stop();
        gate.close();
      },
    };
    totals = session.totals;
    session.watchChanged(book.all());
  }

  function filter(specs: readonly StatSpec[]): readonly StatSpec[] {
    return deps.sourceId === undefined ? specs : specs.filter((s) => s.source === deps.sourceId);
  }

  return {
    watch(specs) {
      if (stopped) return;
      const change = book.want(filter(specs));
      // At once: a board shown again must start from `loading`, never paint old values as live.
      if (change.removed.length > 0) {
        sink.forget(change.removed);
        emitter.forget(change.removed);
      }
      const statuses = [
        ...change.unsupported.map(({ key, reason }) => ({ key, status: 'error' as const, reason })),
        ...change.added.map((w) => ({ key: w.key, status: 'loading' as const })),
      ];
      if (statuses.length > 0) sink.statuses(statuses);
      if (change.added.length > 0 || change.removed.length > 0) session?.watchChanged(change.added);
    },
    start() {
      if (started || stopped) return;
      started = true;
      publish();
      unsubscribeToken = deps.onTokenChange((next) => {
        Promise.resolve(next === undefined ? deps.getAccessToken() : next).then(
          (token) => {
            if (token === null) return giveUp('Signed out');
            if (unauthorized === undefined || stopped) return;
            // A new token after giving up: start over.
            unauthorized = undefined;
            book.clearRefusals();
            publish();
            openSession();
          },
          () => undefined,
        );
      });
      openSession();
    },
    reconnect(reason) {
      if (!started || stopped || !session) return;
      book.clearRefusals();
      session.reconnect();
      publish(reason);
    },
    lastActivityAt: () => Math.max(lastActivity, session?.lastFrameAt() ?? 0),
    async stop() {
      if (stopped) return;
      stopped = true;
      unsubscribeToken?.();
      const ending = session;
      session = undefined;
      await ending?.stop();
    },
  };
}
