import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gcApi, gcToken } from './api/genesys-cloud/notifications/notification-test-kit.ts';
import type { MockServer } from './create-mock-server.ts';
import { gcIdOf, snapshotWithIds } from './api/genesys-cloud/gc-test-snapshot.ts';
import { admin, startTestServer } from './test-support/test-server.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('faults per vendor, request counts and vendor ids (admin API)', () => {
  let server: MockServer;
  let token: string;
  let queueId: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await gcToken(server);
    const truth = await snapshotWithIds(server);
    queueId = truth.queues[0] ? gcIdOf(truth.queues[0]) : '';
  });
  afterEach(() => admin(server, 'DELETE', 'faults'));
  afterAll(() => server.close());

  /** Engage's listings with a user's HTTP Basic credentials, as Web Services clients call them. */
  const engageListing = (): Promise<Response> =>
    fetch(`${server.url}/api/v2/queues`, { headers: { authorization: `Basic ${Buffer.from('supervisor:supervisor').toString('base64')}` } });
  const raw = async (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${server.url}/mock/admin/${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  it('should give every queue and agent of the snapshot its Genesys Cloud id', async () => {
    const truth = await snapshotWithIds(server);
    const all = [...truth.queues, ...truth.agents].map(gcIdOf);
    expect(all.every((id) => UUID.test(id))).toBe(true);
    expect(new Set(all).size).toBe(all.length);
  });

  it('should take one vendor down, in its own dialect, while the others serve', async () => {
    expect(await admin(server, 'POST', 'faults', { vendor: 'genesys-cloud', down: true })).toMatchObject({
      httpErrorRate: 0,
      vendors: { 'genesys-cloud': { down: true, httpErrorRate: 0, latencyMs: 0, rateLimitPerMinute: 0 } },
    });
    const down = await gcApi(server, token, 'GET', 'routing/queues');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 503, code: 'service.unavailable' });
    const login = await fetch(`${server.url}/genesys-cloud/login/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
    expect([login.status, await login.json()]).toEqual([503, { error: 'temporarily_unavailable', error_description: 'injected fault' }]);
    expect((await engageListing()).status).toBe(200);

    await admin(server, 'DELETE', 'faults?vendor=genesys-cloud');
    expect((await gcApi(server, token, 'GET', 'routing/queues')).status).toBe(200);
    await admin(server, 'POST', 'faults', { vendor: 'genesys-cloud', httpErrorRate: 1 });
    expect((await gcApi(server, token, 'GET', 'routing/queues')).status).toBe(503);
    expect((await engageListing()).status).toBe(200);
    await admin(server, 'DELETE', 'faults?vendor=genesys-cloud');

    await admin(server, 'POST', 'faults', { down: true });
    const engage = await engageListing();
    expect([engage.status, await engage.json()]).toEqual([503, { statusCode: 4, statusMessage: 'Service unavailable (injected fault)' }]);
    expect((await gcApi(server, token, 'GET', 'routing/queues')).status).toBe(200);
    expect(await admin(server, 'DELETE', 'faults')).toEqual({ httpErrorRate: 0, latencyMs: 0, malformedRate: 0 });
  });

  it('should answer 429 with Retry-After past the rate limit, per token, on the real clock', async () => {
    const other = await gcToken(server);
    await admin(server, 'POST', 'faults', { vendor: 'genesys-cloud', rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await gcApi(server, token, 'GET', 'routing/skills')).status).toBe(200);
    const limited = await fetch(`${server.url}/genesys-cloud/api/v2/routing/skills`, { headers: { authorization: `Bearer ${token}` } });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toEqual({
      message: `Rate limit exceeded the maximum. Retry the request in [${retryAfter}] seconds`,
      code: 'too.many.requests.retry.after',
      status: 429,
    });
    expect((await gcApi(server, other, 'GET', 'routing/skills')).status).toBe(200);
    expect((await engageListing()).status).toBe(200);
  });

  it('should refuse faults that do not fit the vendor', async () => {
    expect((await raw('POST', 'faults', { vendor: 'genesys-cloud', malformedRate: 0.5 })).status).toBe(400);
    expect((await raw('POST', 'faults', { rateLimitPerMinute: 10 })).status).toBe(400);
    expect((await raw('POST', 'faults', { vendor: 'avaya', down: true })).status).toBe(400);
    expect((await raw('DELETE', 'faults?vendor=avaya')).status).toBe(400);
  });

  it('should count requests per vendor and route pattern, faulted ones too, until reset', async () => {
    await admin(server, 'DELETE', 'requests');
    const query = { filter: { type: 'or', predicates: [{ dimension: 'queueId', value: queueId }] }, metrics: ['oWaiting'] };
    await gcApi(server, token, 'POST', 'analytics/queues/observations/query', query);
    await gcApi(server, token, 'GET', `routing/queues/${queueId}`);
    await engageListing();
    await admin(server, 'POST', 'faults', { vendor: 'genesys-cloud', down: true });
    await gcApi(server, token, 'POST', 'analytics/queues/observations/query', query);
    const remove = server.core.requests.registerGauge('genesys-cloud', 'testGauge', () => 7);
    try {
      const counts = (await admin(server, 'GET', 'requests')) as Record<string, Record<string, number>>;
      expect(counts['genesys-cloud']).toMatchObject({
        'POST /api/v2/analytics/queues/observations/query': 2,
        'GET /api/v2/routing/queues/:queueId': 1,
        testGauge: 7,
      });
      expect(counts['genesys-v3']).toMatchObject({ 'GET /api/v2/queues': 1 });
    } finally {
      remove();
    }
    const reset = (await admin(server, 'DELETE', 'requests')) as Record<string, Record<string, number>>;
    expect(Object.keys(reset['genesys-cloud'] ?? {}).filter((k) => k.includes(' '))).toEqual([]);
  });
});
