import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClient, type TestClient } from './api/cometd/test-support/cometd-harness.ts';
import type { MockServer } from './create-mock-server.ts';
import { API_KEY, signInWithPkce } from './test-support/http-sign-in.ts';
import { admin, advanceClock, startTestServer, statisticsApi } from './test-support/test-server.ts';

interface Update {
  readonly subscriptionId: string;
  readonly statisticId: string;
  readonly value: { readonly stringValue: string; readonly intValue: number };
  readonly timestamp: number;
}

function updatesOf(client: TestClient): Update[] {
  return client.received('/statistics/v3/updates').flatMap((m) => {
    const data = m.data as { name?: string; data?: { statistics?: Update[] } };
    return data.name === 'StatisticUpdate' ? (data.data?.statistics ?? []) : [];
  });
}

const STATISTICS = [
  { statisticId: 'sl-sales', objectType: 'Queue', objectId: 'sales', name: 'ServiceLevel' },
  { statisticId: 'ciq-sales', objectType: 'Queue', objectId: 'sales', name: 'Current_In_Queue' },
  { statisticId: 'ciq-support', objectType: 'Queue', objectId: 'support', name: 'Current_In_Queue' },
  { statisticId: 'lit-sales', objectType: 'GroupAgents', objectId: 'sales', name: 'LongestIdleTime' },
  { statisticId: 'state-01', objectType: 'Agent', objectId: 'agent-01', name: 'CurrentAgentState' },
];

describe('Statistics API v3 over REST and CometD against the real mock', () => {
  let server: MockServer;
  let token: string;
  let client: TestClient;

  beforeAll(async () => {
    server = await startTestServer();
    token = (await signInWithPkce(server.url)).access_token;
    client = createTestClient(server.url, { 'x-api-key': API_KEY, Authorization: `Bearer ${token}` });
    const handshake = await client.handshake();
    expect(handshake.successful).toBe(true);
    expect((await client.subscribe('/statistics/v3/updates')).successful).toBe(true);
    expect((await client.subscribe('/statistics/v3/service')).successful).toBe(true);
  });
  afterAll(async () => {
    await client.disconnect();
    await server.close();
  });

  it('should open a subscription, notify its values, serve them by REST and delete it', async () => {
    const created = await statisticsApi(server, token, 'POST', 'subscriptions?verbose=INFO', {
      operationId: 'op-flow-1',
      data: { statistics: STATISTICS },
    });
    expect(created.status).toBe(200);
    expect(created.body.status?.code).toBe(0);
    const data = created.body.data as { subscriptionId: string; operationId: string; statistics: Record<string, unknown>[] };
    expect(data.subscriptionId).toBe('op-flow-1');
    expect(data.statistics.map((s) => s.statisticId)).toEqual(STATISTICS.map((s) => s.statisticId));
    for (const s of data.statistics) {
      expect(s).toMatchObject({ value: { stringValue: expect.any(String), intValue: expect.any(Number) }, timestamp: expect.any(Number) });
    }
    expect(data.statistics[4]).toMatchObject({ name: 'CurrentAgentState', value: { stringValue: expect.stringMatching(/^[A-Z]\w+$/) } });

    // Periodical statistics come every 10 s of simulated time; the agent state comes on change.
    await advanceClock(server, 10_000);
    await expect.poll(() => new Set(updatesOf(client).filter((u) => u.subscriptionId === 'op-flow-1').map((u) => u.statisticId)).size, {
      timeout: 5000,
    }).toBeGreaterThanOrEqual(4);
    const update = updatesOf(client).find((u) => u.statisticId === 'ciq-sales');
    expect(update).toMatchObject({ subscriptionId: 'op-flow-1', value: { stringValue: expect.stringMatching(/^\d+$/) }, timestamp: expect.any(Number) });
    // The documented envelope of the notification itself.
    const message = client.received('/statistics/v3/updates').at(-1)?.data as Record<string, unknown>;
    expect(message).toMatchObject({ name: 'StatisticUpdate', topic: '/statistics/v3/updates', data: { statistics: expect.any(Array) } });

    const values = await statisticsApi(server, token, 'GET', 'subscriptions/op-flow-1/statistic-values?statisticIds=ciq-sales&statisticIds=sl-sales');
    expect(values.status).toBe(200);
    expect((values.body.data as { statistics: { statisticId: string }[] }).statistics.map((s) => s.statisticId)).toEqual(['sl-sales', 'ciq-sales']);
    const off = await statisticsApi(server, token, 'GET', 'subscriptions/op-flow-1/statistic-values?verbose=OFF&statisticIds=ciq-sales,sl-sales');
    expect(Object.keys((off.body.data as { statistics: Record<string, unknown>[] }).statistics[0] ?? {}).sort()).toEqual(['statisticId', 'timestamp', 'value']);

    const sessions = (await admin(server, 'GET', 'sessions')) as { sessions: { statistics: number }[]; statistics: number };
    expect(sessions.statistics).toBe(STATISTICS.length);
    expect(sessions.sessions.map((s) => s.statistics)).toEqual([STATISTICS.length]);

    const deleted = await statisticsApi(server, token, 'DELETE', 'subscriptions/op-flow-1');
    expect(deleted).toEqual({ status: 200, body: { status: { code: 0 } } });
    expect(((await admin(server, 'GET', 'sessions')) as { statistics: number }).statistics).toBe(0);
    const gone = await statisticsApi(server, token, 'GET', 'subscriptions/op-flow-1/statistic-values');
    expect(gone.status).toBe(404);
  });

  it('should announce UNAVAILABLE, drop every subscription, refuse new ones, then recover', async () => {
    await statisticsApi(server, token, 'POST', 'subscriptions', { operationId: 'op-flow-2', data: { statistics: STATISTICS.slice(0, 2) } });
    await admin(server, 'POST', 'service-state', { state: 'UNAVAILABLE' });
    const states = (): string[] =>
      client.received('/statistics/v3/service').map((m) => (m.data as { data: { serviceState: string } }).data.serviceState);
    await expect.poll(states, { timeout: 5000 }).toEqual(['UNAVAILABLE']);
    expect((await statisticsApi(server, token, 'GET', 'subscriptions/op-flow-2/statistic-values')).status).toBe(503);
    expect((await statisticsApi(server, token, 'POST', 'subscriptions', { data: { statistics: STATISTICS } })).status).toBe(503);
    expect(((await admin(server, 'GET', 'sessions')) as { statistics: number }).statistics).toBe(0);
    await admin(server, 'POST', 'service-state', { state: 'AVAILABLE' });
    await expect.poll(states, { timeout: 5000 }).toEqual(['UNAVAILABLE', 'AVAILABLE']);
    // Dropped for good: the client must re-create it.
    expect((await statisticsApi(server, token, 'GET', 'subscriptions/op-flow-2/statistic-values')).status).toBe(404);
    const again = await statisticsApi(server, token, 'POST', 'subscriptions', { operationId: 'op-flow-2', data: { statistics: STATISTICS.slice(0, 2) } });
    expect(again.status).toBe(200);
    await statisticsApi(server, token, 'DELETE', 'subscriptions/op-flow-2');
  });

  it('should deliver notifications only to the session that owns the subscription', async () => {
    const otherToken = (await signInWithPkce(server.url)).access_token;
    // Another host name gives the second client its own cookie jar, as a second browser would have.
    const other = createTestClient(server.url.replace('localhost', '127.0.0.1'), { 'x-api-key': API_KEY, Authorization: `Bearer ${otherToken}` });
    await other.handshake();
    await other.subscribe('/statistics/v3/updates');
    try {
      await statisticsApi(server, otherToken, 'POST', 'subscriptions', { operationId: 'op-other', data: { statistics: STATISTICS.slice(1, 2) } });
      const before = updatesOf(client).length;
      await advanceClock(server, 10_000);
      await expect.poll(() => updatesOf(other).filter((u) => u.subscriptionId === 'op-other').length, { timeout: 5000 }).toBeGreaterThan(0);
      expect(updatesOf(client).slice(before).filter((u) => u.subscriptionId === 'op-other')).toEqual([]);
    } finally {
      await statisticsApi(server, otherToken, 'DELETE', 'subscriptions/op-other');
      await other.disconnect();
    }
  });

  it('should answer get-statistic-ex and statistic-values without a subscription', async () => {
    const ex = await statisticsApi(server, token, 'POST', 'operations/get-statistic-ex', {
      data: {
        statistics: [
          { name: 'CurrentAgentState', objectType: 'Agent', objectId: 'agent-02' },
          { name: 'TimeInCurrentState', objectType: 'Agent', objectId: 'agent-02' },
        ],
      },
    });
    expect(ex.status).toBe(200);
    expect((ex.body.data as { statistics: unknown[] }).statistics).toHaveLength(2);
    const one = await statisticsApi(server, token, 'GET', 'statistic-values/LongestIdleTime?objectType=GroupAgents&objectId=support');
    expect(one.body.data).toMatchObject({ statistic: { value: { stringValue: expect.any(String) }, timestamp: expect.any(Number) } });
  });
});
