import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestClient, NOTIFICATIONS, postRaw, type TestClient } from './api/cometd/test-support/cometd-harness.ts';
import type { MockServer } from './create-mock-server.ts';
import { API_KEY, signInWithPkce } from './test-support/http-sign-in.ts';
import { admin, advanceClock, startTestServer, statisticsApi } from './test-support/test-server.ts';
import { startWatchedPost, type WatchedPost } from './test-support/watched-post.ts';

/** Short CometD timings (mock options), so the test sees a long-poll timeout and a session expiry in seconds. */
const TIMEOUT_MS = 1000;
const MAX_INTERVAL_MS = 2000;
/** How far past the long-poll timeout a stalled request must still be pending. */
const MARGIN_MS = 1000;
const UPDATES = '/statistics/v3/updates';

interface SessionsReport {
  readonly sessions: readonly { readonly id: string; readonly statistics: number; readonly stalled?: boolean }[];
  readonly statistics: number;
  readonly stalledRequests: number;
}

const sessionsReport = async (server: MockServer): Promise<SessionsReport> => (await admin(server, 'GET', 'sessions')) as SessionsReport;

function subscriptionIdsOf(client: TestClient): string[] {
  return client.received(UPDATES).flatMap((m) => {
    const data = m.data as { data?: { statistics?: { subscriptionId: string }[] } };
    return (data.data?.statistics ?? []).map((s) => s.subscriptionId);
  });
}

function statistics(statisticId: string): unknown {
  return { statistics: [{ statisticId, objectType: 'Queue', objectId: 'sales', name: 'Current_In_Queue' }] };
}

describe('the stallCometdSessions fault against the real mock', () => {
  let server: MockServer;
  let token: string;
  let healthy: TestClient | undefined;
  const watched: WatchedPost[] = [];

  beforeAll(async () => {
    server = await startTestServer({ cometdTimeoutMs: TIMEOUT_MS, cometdMaxIntervalMs: MAX_INTERVAL_MS });
    token = (await signInWithPkce(server.url)).access_token;
  });
  afterAll(async () => {
    await Promise.all(watched.map((w) => w.abort()));
    await admin(server, 'DELETE', 'faults');
    await healthy?.disconnect();
    await server.close();
  });

  it('should answer nothing on a stalled session while a new one works, then expire the stalled one with its subscriptions', async () => {
    const headers = { 'x-api-key': API_KEY, authorization: `Bearer ${token}` };
    const watch = (path: string, body: unknown): WatchedPost => {
      const post = startWatchedPost(server.url, `${NOTIFICATIONS}${path}`, body, headers);
      watched.push(post);
      return post;
    };
    const connect = (clientId: string, timeout?: number): unknown[] => [
      { channel: '/meta/connect', clientId, connectionType: 'long-polling', ...(timeout === undefined ? {} : { advice: { timeout } }) },
    ];

    // A client with a statistic, its long poll parked, as when its connection dies.
    const handshake = await postRaw(
      server.url,
      `${NOTIFICATIONS}/handshake`,
      [{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] }],
      headers,
    );
    const stalledId = (handshake.body as { clientId: string }[])[0]?.clientId ?? '';
    expect(stalledId).not.toBe('');
    await postRaw(server.url, `${NOTIFICATIONS}/`, [{ channel: '/meta/subscribe', clientId: stalledId, subscription: UPDATES }], headers);
    const opened = await statisticsApi(server, token, 'POST', 'subscriptions', { operationId: 'stalled-op', data: statistics('old') }, {
      cookie: `STATISTICS_SESSIONID=${stalledId}`,
    });
    expect(opened.status).toBe(200);
    await postRaw(server.url, `${NOTIFICATIONS}/connect`, connect(stalledId, 0), headers);
    const parked = watch('/connect', connect(stalledId));
    await vi.waitFor(() => expect(server.cometd.held().longPolls).toBe(1));

    expect(await admin(server, 'POST', 'faults', { stallCometdSessions: true })).toEqual({ httpErrorRate: 0, latencyMs: 0, malformedRate: 0 });
    const stalledAt = Date.now();
    expect(await sessionsReport(server)).toMatchObject({ sessions: [{ id: stalledId, statistics: 1, stalled: true }], stalledRequests: 1 });
    const later = [
      watch('/connect', connect(stalledId)),
      watch('/', [{ channel: '/meta/subscribe', clientId: stalledId, subscription: '/statistics/v3/service' }]),
    ];
    await vi.waitFor(async () => expect((await sessionsReport(server)).stalledRequests).toBe(3));

    // Recovery: a new handshake is a healthy session, with its subscriptions and notifications.
    healthy = createTestClient(server.url, { 'x-api-key': API_KEY, Authorization: `Bearer ${token}` });
    expect((await healthy.handshake()).successful).toBe(true);
    expect((await healthy.subscribe(UPDATES)).successful).toBe(true);
    const healthyId = healthy.cometd.getClientId() ?? '';
    const reopened = await statisticsApi(server, token, 'POST', 'subscriptions', { operationId: 'healthy-op', data: statistics('new') }, {
      cookie: `STATISTICS_SESSIONID=${healthyId}`,
    });
    expect(reopened.status).toBe(200);
    // The Statistics API's REST side is not part of the dead connection.
    expect((await statisticsApi(server, token, 'GET', 'subscriptions/stalled-op/statistic-values')).status).toBe(200);
    await advanceClock(server, 10_000);
    const client = healthy;
    await expect.poll(() => subscriptionIdsOf(client).includes('healthy-op'), { timeout: 5000 }).toBe(true);
    expect(subscriptionIdsOf(client)).not.toContain('stalled-op');

    // Past the long-poll timeout with a margin: a healthy parked connect would have been answered by now.
    await delay(Math.max(0, stalledAt + TIMEOUT_MS + MARGIN_MS - Date.now()));
    for (const post of [parked, ...later]) {
      expect(post.bytesReceived()).toBe(0);
      expect(post.closedByServer()).toBe(false);
    }
    await Promise.all([parked, ...later].map((post) => post.abort()));
    await expect.poll(async () => (await sessionsReport(server)).stalledRequests, { timeout: 2000 }).toBe(0);

    // The stalled session ends as an abandoned one: expired maxInterval after the stall, its subscription closed.
    await expect
      .poll(async () => (await sessionsReport(server)).sessions.map((s) => s.id), { timeout: MAX_INTERVAL_MS + 3000, interval: 100 })
      .toEqual([healthyId]);
    expect(Date.now() - stalledAt).toBeGreaterThanOrEqual(MAX_INTERVAL_MS);
    expect((await sessionsReport(server)).statistics).toBe(1);
    expect((await statisticsApi(server, token, 'GET', 'subscriptions/stalled-op/statistic-values')).status).toBe(404);
    expect(server.cometd.counters().sessionsEnded.expired).toBe(1);
  });

  it('should refuse a stallCometdSessions that is not a boolean, as the other fault fields', async () => {
    const response = await fetch(`${server.url}/mock/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ stallCometdSessions: 'yes' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: expect.stringContaining('stallCometdSessions') });
  });
});
