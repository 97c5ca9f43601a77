import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClient, type TestClient } from './api/cometd/test-support/cometd-harness.ts';
import type { MockServer } from './create-mock-server.ts';
import { API_KEY, signInWithPkce, tokenRequest, type TokenResponse } from './test-support/http-sign-in.ts';
import { admin, advanceClock, startTestServer, statisticsApi } from './test-support/test-server.ts';

const READ = 'statistic-values/Current_In_Queue?objectType=Queue&objectId=sales';

describe('the admin API against the real mock', () => {
  let server: MockServer;
  let tokens: TokenResponse;

  beforeAll(async () => {
    server = await startTestServer();
    tokens = await signInWithPkce(server.url);
  });
  afterAll(() => server.close());

  it('should give the same ground truth for the same seed and the same clock commands', async () => {
    const other = await startTestServer();
    try {
      for (const s of [server, other]) {
        await advanceClock(s, 90_000);
        await advanceClock(s, 1_234_567);
      }
      expect(await admin(other, 'GET', 'snapshot')).toEqual(await admin(server, 'GET', 'snapshot'));
    } finally {
      await other.close();
    }
  });

  it('should answer a share of REST calls with 503 and add latency, then stop when faults are cleared', async () => {
    await admin(server, 'POST', 'faults', { httpErrorRate: 1 });
    expect((await statisticsApi(server, tokens.access_token, 'GET', READ)).status).toBe(503);
    await admin(server, 'POST', 'faults', { httpErrorRate: 0, latencyMs: 300 });
    const started = performance.now();
    expect((await statisticsApi(server, tokens.access_token, 'GET', READ)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await admin(server, 'DELETE', 'faults');
    expect(await admin(server, 'GET', 'faults')).toEqual({ httpErrorRate: 0, latencyMs: 0, malformedRate: 0 });
  });

  it('should refuse the statistics named in refuseStatistics with a per-statistic error, and open the rest', async () => {
    await admin(server, 'POST', 'faults', { refuseStatistics: ['Total_Abandoned'] });
    expect(await admin(server, 'GET', 'faults')).toMatchObject({ refuseStatistics: ['Total_Abandoned'] });
    const statistics = [
      { statisticId: 'kept', objectType: 'Queue', objectId: 'sales', name: 'ServiceLevel' },
      { statisticId: 'refused', objectType: 'Queue', objectId: 'sales', name: 'Total_Abandoned' },
    ];
    const partial = await statisticsApi(server, tokens.access_token, 'POST', 'subscriptions', { operationId: 'refusal-1', data: { statistics } });
    expect(partial.status).toBe(200);
    expect(partial.body.status?.code).toBe(2);
    expect(partial.body.errors).toHaveLength(1);
    expect(partial.body.errors?.[0]?.status.code).toBe(403);
    expect(partial.body.errors?.[0]?.status.message).toContain('"refused"');
    expect((partial.body.data as { statistics: { statisticId: string }[] }).statistics.map((s) => s.statisticId)).toEqual(['kept']);
    // Only refused statistics: nothing opens, the errors still name each one.
    const none = await statisticsApi(server, tokens.access_token, 'POST', 'subscriptions', {
      operationId: 'refusal-2',
      data: { statistics: statistics.slice(1) },
    });
    expect(none.status).toBe(400);
    expect(none.body.errors?.[0]?.status.message).toContain('"refused"');

    await admin(server, 'DELETE', 'faults');
    expect(await admin(server, 'GET', 'faults')).toEqual({ httpErrorRate: 0, latencyMs: 0, malformedRate: 0 });
    const after = await statisticsApi(server, tokens.access_token, 'POST', 'subscriptions', { operationId: 'refusal-3', data: { statistics } });
    expect(after.body.status?.code).toBe(0);
    for (const id of ['refusal-1', 'refusal-3']) await statisticsApi(server, tokens.access_token, 'DELETE', `subscriptions/${id}`);
  });

  it('should show a forced agent status at once, with the clock stopped', async () => {
    const read = async (): Promise<string | undefined> => {
      const call = await statisticsApi(server, tokens.access_token, 'GET', 'statistic-values/CurrentAgentState?objectType=Agent&objectId=agent-07');
      return (call.body.data as { statistic: { value: { stringValue: string } } } | undefined)?.statistic.value.stringValue;
    };
    const before = await read();
    const target = before === 'NotReadyForNextCall' ? 'LoggedOut' : 'NotReadyForNextCall';
    const forced = await fetch(`${server.url}/mock/admin/agents/agent-07/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: target, reason: 'Coaching' }),
    });
    // 409 when the agent happens to be on a call at this instant: then nothing changed.
    expect(await read()).toBe(forced.status === 200 ? target : before);
  });

  it('should free subscriptions no session owns when their token is revoked', async () => {
    const mine = await signInWithPkce(server.url);
    await statisticsApi(server, mine.access_token, 'POST', 'subscriptions', {
      operationId: 'orphan',
      data: { statistics: [{ statisticId: 'a', objectType: 'Queue', objectId: 'sales', name: 'ServiceLevel' }] },
    });
    expect(((await admin(server, 'GET', 'sessions')) as { statistics: number }).statistics).toBe(1);
    await admin(server, 'POST', 'tokens/revoke');
    expect(((await admin(server, 'GET', 'sessions')) as { statistics: number }).statistics).toBe(0);
    tokens = await signInWithPkce(server.url);
  });

  it('should also end refresh tokens when asked to', async () => {
    const mine = await signInWithPkce(server.url);
    await admin(server, 'POST', 'tokens/revoke', { refreshTokens: true });
    expect((await statisticsApi(server, mine.access_token, 'GET', READ)).status).toBe(401);
    const refreshed = await tokenRequest(server.url, { grant_type: 'refresh_token', client_id: 'wallboard', refresh_token: mine.refresh_token ?? '' });
    expect(refreshed.status).toBe(400);
    expect(await refreshed.json()).toMatchObject({ error: 'invalid_grant' });
    // A new sign-in works.
    tokens = await signInWithPkce(server.url);
    expect((await statisticsApi(server, tokens.access_token, 'GET', READ)).status).toBe(200);
  });

  it('should revoke every access token while refresh tokens keep working', async () => {
    const mine = await signInWithPkce(server.url);
    await admin(server, 'POST', 'tokens/revoke');
    expect((await statisticsApi(server, mine.access_token, 'GET', READ)).status).toBe(401);
    const refreshed = await tokenRequest(server.url, { grant_type: 'refresh_token', client_id: 'wallboard', refresh_token: mine.refresh_token ?? '' });
    expect(refreshed.status).toBe(200);
    const fresh = (await refreshed.json()) as TokenResponse;
    expect((await statisticsApi(server, fresh.access_token, 'GET', READ)).status).toBe(200);
    tokens = fresh;
  });

  describe('with a CometD client', () => {
    let client: TestClient;
    beforeAll(async () => {
      client = createTestClient(server.url, { 'x-api-key': API_KEY, Authorization: `Bearer ${tokens.access_token}` });
      await client.handshake();
      await client.subscribe('/statistics/v3/updates');
      await client.subscribe('/statistics/v3/service');
    });
    afterAll(() => client.disconnect());

    it('should not announce AVAILABLE again when the service already is', async () => {
      expect(await admin(server, 'POST', 'service-state', { state: 'AVAILABLE' })).toEqual({ state: 'AVAILABLE' });
      await admin(server, 'POST', 'service-state', { state: 'UNAVAILABLE' });
      await admin(server, 'POST', 'service-state', { state: 'AVAILABLE' });
      const states = (): string[] =>
        client.received('/statistics/v3/service').map((m) => (m.data as { data: { serviceState: string } }).data.serviceState);
      await expect.poll(states, { timeout: 5000 }).toEqual(['UNAVAILABLE', 'AVAILABLE']);
    });

    it('should drive the firehose over the open subscriptions, stamped with the real clock', async () => {
      await statisticsApi(server, tokens.access_token, 'POST', 'subscriptions', {
        operationId: 'hose',
        data: {
          statistics: [
            { statisticId: 'a', objectType: 'Queue', objectId: 'sales', name: 'Current_In_Queue' },
            { statisticId: 'b', objectType: 'Queue', objectId: 'support', name: 'Current_In_Queue' },
          ],
        },
      });
      const count = (): number =>
        client
          .received('/statistics/v3/updates')
          .flatMap((m) => (m.data as { data: { statistics: { subscriptionId: string; timestamp: number }[] } }).data.statistics)
          .filter((u) => u.subscriptionId === 'hose' && Math.abs(u.timestamp - Date.now()) < 5000).length;
      const started = Date.now();
      await admin(server, 'POST', 'firehose', { updatesPerSecond: 500 });
      await expect.poll(count, { timeout: 5000 }).toBeGreaterThanOrEqual(200);
      const status = (await admin(server, 'DELETE', 'firehose')) as { running: boolean; sent: number };
      expect(status.running).toBe(false);
      // Roughly the asked rate: never far above it.
      expect(status.sent).toBeLessThanOrEqual(((Date.now() - started) / 1000) * 500 + 50);
      const sessions = (await admin(server, 'GET', 'sessions')) as { sessions: { user: string; statistics: number }[] };
      expect(sessions.sessions).toEqual([expect.objectContaining({ user: 'supervisor', statistics: 2 })]);
      await statisticsApi(server, tokens.access_token, 'DELETE', 'subscriptions/hose');
    });
  });
});
