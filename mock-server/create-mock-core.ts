import { randomUUID } from 'node:crypto';
import { adminRoutes, type ServiceState, type SessionInfo } from './admin/admin-routes.ts';
import { createFaultState, type FaultState } from './admin/fault-state.ts';
import { createFirehose, type Firehose } from './admin/firehose.ts';
import { createNameOverrides, type NameOverrides } from './admin/name-overrides.ts';
import { countedRoutes, createRequestCounts, type RequestCounts } from './admin/request-counts.ts';
import type { AuthService, Principal } from './api/auth/auth-types.ts';
import { createAuthService } from './api/auth/create-auth-service.ts';
import { findUserByCredentials, DEMO_TENANT } from './api/auth/demo-identities.ts';
import { GC_LOGIN_PREFIX } from './api/genesys-cloud/login-paths.ts';
import { createGenesysCloudLogin, type GenesysCloudLogin } from './api/genesys-cloud/login-service.ts';
import { createGenesysCloudState, type GenesysCloudState } from './api/genesys-cloud/gc-activity.ts';
import { GC_API_ROOT } from './api/genesys-cloud/gc-auth.ts';
import { genesysCloudRoutes } from './api/genesys-cloud/genesys-cloud-routes.ts';
import { createGcNotifications, type GcNotifications } from './api/genesys-cloud/notifications/create-gc-notifications.ts';
import type { ApiRequest, Route } from './api/http-types.ts';
import { listingsRoutes } from './api/listings/listings-routes.ts';
import { createRouter, type Router } from './api/router.ts';
import { statisticValueRoutes } from './api/statistics/statistic-value-routes.ts';
import { subscriptionRoutes } from './api/statistics/subscription-routes.ts';
import type { ResolvedMockOptions } from './mock-options.ts';
import { startOfLocalDay } from './lib/zoned-time.ts';
import { createSimulation } from './sim/create-simulation.ts';
import { createDefaultContactCenter } from './sim/default-contact-center.ts';
import { createSimClock, type SimClock } from './sim/sim-clock.ts';
import type { Simulation } from './sim/sim-types.ts';
import { createStatEngine, type StatEngine } from './stats/stat-engine.ts';
import { createGenesysCloudIds } from './vendor-ids/vendor-ids.ts';
import { loadStatisticsCatalog } from './stats/statistics-catalog.ts';

/** What the transport (Express + CometD, or MSW) lends the core. */
export interface NotificationHub {
  readonly sessionOwner: (request: ApiRequest, principal: Principal) => string | undefined;
  readonly publishServiceState: (state: ServiceState) => void;
  readonly setMalformedRate: (rate: number) => void;
  readonly dropAllSessions: () => void;
  readonly stallAllSessions: () => void;
  readonly clearStalledSessions: () => void;
  readonly stalledRequests: () => number;
  readonly sessions: () => readonly SessionInfo[];
}

export const NO_NOTIFICATIONS: NotificationHub = {
  sessionOwner: () => undefined,
  publishServiceState: () => undefined,
  setMalformedRate: () => undefined,
  dropAllSessions: () => undefined,
  stallAllSessions: () => undefined,
  clearStalledSessions: () => undefined,
  stalledRequests: () => 0,
  sessions: () => [],
};

export interface MockCore {
  readonly options: ResolvedMockOptions;
  readonly sim: Simulation;
  readonly clock: SimClock;
  readonly engine: StatEngine;
  readonly auth: AuthService;
  /** Genesys Cloud's login: its tokens open the Genesys Cloud facade only (Engage's open Engage only). */
  readonly genesysCloudAuth: GenesysCloudLogin;
  readonly faults: FaultState;
  readonly firehose: Firehose;
  /** Display names the admin API puts over the config's (mock addition). */
  readonly names: NameOverrides;
  /** The Genesys Cloud facade's view of the floor (ids, routing-status history, calls of the last days). */
  readonly genesysCloud: GenesysCloudState;
  /** Requests per vendor facade and route, plus gauges (`GET /mock/admin/requests`). */
  readonly requests: RequestCounts;
  /** Genesys Cloud's notification channels; the HTTP server hands it the upgrades of their WebSockets. */
  readonly genesysCloudNotifications: GcNotifications;
  readonly router: Router;
  serviceState(): ServiceState;
  setServiceState(state: ServiceState): void;
  /** Redirect URIs of the public client follow the port the server got. */
  setOrigins(origins: readonly string[]): void;
  /** Plug in the notification transport (CometD) once it exists. */
  attach(hub: NotificationHub): void;
  start(): void;
  stop(): void;
}

const CALLBACK_PATHS = ['/', '/auth/callback'];

/**
 * The mock contact center without a transport: simulation on its clock, statistics engine, and
 * every API as transport-neutral routes. Express and MSW both mount these.
 */
export function createMockCore(options: ResolvedMockOptions): MockCore {
  const startAt = options.startAt ?? Date.now();
  // The day is simulated from local midnight, so at start the daily totals and the floor look like
  // a real day's rather than an empty building (a day takes ~0.1 s to simulate).
  const sim = createSimulation({
    seed: options.seed,
    startAt: startOfLocalDay(startAt, options.timeZone),
    timeZone: options.timeZone,
    randomTraffic: options.randomTraffic,
    config: createDefaultContactCenter({ agents: options.agents }),
  });
  const engine = createStatEngine({ sim, catalog: loadStatisticsCatalog(), timeZone: options.timeZone });
  const { config } = sim;
  // Before the first advance, so Genesys Cloud's "today" holds every call the engine counts.
  const genesysCloud = createGenesysCloudState(
    sim,
    createGenesysCloudIds(options.seed, {
      queue: config.queues.map((q) => q.id),
      agent: config.agents.map((a) => a.id),
      skill: config.skills.map((s) => s.id),
      group: config.groups.map((g) => g.id),
    }),
  );
  sim.advanceTo(startAt);
  // The engine looks at the clock after every advance, whoever moved it (ticker or admin call).
  const ticking: Simulation = {
    config: sim.config,
    now: () => sim.now(),
    advanceTo(t) {
      sim.advanceTo(t);
      engine.tick();
    },
    onEvents: (l) => sim.onEvents(l),
    snapshot: () => sim.snapshot(),
    scheduleCall: (c) => sim.scheduleCall(c),
    setAgentStatus(id, status, reason) {
      sim.setAgentStatus(id, status, reason);
      engine.tick();
    },
  };
  const clock = createSimClock(ticking, { speed: options.speed });

  let origins: readonly string[] = [];
  const auth = createAuthService({
    apiKey: options.apiKey,
    tokenTtlSec: options.tokenTtlSec,
    stateDir: options.stateDir,
    redirectUris: () => [...origins.flatMap((o) => CALLBACK_PATHS.map((p) => `${o}${p}`)), ...options.redirectUris],
  });
  const genesysCloudAuth = createGenesysCloudLogin({
    tokenTtlSec: options.tokenTtlSec,
    stateDir: options.stateDir,
    redirectUris: () => [...origins.flatMap((o) => CALLBACK_PATHS.map((p) => `${o}${p}`)), ...options.redirectUris],
  });

  let hub: NotificationHub = NO_NOTIFICATIONS;
  let state: ServiceState = 'AVAILABLE';
  const faults = createFaultState();
  const firehose = createFirehose(engine.subscriptions);
  const names = createNameOverrides();
  const requests = createRequestCounts();
  requests.registerGauge('genesys-v3', 'cometdSessions', () => hub.sessions().length);
  const genesysCloudNotifications = createGcNotifications({
    sim: ticking,
    auth: { tokens: genesysCloudAuth },
    state: genesysCloud,
    faults,
    requests,
    ...(options.gcNotifications ? { options: options.gcNotifications } : {}),
  });

  function setServiceState(next: ServiceState): void {
    // A repeated AVAILABLE would make every client re-create subscriptions it still has.
    if (next === state) return;
    state = next;
    // "the Statistics service drops all subscriptions" (docs/vendors/genesys-engage.md §2.9): the notice goes out first, then they are gone.
    hub.publishServiceState(next);
    if (next === 'UNAVAILABLE') engine.subscriptions.closeAll();
  }

  // A subscription no CometD session owns is freed when the token that opened it stops being valid;
  // owned ones go with their session.
  const closeOrphans = (): void => {
    const now = Date.now();
    engine.subscriptions.closeAll((s) => s.owner === undefined && s.tokenExpiresAt <= now);
  };
  auth.onRevoked((tokenIds) =>
    engine.subscriptions.closeAll((s) => s.owner === undefined && (tokenIds === 'all' || tokenIds.includes(s.tokenId))),
  );
  let sweeper: ReturnType<typeof setInterval> | undefined;

  const statisticsContext = {
    apiKey: options.apiKey,
    tokens: auth,
    engine,
    serviceState: () => state,
    sessionOwner: (request: ApiRequest, principal: Principal) => hub.sessionOwner(request, principal),
    newId: randomUUID,
    refusedStatistics: () => faults.get().refuseStatistics,
  };
  const routes: Route[] = countedRoutes(requests, [
    ...auth.routes,
    ...genesysCloudAuth.routes,
    ...subscriptionRoutes(statisticsContext),
    ...statisticValueRoutes(statisticsContext),
    ...listingsRoutes({
      apiKey: options.apiKey,
      tokens: auth,
      config: sim.config,
      names,
      checkUserPassword: (user, password) => findUserByCredentials(DEMO_TENANT, user, password) !== undefined,
    }),
    ...adminRoutes({
      sim: ticking,
      clock,
      serviceState: () => state,
      setServiceState,
      faults,
      dropCometdSessions: () => hub.dropAllSessions(),
      stallCometdSessions: () => hub.stallAllSessions(),
      clearStalledCometdSessions: () => hub.clearStalledSessions(),
      stalledRequests: () => hub.stalledRequests(),
      setMalformedRate: (rate) => hub.setMalformedRate(rate),
      revokeAllTokens: (includeRefreshTokens) => {
        for (const provider of [auth, genesysCloudAuth]) {
          if (includeRefreshTokens) provider.revokeAllTokens();
          else provider.revokeAllAccessTokens();
        }
      },
      firehose,
      sessions: () => hub.sessions(),
      counts: () => engine.subscriptions.counts(),
      names,
      objectIds: (kind, id) => ({ 'genesys-cloud': genesysCloud.ids.toVendor(kind, id) }),
      genesysCloudSockets: genesysCloudNotifications,
      requests,
    }),
    ...genesysCloudRoutes({ tokens: genesysCloudAuth, state: genesysCloud, names, timeZone: options.timeZone }),
    ...genesysCloudNotifications.routes,
  ]);
  const router = createRouter(routes, ['/auth/v3', '/statistics/v3', '/api/v2', '/mock/admin', GC_LOGIN_PREFIX, `${GC_API_ROOT}/api`]);

  return {
    options,
    sim: ticking,
    clock,
    engine,
    auth,
    genesysCloudAuth,
    faults,
    firehose,
    names,
    genesysCloud,
    requests,
    genesysCloudNotifications,
    router,
    serviceState: () => state,
    setServiceState,
    setOrigins(next) {
      origins = next;
    },
    attach(next) {
      hub = next;
    },
    start() {
      clock.start();
      genesysCloudNotifications.start();
      sweeper ??= setInterval(closeOrphans, 5000);
    },
    stop() {
      clock.stop();
      firehose.stop();
      genesysCloudNotifications.stop();
      if (sweeper) clearInterval(sweeper);
      sweeper = undefined;
    },
  };
}
