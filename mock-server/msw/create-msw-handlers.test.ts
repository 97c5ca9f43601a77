import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMswMock } from './create-msw-handlers.ts';

const ORIGIN = 'http://wallboard.test';
const API_KEY = 'wallboard-demo-key';

describe('MSW handlers over the mock core', () => {
  const { core, handlers } = createMswMock({ randomTraffic: false, startAt: Date.UTC(2026, 10, 23, 9), timeZone: 'UTC', speed: 0 }, ORIGIN);
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => {
    server.close();
    core.stop();
  });

  async function serviceToken(): Promise<string> {
    const response = await fetch(`${ORIGIN}/auth/v3/oauth/token`, {
      method: 'POST',
      headers: {
        'x-api-key': API_KEY,
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${btoa('wallboard-service:wallboard-service-secret')}`,
      },
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  it('should serve the same engine: a scripted call shows up in Current_In_Queue', async () => {
    const token = await serviceToken();
    const headers = { 'x-api-key': API_KEY, authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    for (const agent of core.sim.config.agents) core.sim.setAgentStatus(agent.id, 'NotReadyForNextCall', 'Break');
    core.sim.scheduleCall({ queueId: 'billing', at: core.sim.now() });
    core.clock.set({ advanceMs: 30_000 });
    const created = await fetch(`${ORIGIN}/statistics/v3/subscriptions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        operationId: 'msw-1',
        data: {
          statistics: [
            { statisticId: 'ciq', objectType: 'Queue', objectId: 'billing', name: 'Current_In_Queue' },
            { statisticId: 'max', objectType: 'Queue', objectId: 'billing', name: 'CurrMaxCallWaitingTime' },
          ],
        },
      }),
    });
    expect(created.status).toBe(200);
    const body = (await created.json()) as { data: { statistics: { statisticId: string; value: { stringValue: string } }[] } };
    expect(body.data.statistics.map((s) => [s.statisticId, s.value.stringValue])).toEqual([
      ['ciq', '1'],
      ['max', '30'],
    ]);
  });

  it('should list queues in the Web Services envelope and answer admin calls', async () => {
    const token = await serviceToken();
    const queues = await fetch(`${ORIGIN}/api/v2/queues?fields=id,name`, { headers: { 'x-api-key': API_KEY, authorization: `Bearer ${token}` } });
    expect(await queues.json()).toMatchObject({ statusCode: 0, queues: expect.arrayContaining([{ id: 'sales', name: 'Sales' }]) });
    const snapshot = await fetch(`${ORIGIN}/mock/admin/snapshot`);
    expect(((await snapshot.json()) as { queues: unknown[] }).queues).toHaveLength(6);
  });

  it('should refuse a request without API key exactly as the server does', async () => {
    const response = await fetch(`${ORIGIN}/statistics/v3/subscriptions/x/statistic-values`);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Forbidden' });
  });
});
