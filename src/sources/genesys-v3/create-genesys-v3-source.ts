import type { SourceCatalog } from '../source-definition.ts';
import type { ConnectionState, SourceSink, StatSource, SubscriptionStatus } from '../stat-source.ts';
import { applyStatisticUpdate } from './apply-statistic-update.ts';
import { createBrowserCometd, type CometdClient } from './cometd-client.ts';
import { createCometdReauth } from './cometd-reauth.ts';
import { createCometdSession, UPDATES_CHANNEL, type CometdSession } from './cometd-session.ts';
import { parseServiceState } from './notification-schemas.ts';
import { newOperationId } from './operation-id.ts';
import { createStatisticsApi } from './statistics-api.ts';
import { createSubscriptionBook } from './subscription-book.ts';
import { createSubscriptionSync } from './subscription-sync.ts';
import { globalTimers, type Timers } from './timers.ts';
import { createEngageSpecs } from './to-engage-spec.ts';

export const GENESYS_V3_SOURCE = 'genesys-v3';

/** A REST call with no answer after this long is abandoned and retried. */
const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;
/**
 * A subscription part of whose statistics left the screen is replaced by a smaller one once the
 * board and the subscription have been unchanged this long: long enough for a board to finish
 * assembling, short enough that the server soon stops computing what nobody sees.
 */
const DEFAULT_SETTLE_MS = 5000;

export interface GenesysV3SourceDeps {
  /** The source's id in the runtime configuration: only specs of this source are watched. */
  readonly sourceId?: string;
  /** What statistics.json says of each statistic (toSourceCatalog): which wire type each kind asks with. */
  readonly catalog: SourceCatalog;
  /** API origin and prefix, `''` for the same origin as the SPA (the STATISTICS_SESSIONID cookie must flow, docs/vendors/genesys-engage.md §2.1). */
  readonly baseUrl: string;
  readonly apiKey: string;
  /** The current access token; null when signed out. */
  readonly getAccessToken: () => Promise<string | null> | string | null;
  /** Called with each new access token (null once signed out; nothing: ask getAccessToken()); returns an unsubscribe. */
  readonly onTokenChange: (listener: (token: string | null | undefined) => void) => () => void;
  /**
   * fetch with x-api-key and bearer; on 401 refreshes once and retries, then resolves with the 401.
   * Rejections with `kind: 'unauthorized'` (not signed in) or `kind: 'configuration'` (API key
   * refused) are final; any other rejection is a network error and retried.
   */
  readonly authorizedFetch: (input: string, init: RequestInit) => Promise<Response>;
  readonly sink: SourceSink;
  /**
   * CometD requests do not go through authorizedFetch: when the CometD endpoint answers 401 (tokens
   * revoked) the adapter calls this once with the token it sent — true when a newer token is there
   * (refreshing once if nobody has yet), false when the refresh was refused. TokenManager's method of
   * the same name fits. Without it, the adapter asks getAccessToken() again and gives up if it did not change.
   */
  readonly handleUnauthorized?: (rejectedToken: string) => Promise<boolean>;
  readonly createCometD?: () => CometdClient;
  readonly setTimeout?: (callback: () => void, ms: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
  readonly random?: () => number;
  /** Epoch ms; only compared with itself (settle delays, the stray DELETE rate limit). */
  readonly now?: () => number;
  readonly newOperationId?: () => string;
  readonly requestTimeoutMs?: number;
  /** See DEFAULT_SETTLE_MS. */
  readonly settleMs?: number;
}

/**
 * The Genesys Statistics API v3 adapter (docs/vendors/genesys-engage.md "Statistics API v3"): one
 * CometD session, subscriptions diffed against what is on screen, values normalized for the store,
 * and the connection's ups and downs — service UNAVAILABLE/AVAILABLE, lost sessions, failing REST,
 * revoked tokens — turned into statuses the wallboard shows instead of wrong numbers.
 */
export function createGenesysV3Source(deps: GenesysV3SourceDeps): StatSource {
  const { sink } = deps;
  const sourceId = deps.sourceId ?? GENESYS_V3_SOURCE;
  const toEngageSpec = createEngageSpecs(deps.catalog);
  const timers: Timers =
    deps.setTimeout && deps.clearTimeout ? { setTimeout: deps.setTimeout, clearTimeout: deps.clearTimeout } : globalTimers;
  const random = deps.random ?? Math.random;
  const baseUrl = deps.baseUrl.replace(/\/+$/, '');
  const book = createSubscriptionBook();
  const now = deps.now ?? ((): number => Date.now());

  let started = false;
  let stopped = false;
  /** Handshaken, both channels acknowledged, and the long-poll working. */
  let connected = false;
  let everConnected = false;
  let serviceAvailable = true;
  /** Why we gave up on the token; set = unauthorized. */
  let unauthorized: string | undefined;
  let published: ConnectionState | undefined;
  let token: string | undefined;
  let unsubscribeToken: (() => void) | undefined;

  const api = createStatisticsApi({
    baseUrl,
    authorizedFetch: deps.authorizedFetch,
    timers,
    timeoutMs: deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  });
  const sync = createSubscriptionSync({
    api,
    book,
    sink,
    timers,
    random,
    now,
    newOperationId: deps.newOperationId ?? newOperationId,
    settleMs: deps.settleMs ?? DEFAULT_SETTLE_MS,
    canSync: () => started && !stopped && unauthorized === undefined && connected && serviceAvailable,
    isServiceAvailable: () => serviceAvailable,
    onUnauthorized: giveUp,
  });
  const reauth = createCometdReauth({
    currentToken: () => token,
    getAccessToken: deps.getAccessToken,
    handleUnauthorized: deps.handleUnauthorized,
    applyToken,
    giveUp,
  });

  let lastActivity = 0;
  /** Server sessions made ready so far, over every CometdSession this source opened. */
  let sessionsReady = 0;

  const openSession = (): CometdSession =>
    createCometdSession({
      cometd: (deps.createCometD ?? createBrowserCometd)(),
      url: `${baseUrl}/statistics/v3/notifications`,
      timers,
      random,
      events: {
        ready() {
          sessionsReady += 1;
          // Every successful handshake after the first is a new server session: what the old one
          // held is gone or orphaned (docs/vendors/genesys-engage.md §2.10.6). Whatever the service said meanwhile was missed, so
          // assume it is up again; a 503 on create says otherwise and is retried.
          if (sessionsReady > 1) {
            sync.resetSession();
            serviceAvailable = true;
          }
          connected = true;
          everConnected = true;
          reauth.reset();
          publish();
          sync.schedule();
        },
        interrupted(detail) {
          connected = false;
          publish(detail);
        },
        restored() {
          connected = true;
          reauth.reset();
          publish();
          // Values may have changed while the long-poll was down, and on-change statistics will not
          // say so again: read them all; a 404 means the subscription is gone and gets re-created.
          sync.reread();
        },
        unauthorized: () => reauth.onUnauthorized(),
        message(channel, data) {
          lastActivity = now();
          if (channel === UPDATES_CHANNEL) applyStatisticUpdate(data, book, sync, sink);
          else onServiceState(data);
        },
        alive() {
          lastActivity = now();
        },
      },
    });
  let session = openSession();

  function connectionState(): ConnectionState {
    if (unauthorized !== undefined) return 'unauthorized';
    if (!connected) return everConnected ? 'reconnecting' : 'connecting';
    return serviceAvailable ? 'live' : 'unavailable';
  }

  function staleReason(state: ConnectionState): string {
    return state === 'unavailable' ? 'Statistics service unavailable' : `connection ${state}`;
  }

  /** Tells the sink the connection state when it changed; leaving `live` marks every wanted statistic stale at once. */
  function publish(detail?: string): void {
    if (stopped) return;
    const state = connectionState();
    if (state === published) return;
    const wasLive = published === 'live';
    published = state;
    sink.connection(state, state === 'unauthorized' ? unauthorized : detail);
    if (!wasLive) return;
    const statuses: SubscriptionStatus[] = book
      .wantedKeys()
      .filter((key) => book.refusal(key) === undefined)
      .map((key) => ({ key, status: 'stale', reason: staleReason(state) }));
    if (statuses.length > 0) sink.statuses(statuses);
  }

  function onServiceState(data: unknown): void {
    const parsed = parseServiceState(data);
    if (!parsed.ok) {
      sink.dropped(parsed.reason);
      return;
    }
    if (parsed.state === 'UNAVAILABLE') {
      if (!serviceAvailable) return;
      // The service dropped every subscription (docs/vendors/genesys-engage.md §2.10.4): forget them, no DELETE, create nothing until AVAILABLE.
      serviceAvailable = false;
      sync.dropAll();
      publish();
      return;
    }
    // The service is back: whatever it refused before may be served now.
    sync.retryRefused();
    if (serviceAvailable) {
      // AVAILABLE without an UNAVAILABLE we saw (lost in a reconnect): check what is still there.
      sync.reread();
      return;
    }
    serviceAvailable = true;
    publish();
    sync.schedule();
  }

  function headersFor(accessToken: string): Record<string, string> {
    return { 'x-api-key': deps.apiKey, Authorization: `Bearer ${accessToken}` };
  }

  function giveUp(reason: string): void {
    if (stopped || unauthorized !== undefined) return;
    unauthorized = reason;
    session.halt();
    publish();
  }

  /** A new token from the auth module: every CometD request from now on carries it; after giving up, start over. */
  function applyToken(fresh: string): void {
    if (stopped || fresh === token) return;
    token = fresh;
    if (unauthorized === undefined) {
      session.setHeaders(headersFor(fresh));
      return;
    }
    unauthorized = undefined;
    connected = false;
    reauth.reset();
    publish();
    session.start(headersFor(fresh));
  }

  return {
    watch(specs) {
      if (stopped) return;
      const wanted = specs.filter((spec) => spec.source === sourceId).map(toEngageSpec);
      const { added, removed } = book.want(wanted.flatMap((result) => (result.ok ? [result.spec] : [])));
      const impossible = wanted.flatMap((result) => (result.ok ? [] : [{ key: result.key, status: 'error' as const, reason: result.reason }]));
      if (impossible.length > 0) sink.statuses(impossible);
      // At once, before any await: a board shown again must start from `loading`, never paint old
      // values (an agent's state of ten minutes ago) as live.
      if (removed.length > 0) sink.forget(removed);
      if (added.length > 0) {
        sink.statuses(added.map((key) => ({ key, status: 'loading' })));
        // Wanted again while its subscription was still open for others: read its current value.
        const held = new Set(added.flatMap((key) => book.locationOf(key)?.subscriptionId ?? []));
        if (held.size > 0) sync.reread([...held]);
      }
      if (added.length > 0 || removed.length > 0) sync.wantChanged();
      else sync.schedule();
    },
    start() {
      if (started || stopped) return;
      started = true;
      publish();
      unsubscribeToken = deps.onTokenChange((next) => {
        Promise.resolve(next === undefined ? deps.getAccessToken() : next).then(
          (fresh) => (fresh === null ? giveUp('Signed out') : applyToken(fresh)),
          () => undefined,
        );
      });
      Promise.resolve()
        .then(() => deps.getAccessToken())
        .then(
          (first) => {
            if (first === null) return giveUp('Not signed in');
            if (stopped || unauthorized !== undefined) return;
            // A token change that arrived meanwhile is newer than this one.
            token ??= first;
            session.start(headersFor(token));
          },
          () => giveUp('Not signed in'),
        );
    },
    reconnect(reason) {
      if (!started || stopped || unauthorized !== undefined || token === undefined) return;
      session.abandon();
      connected = false;
      publish(reason);
      session = openSession();
      session.start(headersFor(token));
    },
    lastActivityAt: () => lastActivity,
    async stop() {
      if (stopped) return;
      stopped = true;
      unsubscribeToken?.();
      await sync.close();
      await session.stop();
    },
  };
}
