import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClient } from './api/cometd/test-support/cometd-harness.ts';
import type { MockServer } from './create-mock-server.ts';
import { API_KEY, signInWithPkce } from './test-support/http-sign-in.ts';
import { admin, startTestServer, statisticsApi } from './test-support/test-server.ts';

const GOOD = { statisticId: 'ok', objectType: 'Queue', objectId: 'sales', name: 'Current_In_Queue' };

describe('bad input gets the documented answer and the server keeps serving', () => {
  let server: MockServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = (await signInWithPkce(server.url)).access_token;
  });
  afterAll(async () => {
    // Whatever came before, the server still answers normally.
    const still = await statisticsApi(server, token, 'GET', 'statistic-values/ServiceLevel?objectType=Queue&objectId=sales');
    expect(still.status).toBe(200);
    await server.close();
  });

  const create = (body: unknown, headers: Record<string, string> = {}): ReturnType<typeof statisticsApi> =>
    statisticsApi(server, token, 'POST', 'subscriptions', body, headers);

  it('should answer 403 Forbidden without an API key or with a wrong one', async () => {
    for (const key of [undefined, 'wrong-key']) {
      const response = await fetch(`${server.url}/statistics/v3/subscriptions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
        body: JSON.stringify({ data: { statistics: [GOOD] } }),
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ message: 'Forbidden' });
    }
  });

  it('should answer 401 without a token or with a forged one', async () => {
    const none = await fetch(`${server.url}/statistics/v3/subscriptions`, {
      method: 'POST',
      headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { statistics: [GOOD] } }),
    });
    expect(none.status).toBe(401);
    const forged = await create({ data: { statistics: [GOOD] } }, { authorization: `Bearer ${token.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(401);
    expect(forged.body.status?.code).toBe(401);
  });

  it('should answer 400 to malformed JSON and to wrong types', async () => {
    const malformed = await create('{"data": {"statistics": [');
    expect(malformed.status).toBe(400);
    expect(malformed.body.status?.message).toMatch(/JSON/);
    const notArray = await create({ data: { statistics: 'ServiceLevel' } });
    expect(notArray.status).toBe(400);
    expect(notArray.body.status?.message).toMatch(/data\.statistics/);
    const numberId = await create({ data: { statistics: [{ ...GOOD, statisticId: 7 }] } });
    expect(numberId.status).toBe(400);
    expect(numberId.body.status?.message).toMatch(/statisticId/);
  });

  it('should refuse an unknown statistic, an unknown object and a definition it cannot evaluate, naming the statistic', async () => {
    const unknownStat = await create({ data: { statistics: [{ ...GOOD, statisticId: 's1', name: 'NoSuchStat' }] } });
    expect(unknownStat.status).toBe(400);
    expect(unknownStat.body.errors?.[0]?.status).toMatchObject({ code: 404, message: expect.stringMatching(/"s1".*unknown statistic "NoSuchStat"/) });
    const unknownObject = await create({ data: { statistics: [{ ...GOOD, statisticId: 's2', objectId: 'no-such-queue' }] } });
    expect(unknownObject.status).toBe(400);
    expect(unknownObject.body.errors?.[0]?.status.message).toMatch(/"s2".*unknown object "no-such-queue"/);
    const sliding = await create({
      data: {
        statistics: [
          {
            statisticId: 's3',
            objectType: 'Queue',
            objectId: 'sales',
            definition: { category: 'TotalNumber', subject: 'DNAction', mainMask: 'CallAnswered', intervalType: 'SlidingWindow' },
          },
        ],
      },
    });
    expect(sliding.status).toBe(400);
    expect(sliding.body.errors?.[0]?.status.message).toMatch(/"s3".*intervalType/);
  });

  it('should open what it can and report the rest with status code 2', async () => {
    const partial = await create({ operationId: 'partial', data: { statistics: [GOOD, { ...GOOD, statisticId: 'bad', name: 'Nope' }] } });
    expect(partial.status).toBe(200);
    expect(partial.body.status?.code).toBe(2);
    expect((partial.body.data as { statistics: unknown[] }).statistics).toHaveLength(1);
    expect(partial.body.errors).toHaveLength(1);
    await statisticsApi(server, token, 'DELETE', 'subscriptions/partial');
  });

  it('should refuse duplicate statisticIds and a reused operationId', async () => {
    const dup = await create({ data: { statistics: [GOOD, GOOD] } });
    expect(dup.status).toBe(400);
    await create({ operationId: 'once', data: { statistics: [GOOD] } });
    const again = await create({ operationId: 'once', data: { statistics: [GOOD] } });
    expect(again.status).toBe(400);
    await statisticsApi(server, token, 'DELETE', 'subscriptions/once');
  });

  it('should answer 404 for an unknown subscription on GET and 200 on DELETE (fire and forget)', async () => {
    const get = await statisticsApi(server, token, 'GET', 'subscriptions/no-such-id/statistic-values');
    expect(get.status).toBe(404);
    expect(get.body.status?.code).toBe(404);
    const del = await statisticsApi(server, token, 'DELETE', 'subscriptions/no-such-id');
    expect(del).toEqual({ status: 200, body: { status: { code: 0 } } });
  });

  it('should refuse object types and subjects that only exist as JavaScript object properties', async () => {
    const proto = await statisticsApi(server, token, 'GET', 'statistic-values/ServiceLevel?objectType=constructor&objectId=sales');
    expect(proto.status).toBe(400);
    const subject = await create({
      data: {
        statistics: [
          { statisticId: 'p', objectType: 'Queue', objectId: 'sales', definition: { category: 'CurrentNumber', subject: 'toString', mainMask: 'CallWait' } },
        ],
      },
    });
    expect(subject.status).toBe(400);
    expect(subject.body.errors?.[0]?.status.message).toMatch(/unsupported subject/);
  });

  it('should report statisticIds that are not in the subscription and keep other users out of it', async () => {
    await create({ operationId: 'mine', data: { statistics: [GOOD] } });
    const partial = await statisticsApi(server, token, 'GET', 'subscriptions/mine/statistic-values?statisticIds=ok,missing');
    expect(partial.body.status?.code).toBe(2);
    expect((partial.body.data as { statistics: unknown[] }).statistics).toHaveLength(1);
    const basic = `Basic ${Buffer.from('wallboard-service:wallboard-service-secret').toString('base64')}`;
    const other = (await (
      await fetch(`${server.url}/auth/v3/oauth/token`, {
        method: 'POST',
        headers: { 'x-api-key': API_KEY, authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      })
    ).json()) as { access_token: string };
    expect((await statisticsApi(server, other.access_token, 'GET', 'subscriptions/mine/statistic-values')).status).toBe(404);
    await statisticsApi(server, other.access_token, 'DELETE', 'subscriptions/mine');
    expect((await statisticsApi(server, token, 'GET', 'subscriptions/mine/statistic-values')).status).toBe(200);
    await statisticsApi(server, token, 'DELETE', 'subscriptions/mine');
  });

  it('should answer 413 to an oversized body without reading it all', async () => {
    const huge = { data: { statistics: [{ ...GOOD, objectId: 'x'.repeat(400 * 1024) }] } };
    const response = await create(huge);
    expect(response.status).toBe(413);
  });

  it('should answer 400 or 404 to bad value reads', async () => {
    const missing = await statisticsApi(server, token, 'GET', 'statistic-values/ServiceLevel?objectType=Queue');
    expect(missing.status).toBe(400);
    const unknown = await statisticsApi(server, token, 'GET', 'statistic-values/NoSuch?objectType=Queue&objectId=sales');
    expect(unknown.status).toBe(404);
    const exWithDefinition = await statisticsApi(server, token, 'POST', 'operations/get-statistic-ex', {
      data: { statistics: [{ objectType: 'Queue', objectId: 'sales', definition: {} }] },
    });
    expect(exWithDefinition.status).toBe(400);
    const verbose = await statisticsApi(server, token, 'GET', 'subscriptions/x/statistic-values?verbose=LOUD');
    expect(verbose.status).toBe(400);
  });

  it('should answer unknown routes and methods in the envelope, never with a stack trace', async () => {
    const route = await statisticsApi(server, token, 'GET', 'no-such-endpoint');
    expect(route).toEqual({ status: 404, body: { status: { code: 404, message: 'Resource not found' } } });
    const method = await statisticsApi(server, token, 'GET', 'subscriptions');
    expect(method.status).toBe(405);
  });

  it('should refuse bad admin and token requests with a message', async () => {
    const clock = await fetch(`${server.url}/mock/admin/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"speed":-1}' });
    expect(clock.status).toBe(400);
    const grant = await fetch(`${server.url}/auth/v3/oauth/token`, {
      method: 'POST',
      headers: { 'x-api-key': API_KEY, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=magic',
    });
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('should refuse a CometD subscription to a foreign channel and keep the session working', async () => {
    const client = createTestClient(server.url, { 'x-api-key': API_KEY, Authorization: `Bearer ${token}` });
    try {
      expect((await client.handshake()).successful).toBe(true);
      const foreign = await client.subscribe('/statistics/v3/other-tenant');
      expect(foreign.successful).toBe(false);
      expect(String(foreign.error)).toMatch(/^403::/);
      expect((await client.subscribe('/statistics/v3/updates')).successful).toBe(true);
      const sessions = (await admin(server, 'GET', 'sessions')) as { sessions: unknown[] };
      expect(sessions.sessions).toHaveLength(1);
    } finally {
      await client.disconnect();
    }
  });

  it('should answer a CometD handshake without API key with 403 and without token with 401', async () => {
    const handshake = JSON.stringify([{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] }]);
    const noKey = await fetch(`${server.url}/statistics/v3/notifications/handshake`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: handshake,
    });
    expect(noKey.status).toBe(403);
    const noToken = await fetch(`${server.url}/statistics/v3/notifications/handshake`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: handshake,
    });
    expect(noToken.status).toBe(401);
  });
});
