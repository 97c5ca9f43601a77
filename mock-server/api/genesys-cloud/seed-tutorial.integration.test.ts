import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../create-mock-server.ts';
import { admin, advanceClock, startTestServer } from '../../test-support/test-server.ts';
import { gcIdOf, snapshotWithIds } from './gc-test-snapshot.ts';
import { gcApi, gcToken } from './notifications/notification-test-kit.ts';

/**
 * The seed tutorial's JavaScript client (docs/vendors/genesys-cloud.md "The seed tutorial's
 * currentmetrics/query does not exist"), as it is written, pointed at the mock's API root. No real
 * tenant serves this route; the mock does so the tutorial's code runs.
 */
class QueueMetricsClient {
  private readonly metricsEndpoint: string;
  private readonly headers: Record<string, string>;
  constructor(baseUrl: string, accessToken: string) {
    this.metricsEndpoint = `${baseUrl}/api/v2/analytics/queues/currentmetrics/query`;
    this.headers = { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' };
  }
  async getQueueMetrics(queueIds: string[], metrics: string[]): Promise<unknown> {
    const queryBody = { view: 'QueueCurrentMetricsView', entities: queueIds, metrics };
    const response = await axios.post(this.metricsEndpoint, queryBody, { headers: this.headers });
    return response.data;
  }
}

interface SeedResponse {
  readonly results?: readonly { readonly entityName?: string; readonly metrics?: Record<string, { readonly value: number } | undefined> }[];
}

function parseMetrics(data: SeedResponse): { name?: string; waiting: number; available: number; inProgress: number }[] {
  if (!data.results) return [];
  return data.results.map((item) => {
    const metrics = item.metrics ?? {};
    return {
      ...(item.entityName === undefined ? {} : { name: item.entityName }),
      waiting: metrics.waitingCalls ? metrics.waitingCalls.value : 0,
      available: metrics.availableAgents ? metrics.availableAgents.value : 0,
      inProgress: metrics.inProgressCalls ? metrics.inProgressCalls.value : 0,
    };
  });
}

describe('the seed tutorial against the mock', () => {
  let server: MockServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await gcToken(server);
  });
  afterAll(() => server.close());

  it('should run the tutorial\'s client and parser, with values the snapshot confirms', async () => {
    for (let i = 0; i < 12; i++) await admin(server, 'POST', 'calls', { queueId: 'sales', delayMs: i, talkMs: 600_000 });
    await advanceClock(server, 500);
    const truth = await snapshotWithIds(server);
    const sales = truth.queues.find((q) => q.id === 'sales');
    const queueId = sales ? gcIdOf(sales) : '';
    const client = new QueueMetricsClient(`${server.url}/genesys-cloud`, token);
    const parsed = parseMetrics((await client.getQueueMetrics([queueId], ['waitingCalls', 'availableAgents', 'inProgressCalls'])) as SeedResponse);
    const idle = truth.agents.filter((a) => a.state === 'WaitForNextCall' && a.skills.includes('sales')).length;
    expect(parsed).toEqual([{ name: 'Sales', waiting: sales?.waiting.length, available: idle, inProgress: expect.any(Number) as number }]);
    expect(parsed[0]?.waiting).toBeGreaterThan(0);
  });

  it('should answer the tutorial\'s errors: an unknown queue gives no result, an unknown metric 400', async () => {
    const empty = await gcApi(server, token, 'POST', 'analytics/queues/currentmetrics/query', { view: 'QueueCurrentMetricsView', entities: ['12345678-1234-1234-1234-1234567890ab'], metrics: ['waitingCalls'] });
    expect(empty.body).toEqual({ view: 'QueueCurrentMetricsView', results: [] });
    const refused = await gcApi(server, token, 'POST', 'analytics/queues/currentmetrics/query', { view: 'QueueCurrentMetricsView', metrics: ['queueDepth'] });
    expect(refused.body).toMatchObject({ status: 400, code: 'bad.request' });
    const all = await gcApi(server, token, 'POST', 'analytics/queues/currentmetrics/query', { view: 'QueueCurrentMetricsView', metrics: ['abandonedCalls'] });
    const resolved = server.core.engine.resolve({ objectType: 'Queue', objectId: 'sales', name: 'Total_Abandoned' });
    if (!resolved.ok) throw new Error(resolved.message);
    const sales = (all.body as { results: { entityName: string; metrics: { abandonedCalls: { value: number } } }[] }).results.find((r) => r.entityName === 'Sales');
    expect(sales?.metrics.abandonedCalls.value).toBe(server.core.engine.current(resolved.statistic).value.intValue);
  });
});
