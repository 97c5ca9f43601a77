import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from './create-mock-server.ts';
import { tempStateDir } from './mock-options.ts';
import { adminSessions, advanceClock, setServiceState } from './test-support/genesys-client/admin.ts';
import {
  apiResponseSchema,
  createStatisticsClient,
  peekedStatisticResponseSchema,
  peekedStatisticsResponseSchema,
  serviceStateChangeSchema,
  statisticDataResponseSchema,
  statisticUpdateSchema,
  type ServiceStateChange,
  type StatisticDescriptorInput,
  type StatisticsClient,
  type StatisticUpdate,
} from './test-support/genesys-client/statistics-client.ts';
import { metaReplies, nextClientEvent, subscribedChannels, within } from './test-support/genesys-client/waiting.ts';
import { API_KEY, signInWithPkce } from './test-support/http-sign-in.ts';

/**
 * Genesys's own published Node client (`genesys-statistics-client-js` 9.0.2) against the real mock
 * over HTTP: REST through its superagent ApiClient, notifications through its bundled cometd 3
 * long-polling transport, one cookie jar for both (docs/vendors/genesys-engage.md §2.12).
 */

const SERVICE_CHANNEL = '/statistics/v3/service';
const UPDATES_CHANNEL = '/statistics/v3/updates';
/** Bound for any single wait; generous next to what the mock needs (milliseconds). */
const WAIT_MS = 4_000;
/** Periodical statistics notify every 10 s of simulated time. */
const NOTIFICATION_PERIOD_MS = 10_000;

const DESCRIPTORS: readonly StatisticDescriptorInput[] = [
  { statisticId: 'sales-sl', name: 'ServiceLevel', objectType: 'Queue', objectId: 'sales' },
  { statisticId: 'sales-in-queue', name: 'Current_In_Queue', objectType: 'Queue', objectId: 'sales' },
  { statisticId: 'sales-longest-idle', name: 'LongestIdleTime', objectType: 'GroupAgents', objectId: 'sales' },
  { statisticId: 'agent-01-state', name: 'CurrentAgentState', objectType: 'Agent', objectId: 'agent-01' },
];
const STATISTIC_IDS = DESCRIPTORS.map((d) => d.statisticId);

describe('genesys-statistics-client-js against the mock server', () => {
  let server: MockServer;
  let stateDir: string;
  let token: string;
  let client: StatisticsClient | undefined;

  beforeEach(async () => {
    stateDir = tempStateDir();
    server = await startMockServer({
      port: 0,
      host: '127.0.0.1',
      stateDir,
      seed: 1,
      speed: 0,
      randomTraffic: true,
      startAt: Date.UTC(2026, 10, 23, 10, 30),
      timeZone: 'UTC',
      quiet: true,
    });
    token = (await signInWithPkce(server.url)).access_token;
  });

  afterEach(async () => {
    // A client the test did not destroy must not keep long-polling a closed server.
    try {
      if (client && client.notifications.cometd.getStatus() !== 'disconnected') {
        const disconnected = metaReplies(client.notifications.cometd, '/meta/disconnect', ['/meta/disconnect'], (m) => [m.channel], WAIT_MS);
        client.destroy();
        await disconnected;
      }
    } finally {
      client = undefined;
      await server.close();
      await rm(stateDir, { recursive: true, force: true });
    }
  });

  /** `initialize` resolves on the handshake reply; the channel subscriptions are confirmed separately. */
  async function initializedClient(): Promise<StatisticsClient> {
    const created = createStatisticsClient(API_KEY, server.url);
    client = created;
    const cometd = created.notifications.cometd;
    const subscribed = metaReplies(cometd, '/meta/subscribe', [SERVICE_CHANNEL, UPDATES_CHANNEL], subscribedChannels, WAIT_MS);
    const initialized = await within(created.initialize(token, { logLevel: 'warn' }), WAIT_MS, 'the CometD handshake');
    expect(initialized).toBe(created);
    expect(cometd.getClientId()).toEqual(expect.any(String));
    await subscribed;
    return created;
  }

  it('should open, update, read and delete a subscription through the published client', async () => {
    const statistics = await initializedClient();
    const cometd = statistics.notifications.cometd;

    const sessionsAfterHandshake = await adminSessions(server.url);
    expect(sessionsAfterHandshake.sessions).toHaveLength(1);
    expect(sessionsAfterHandshake.sessions[0]?.id).toBe(cometd.getClientId());

    // Create: POST /subscriptions?verbose=INFO with {operationId, data:{statistics}}.
    const operationId = randomUUID();
    const created = statisticDataResponseSchema.parse(await statistics.createSubscription(operationId, DESCRIPTORS));
    expect(created.status.code).toBe(0);
    expect(created.data.subscriptionId).toBe(operationId);
    expect(created.data.statistics.map((s) => s.statisticId).sort()).toEqual([...STATISTIC_IDS].sort());
    for (const value of created.data.statistics) {
      const descriptor = DESCRIPTORS.find((d) => d.statisticId === value.statisticId);
      expect(value).toMatchObject({ name: descriptor?.name, objectType: descriptor?.objectType, objectId: descriptor?.objectId });
      expect(typeof value.value.stringValue).toBe('string');
      expect(Number.isFinite(value.timestamp)).toBe(true);
    }

    // The REST call carried the CometD session's cookie: the subscription belongs to that session.
    const sessionsAfterCreate = await adminSessions(server.url);
    expect(sessionsAfterCreate).toMatchObject({ subscriptions: 1, statistics: DESCRIPTORS.length });
    expect(sessionsAfterCreate.sessions[0]).toMatchObject({ subscriptions: 1, statistics: DESCRIPTORS.length });

    // Updates: one round of periodical notifications through the client's Updates event.
    const update = nextClientEvent<StatisticUpdate>(
      statistics,
      statistics.UPDATES_EVENT,
      (data) => {
        const parsed = statisticUpdateSchema.safeParse(data);
        return parsed.success && parsed.data.data.statistics.some((s) => s.subscriptionId === operationId) ? parsed.data : undefined;
      },
      WAIT_MS,
      'a StatisticUpdate for the subscription',
    );
    await advanceClock(server.url, NOTIFICATION_PERIOD_MS);
    const received = await update;
    const ours = received.data.statistics.filter((s) => s.subscriptionId === operationId);
    expect(ours.length).toBeGreaterThan(0);
    for (const value of ours) {
      expect(STATISTIC_IDS).toContain(value.statisticId);
      expect(typeof value.value.stringValue).toBe('string');
      expect(value.timestamp).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 23, 10, 30));
    }

    // Read: GET /subscriptions/{id}/statistic-values?verbose=INFO (all, then a repeated statisticIds).
    const all = statisticDataResponseSchema.parse(await statistics.peekSubscriptionStats(operationId));
    expect(all.status.code).toBe(0);
    expect(all.data.subscriptionId).toBe(operationId);
    expect(all.data.statistics.map((s) => s.statisticId).sort()).toEqual([...STATISTIC_IDS].sort());
    for (const value of all.data.statistics) expect(typeof value.value.stringValue).toBe('string');
    // The latest notified value of each statistic is what a read returns (nothing moved since).
    for (const value of ours) {
      expect(all.data.statistics.find((s) => s.statisticId === value.statisticId)?.value.stringValue).toBe(value.value.stringValue);
    }

    const some = statisticDataResponseSchema.parse(await statistics.peekSubscriptionStats(operationId, ['sales-sl', 'agent-01-state']));
    expect(some.status.code).toBe(0);
    expect(some.data.statistics.map((s) => s.statisticId).sort()).toEqual(['agent-01-state', 'sales-sl']);

    // Delete: DELETE /subscriptions/{id} closes every statistic of it.
    const deleted = apiResponseSchema.parse(await statistics.deleteSubscription(operationId));
    expect(deleted.status.code).toBe(0);
    const sessionsAfterDelete = await adminSessions(server.url);
    expect(sessionsAfterDelete).toMatchObject({ subscriptions: 0, statistics: 0 });
    expect(sessionsAfterDelete.sessions[0]).toMatchObject({ subscriptions: 0, statistics: 0 });

    // Destroy: the client's /meta/disconnect ends its session on the server.
    const disconnected = metaReplies(cometd, '/meta/disconnect', ['/meta/disconnect'], (m) => [m.channel], WAIT_MS);
    statistics.destroy();
    await disconnected;
    expect(cometd.getStatus()).toBe('disconnected');
    expect(await adminSessions(server.url)).toMatchObject({ sessions: [], subscriptions: 0, statistics: 0 });
  });

  it('should deliver ServiceStateChange UNAVAILABLE then AVAILABLE to the client service event', async () => {
    const statistics = await initializedClient();

    const serviceState = (state: ServiceStateChange['data']['serviceState']): Promise<ServiceStateChange> =>
      nextClientEvent<ServiceStateChange>(
        statistics,
        statistics.SERVICE_CHANGE_EVENT,
        (data) => {
          const parsed = serviceStateChangeSchema.safeParse(data);
          return parsed.success && parsed.data.data.serviceState === state ? parsed.data : undefined;
        },
        WAIT_MS,
        `ServiceStateChange ${state}`,
      );

    const unavailable = serviceState('UNAVAILABLE');
    await setServiceState(server.url, 'UNAVAILABLE');
    expect(await unavailable).toEqual({ name: 'ServiceStateChange', topic: SERVICE_CHANNEL, data: { serviceState: 'UNAVAILABLE' } });

    // While unavailable the client's REST calls fail (503), and the session stays usable.
    await expect(statistics.createSubscription(randomUUID(), DESCRIPTORS)).rejects.toMatchObject({ status: 503 });

    const available = serviceState('AVAILABLE');
    await setServiceState(server.url, 'AVAILABLE');
    expect(await available).toEqual({ name: 'ServiceStateChange', topic: SERVICE_CHANNEL, data: { serviceState: 'AVAILABLE' } });

    const created = statisticDataResponseSchema.parse(await statistics.createSubscription(randomUUID(), DESCRIPTORS));
    expect(created.status.code).toBe(0);
  });

  it('should read statistic values without a subscription through the published client', async () => {
    const statistics = await initializedClient();

    // GET /statistic-values/{name}?objectId&objectType
    const one = peekedStatisticResponseSchema.parse(await statistics.getStatValue('Current_In_Queue', 'sales', 'Queue'));
    expect(one.status.code).toBe(0);
    expect(one.data.statistic.value.stringValue).toMatch(/^\d+$/);

    // POST /operations/get-statistic-ex with {"data":{"statistics":[…]}}
    const infos = DESCRIPTORS.map(({ name, objectType, objectId }) => ({ name, objectType, objectId }));
    const many = peekedStatisticsResponseSchema.parse(await statistics.getStatValues(infos));
    expect(many.status.code).toBe(0);
    expect(many.data.statistics.map(({ name, objectType, objectId }) => ({ name, objectType, objectId }))).toEqual(infos);
    expect(many.data.statistics.find((s) => s.name === 'Current_In_Queue')?.value.stringValue).toBe(one.data.statistic.value.stringValue);
    expect(await adminSessions(server.url)).toMatchObject({ subscriptions: 0, statistics: 0 });
  });
});
