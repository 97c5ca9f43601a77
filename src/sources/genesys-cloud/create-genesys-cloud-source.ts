import type { SourceSink, StatSource } from '../stat-source.ts';
import type { StatSpec } from '../stat-spec.ts';
import { createAgentStore } from './gc-agent-store.ts';
import { createConnectionStatus } from './gc-connection-status.ts';
import { createEmitter } from './gc-emitter.ts';
import { guardedSink } from './gc-guarded-sink.ts';
import { localTimeZone } from './gc-midnight.ts';
import { createQueueStore } from './gc-queue-store.ts';
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
  /** No frame or heartbeat for this long and a socket is taken for dead (the platform's heartbeats come every 30 s). */
  readonly silenceMs?: number;
  readonly maxTopicsPerChannel?: number;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;
export const DEFAULT_SILENCE_MS = 75_000;
const CONNECT_TIMEOUT_MS = 20_000;

/**
 * The Genesys Cloud source (docs/vendors/genesys-cloud.md "The Genesys Cloud source in the app"):
 * push first — queue observations and users' routing status over notification channels — with
 * queries to start from, to catch up after a reconnect, to poll while the sockets are down, and
 * for today's totals; everything parsed at the edge, a missing metric unknown, never 0.
 */
export function createGenesysCloudSource(deps: GenesysCloudSourceDeps): StatSource {
  let stopped = false;
  const sink = guardedSink(deps.sink, () => stopped);
  const timers = deps.timers ?? globalGcTimers;
  const clock = createServerClock(() => timers.now());
  const book = createWatchBook();
  const queues = createQueueStore();
  const agents = createAgentStore();
  let session: Session | undefined;
  const status = createConnectionStatus(sink, () => session);
  const emitter = createEmitter(sink, book, { queues, agents, totals: () => session?.totals }, clock);
  let started = false;
  let lastActivity = 0;
  let unsubscribeToken: (() => void) | undefined;

  function giveUp(reason: string): void {
    if (stopped || !status.giveUp(reason)) return;
    const ending = session;
    session = undefined;
    void ending?.stop();
  }

  function openSession(): void {
    status.restart();
    session = createSession({
      api: {
        authorizedFetch: deps.authorizedFetch,
        getAccessToken: deps.getAccessToken,
        handleUnauthorized: deps.handleUnauthorized,
        timeoutMs: deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      },
      sink,
      book,
      emitter,
      clock,
      timers,
      random: deps.random ?? Math.random,
      queues,
      agents,
      status,
      openSocket: deps.openSocket ?? createBrowserSocket,
      timeZone: deps.timeZone ?? localTimeZone(),
      silenceMs: deps.silenceMs ?? DEFAULT_SILENCE_MS,
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
      maxTopicsPerChannel: deps.maxTopicsPerChannel ?? MAX_TOPICS_PER_CHANNEL,
      alive: () => {
        lastActivity = timers.now();
      },
      unauthorized: giveUp,
    });
    status.publish();
    session.watchChanged(book.all());
  }

  function onToken(token: string | null): void {
    if (token === null) return giveUp('Signed out');
    if (stopped || !status.unauthorized()) return;
    // A new token after giving up: start over, refusals included.
    book.clearRefusals();
    openSession();
  }

  const ours = (specs: readonly StatSpec[]): readonly StatSpec[] => (deps.sourceId === undefined ? specs : specs.filter((s) => s.source === deps.sourceId));

  return {
    watch(specs) {
      if (stopped) return;
      const change = book.want(ours(specs));
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
      unsubscribeToken = deps.onTokenChange((next) => {
        Promise.resolve(next === undefined ? deps.getAccessToken() : next).then(onToken, () => undefined);
      });
      openSession();
    },
    reconnect(reason) {
      if (!started || stopped || !session) return;
      book.clearRefusals();
      session.reconnect();
      status.publish(reason);
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
