import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Message } from 'cometd';
import express from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCookies } from '../request-body.ts';
import type { SessionRemoved } from './create-cometd-facade.ts';
import {
  API_KEY,
  createTestClient,
  NOTIFICATIONS,
  postRaw,
  rawHandshake,
  startHarness,
  type Harness,
  type HarnessOptions,
  type TestClient,
} from './test-support/cometd-harness.ts';

const UPDATES = '/statistics/v3/updates';
const SERVICE = '/statistics/v3/service';

let harness: Harness | undefined;
let clients: TestClient[] = [];

async function start(options: HarnessOptions = {}): Promise<Harness> {
  harness = await startHarness(options);
  return harness;
}

function client(baseUrl: string, headers?: Record<string, string>): TestClient {
  const c = createTestClient(baseUrl, headers);
  clients.push(c);
  return c;
}

/** A client that has handshaken and subscribed to both channels, as the Genesys client does (docs/vendors/genesys-engage.md §2.10). */
async function readyClient(baseUrl: string, token = 'good'): Promise<{ c: TestClient; id: string }> {
  const c = client(baseUrl, { 'x-api-key': API_KEY, Authorization: `Bearer ${token}` });
  const hs = await c.handshake();
  expect(hs.successful).toBe(true);
  const [updates, service] = await Promise.all([c.subscribe(UPDATES), c.subscribe(SERVICE)]);
  expect(updates.successful).toBe(true);
  expect(service.successful).toBe(true);
  const id = c.cometd.getClientId();
  if (!id) throw new Error('no clientId');
  return { c, id };
}

function nextRemoval(h: Harness): Promise<SessionRemoved> {
  return new Promise((resolve) => {
    const stop = h.facade.onSessionRemoved((event) => {
      stop();
      resolve(event);
    });
  });
}

/** Lets the batcher's microtask run between registry ticks, so each tick is its own message. */
async function tickSeparately(h: Harness, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    h.registry.advanceAndTick();
    await Promise.resolve();
  }
}

afterEach(async () => {
  await Promise.all(clients.map((c) => c.disconnect()));
  clients = [];
  await harness?.close();
  harness = undefined;
});

describe('createCometdFacade — authentication', () => {
  it('should refuse a handshake without or with a wrong API key with 403 Forbidden, before looking at the token', async () => {
    const h = await start();
    const handshake = [{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] }];
    const missing = await postRaw(h.url, `${NOTIFICATIONS}/handshake`, handshake, { authorization: 'Bearer good' });
    const wrong = await postRaw(h.url, `${NOTIFICATIONS}/handshake`, handshake, { 'x-api-key': 'nope', authorization: 'Bearer nope' });
    expect(missing).toMatchObject({ status: 403, body: { message: 'Forbidden' } });
    expect(wrong).toMatchObject({ status: 403, body: { message: 'Forbidden' } });
    expect(h.facade.sessions()).toEqual([]);
  });

  it('should refuse a handshake without, with a bad or with an expired token with 401', async () => {
    const h = await start();
    const handshake = [{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] }];
    const path = `${NOTIFICATIONS}/handshake`;
    const none = await postRaw(h.url, path, handshake, { 'x-api-key': API_KEY });
    const bad = await postRaw(h.url, path, handshake, { 'x-api-key': API_KEY, authorization: 'Bearer forged' });
    const expired = await postRaw(h.url, path, handshake, { 'x-api-key': API_KEY, authorization: 'bearer expired' });
    expect(none).toMatchObject({ status: 401, body: { status: { code: 401 } } });
    expect(bad).toMatchObject({ status: 401, body: { status: { code: 401, message: 'Invalid access token' } } });
    expect(expired).toMatchObject({ status: 401, body: { status: { code: 401, message: 'Access token expired' } } });
    expect(h.facade.sessions()).toEqual([]);
  });

  it('should surface the 401 to the CometD client as a failed handshake', async () => {
    const h = await start();
    // Giving up after a failed handshake makes the CometD client warn that it has no transport left.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const c = client(h.url, { 'x-api-key': API_KEY, Authorization: 'Bearer forged' });
    // As the wallboard does on 401: stop retrying (and refresh the token, not shown here).
    c.cometd.addListener('/meta/unsuccessful', () => c.cometd.disconnect());
    const reply = await c.handshake();
    expect(reply.successful).toBe(false);
    expect((reply as Message & { failure?: { httpCode?: number } }).failure?.httpCode).toBe(401);
    await vi.waitFor(() => expect(c.cometd.getStatus()).toBe('disconnected'));
    expect(h.facade.sessions()).toEqual([]);
    warn.mockRestore();
  });

  it('should refuse a connect whose token is invalid or belongs to another user', async () => {
    const h = await start();
    const { clientId } = await rawHandshake(h.url);
    const connect = [{ channel: '/meta/connect', clientId, connectionType: 'long-polling', advice: { timeout: 0 } }];
    const invalid = await postRaw(h.url, `${NOTIFICATIONS}/connect`, connect, { 'x-api-key': API_KEY, authorization: 'Bearer forged' });
    const foreign = await postRaw(h.url, `${NOTIFICATIONS}/connect`, connect, { 'x-api-key': API_KEY, authorization: 'Bearer good2' });
    expect(invalid.status).toBe(401);
    expect(foreign).toMatchObject({ status: 401, body: { status: { code: 401, message: 'The CometD session belongs to another user' } } });
  });
});

describe('createCometdFacade — HTTP surface', () => {
  it('should accept POST on all seven notification paths', async () => {
    const h = await start();
    const suffixes = ['', '/', '/handshake', '/connect', '/subscribe', '/unsubscribe', '/disconnect'];
    const replies = await Promise.all(
      suffixes.map((suffix) => postRaw(h.url, `${NOTIFICATIONS}${suffix}`, [{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] }])),
    );
    for (const reply of replies) expect(reply).toMatchObject({ status: 200, body: [{ channel: '/meta/handshake', successful: true }] });
  });

  it('should answer OPTIONS, other methods, unknown sub-paths, bad JSON and oversized bodies sensibly', async () => {
    const h = await start({ maxBodyBytes: 1024 });
    const options = await fetch(`${h.url}${NOTIFICATIONS}/connect`, { method: 'OPTIONS' });
    const get = await fetch(`${h.url}${NOTIFICATIONS}`, { headers: { 'x-api-key': API_KEY } });
    const unknown = await postRaw(h.url, `${NOTIFICATIONS}/elsewhere`, []);
    const badJson = await postRaw(h.url, `${NOTIFICATIONS}/handshake`, '[{"channel":');
    const notBayeux = await postRaw(h.url, `${NOTIFICATIONS}/handshake`, [{ id: '1' }]);
    const huge = await postRaw(h.url, `${NOTIFICATIONS}/handshake`, [{ channel: '/meta/handshake', pad: 'x'.repeat(4096) }]);
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('POST, OPTIONS');
    expect(get.status).toBe(405);
    expect(unknown.status).toBe(404);
    expect(badJson).toMatchObject({ status: 400, body: { status: { code: 400 } } });
    expect(notBayeux.status).toBe(400);
    expect(huge).toMatchObject({ status: 413, body: { status: { code: 413 } } });
  });

  it('should work when a body parser has already read the request (req.body set)', async () => {
    const h = await start({
      handler: (facade) => {
        const app = express();
        app.use(express.json({ type: () => true }));
        app.use((req, res) => facade.handle(req, res));
        return (req: IncomingMessage, res: ServerResponse) => app(req, res);
      },
    });
    const { clientId } = await rawHandshake(h.url);
    const sub = await postRaw(h.url, `${NOTIFICATIONS}/`, [{ channel: '/meta/subscribe', clientId, subscription: UPDATES }]);
    expect(sub).toMatchObject({ status: 200, body: [{ channel: '/meta/subscribe', successful: true }] });
  });
});

describe('createCometdFacade — session binding', () => {
  it('should set STATISTICS_SESSIONID to the session id on handshake, beside BAYEUX_BROWSER', async () => {
    const h = await start();
    const { clientId, reply } = await rawHandshake(h.url);
    expect(reply.setCookies).toContain(`STATISTICS_SESSIONID=${clientId}; Path=/statistics/v3; HttpOnly; SameSite=Lax`);
    expect(reply.setCookies.some((c) => c.startsWith('BAYEUX_BROWSER='))).toBe(true);
    expect(h.facade.sessionIdFromCookies({ STATISTICS_SESSIONID: clientId })).toBe(clientId);
    expect(h.facade.sessionIdFromCookies({ STATISTICS_SESSIONID: 'made-up' })).toBeUndefined();
    expect(h.facade.sessionIdFromCookies({})).toBeUndefined();
    expect(h.facade.sessions()).toEqual([{ id: clientId, user: 'supervisor', subscriptions: 0, statistics: 0, queuedMessages: 0 }]);
  });

  it('should let the Node CometD client replay both cookies on its requests', async () => {
    const h = await start();
    const { id } = await readyClient(h.url);
    await vi.waitFor(() => {
      const connects = h.requests.filter((r) => r.path === `${NOTIFICATIONS}/connect`);
      const cookies = parseCookies(connects.at(-1)?.cookie);
      expect(cookies.STATISTICS_SESSIONID).toBe(id);
      expect(cookies.BAYEUX_BROWSER).toBeTruthy();
      expect(h.facade.sessionIdFromCookies(cookies)).toBe(id);
    });
  });

  it('should find the session by clientId for clients that keep no cookies', async () => {
    const h = await start();
    const { clientId } = await rawHandshake(h.url);
    const subscribe = await postRaw(h.url, `${NOTIFICATIONS}/`, [{ id: '2', channel: '/meta/subscribe', clientId, subscription: UPDATES }]);
    const connect = await postRaw(h.url, `${NOTIFICATIONS}/connect`, [
      { id: '3', channel: '/meta/connect', clientId, connectionType: 'long-polling', advice: { timeout: 0 } },
    ]);
    expect(subscribe.body).toEqual([expect.objectContaining({ channel: '/meta/subscribe', successful: true })]);
    expect(connect.body).toEqual([expect.objectContaining({ channel: '/meta/connect', successful: true })]);
  });

  it('should answer an unknown clientId with 402::Unknown client and advice to handshake', async () => {
    const h = await start();
    const connect = await postRaw(h.url, `${NOTIFICATIONS}/connect`, [{ id: '3', channel: '/meta/connect', clientId: 'gone', connectionType: 'long-polling' }]);
    expect(connect.body).toEqual([
      expect.objectContaining({ successful: false, error: '402::Unknown client', advice: expect.objectContaining({ reconnect: 'handshake' }) }),
    ]);
  });

  it('should name the owner for a REST call by cookie, else by the one session that used its token', async () => {
    const h = await start();
    const a = await rawHandshake(h.url);
    const supervisor = { subject: 'supervisor', tokenId: 'tok-good' };
    expect(h.facade.ownerForRequest({ STATISTICS_SESSIONID: a.clientId }, supervisor)).toBe(a.clientId);
    expect(h.facade.ownerForRequest({}, supervisor)).toBe(a.clientId);
    expect(h.facade.ownerForRequest({ STATISTICS_SESSIONID: a.clientId }, { subject: 'kiosk', tokenId: 'tok-good2' })).toBeUndefined();
    await rawHandshake(h.url);
    // Two sessions share the token and there is no cookie: ambiguous, so no single owner.
    expect(h.facade.ownerForRequest({}, supervisor)).toBeUndefined();
  });
});

describe('createCometdFacade — channels', () => {
  it('should refuse subscribing or publishing to any other channel while the session keeps working', async () => {
    const h = await start();
    const { c, id } = await readyClient(h.url);
    const foreign = await c.subscribe('/statistics/v3/everything');
    const wildcard = await c.subscribe('/statistics/v3/*');
    const published = await new Promise<Message>((resolve) => c.cometd.publish(UPDATES, { fake: true }, resolve));
    expect(foreign.successful).toBe(false);
    expect(foreign.error).toMatch(/^403::/);
    expect(wildcard.error).toMatch(/^403::/);
    expect(published.successful).toBe(false);
    expect(published.error).toMatch(/^403::/);

    h.registry.openFor('sub-1', id, 'tok-good', ['st-1']);
    h.registry.advanceAndTick();
    await vi.waitFor(() => expect(c.received(UPDATES)).toHaveLength(1));
  });
});

describe('createCometdFacade — delivery', () => {
  it('should deliver a StatisticUpdate of the documented shape only to the owning session', async () => {
    const h = await start();
    const a = await readyClient(h.url);
    const b = await readyClient(h.otherHostUrl, 'good2');
    h.registry.openFor('sub-a', a.id, 'tok-good', ['st-1']);
    h.registry.advanceAndTick();
    await vi.waitFor(() => expect(a.c.received(UPDATES)).toHaveLength(1));

    h.registry.openFor('sub-b', b.id, 'tok-good2', ['st-2']);
    h.registry.advanceAndTick();
    await vi.waitFor(() => expect(b.c.received(UPDATES)).toHaveLength(1));
    await vi.waitFor(() => expect(a.c.received(UPDATES)).toHaveLength(2));

    const [first] = a.c.received(UPDATES);
    expect(first?.channel).toBe(UPDATES);
    expect(first?.data).toEqual({
      name: 'StatisticUpdate',
      topic: UPDATES,
      data: {
        statistics: [
          {
            subscriptionId: 'sub-a',
            statisticId: 'st-1',
            value: { intValue: expect.any(Number), stringValue: expect.any(String), tag: -1, intervalLength: 0, timestamp: expect.any(Number) },
            timestamp: expect.any(Number),
          },
        ],
      },
    });
    const seenByB = b.c.received(UPDATES).flatMap((m) => (m.data as { data: { statistics: Array<{ subscriptionId: string }> } }).data.statistics);
    expect(seenByB.map((s) => s.subscriptionId)).toEqual(['sub-b']);
    const seenByA = a.c.received(UPDATES).flatMap((m) => (m.data as { data: { statistics: Array<{ subscriptionId: string }> } }).data.statistics);
    expect(seenByA.map((s) => s.subscriptionId)).toEqual(['sub-a', 'sub-a']);
  });

  it('should send all updates of one registry tick for a session as one message', async () => {
    const h = await start();
    const { c, id } = await readyClient(h.url);
    h.registry.openFor('sub-1', id, 'tok-good', ['st-1', 'st-2']);
    h.registry.openFor('sub-2', id, 'tok-good', ['st-3', 'st-4']);
    h.registry.advanceAndTick();
    await vi.waitFor(() => expect(c.received(UPDATES)).toHaveLength(1));
    const [message] = c.received(UPDATES);
    const statistics = (message?.data as { data: { statistics: Array<{ subscriptionId: string; statisticId: string }> } }).data.statistics;
    expect(statistics.map((s) => `${s.subscriptionId}/${s.statisticId}`)).toEqual(['sub-1/st-1', 'sub-1/st-2', 'sub-2/st-3', 'sub-2/st-4']);
  });

  it('should deliver a subscription opened without a session cookie to the sessions of its token only', async () => {
    const h = await start();
    const a = await readyClient(h.url);
    const b = await readyClient(h.otherHostUrl, 'good2');
    h.registry.openFor('sub-unbound', undefined, 'tok-good2', ['st-1']);
    h.registry.openFor('sub-a', a.id, 'tok-good', ['st-2']);
    h.registry.advanceAndTick();
    await vi.waitFor(() => expect(b.c.received(UPDATES)).toHaveLength(1));
    await vi.waitFor(() => expect(a.c.received(UPDATES)).toHaveLength(1));
    const idsOf = (messages: Message[]): string[] =>
      messages.flatMap((m) => (m.data as { data: { statistics: Array<{ subscriptionId: string }> } }).data.statistics.map((s) => s.subscriptionId));
    expect(idsOf(b.c.received(UPDATES))).toEqual(['sub-unbound']);
    expect(idsOf(a.c.received(UPDATES))).toEqual(['sub-a']);
  });

  it('should deliver ServiceStateChange to every session subscribed to the service channel', async () => {
    const h = await start();
    const a = await readyClient(h.url);
    const b = await readyClient(h.otherHostUrl, 'good2');
    expect(h.facade.publishServiceState('UNAVAILABLE')).toBe(2);
    for (const c of [a.c, b.c]) {
      await vi.waitFor(() => expect(c.received(SERVICE)).toHaveLength(1));
      expect(c.received(SERVICE)[0]).toMatchObject({
        channel: SERVICE,
        data: { name: 'ServiceStateChange', topic: SERVICE, data: { serviceState: 'UNAVAILABLE' } },
      });
    }
    h.facade.publishServiceState('AVAILABLE');
    await vi.waitFor(() => expect(a.c.received(SERVICE)).toHaveLength(2));
    expect(a.c.received(SERVICE)[1]?.data).toMatchObject({ data: { serviceState: 'AVAILABLE' } });
  });

  it('should replace every StatisticUpdate by a malformed variant at rate 1', async () => {
    // Each message draws twice: whether to break it (always, at rate 1) and how.
    const draws = [0.5, 0.1, 0.5, 0.3, 0.5, 0.6, 0.5, 0.9];
    let i = 0;
    const h = await start({ random: () => draws[i++ % draws.length] ?? 0 });
    const { c, id } = await readyClient(h.url);
    h.facade.setMalformedRate(1);
    h.registry.openFor('sub-1', id, 'tok-good', ['st-1']);
    await tickSeparately(h, 4);
    await vi.waitFor(() => expect(c.received(UPDATES)).toHaveLength(4));
    const payloads = c.received(UPDATES).map((m) => m.data as { name: string; data: unknown });
    const wellFormed = (p: { data: unknown }): boolean => {
      const stats = (p.data as { statistics?: unknown } | null)?.statistics;
      return (
        Array.isArray(stats) &&
        stats.every((s: { statisticId?: unknown; value?: unknown }) => typeof s.statisticId === 'string' && typeof s.value === 'object' && s.value !== null)
      );
    };
    expect(payloads.filter(wellFormed)).toEqual([]);
    expect(payloads[0]?.data).toMatchObject({ statistics: [{ value: 'NaN' }] });
    expect((payloads[1]?.data as { statistics: object[] }).statistics[0]).not.toHaveProperty('statisticId');
    expect(payloads[2]?.data).toBe('statistics unavailable');
    expect(typeof (payloads[3]?.data as { statistics: unknown }).statistics).toBe('string');
    expect(h.facade.counters().malformedUpdateMessages).toBe(4);

    h.facade.setMalformedRate(0);
    await tickSeparately(h, 1);
    await vi.waitFor(() => expect(c.received(UPDATES)).toHaveLength(5));
    expect(wellFormed(c.received(UPDATES)[4]?.data as { data: unknown })).toBe(true);
  });

  it('should cap the messages queued for a client that stops connecting, dropping the oldest updates', async () => {
    const h = await start({ maxQueuedMessages: 3 });
    const { clientId } = await rawHandshake(h.url);
    await postRaw(h.url, `${NOTIFICATIONS}/`, [{ channel: '/meta/subscribe', clientId, subscription: UPDATES }]);
    h.registry.openFor('sub-1', clientId, 'tok-good', ['st-1']);
    await tickSeparately(h, 5);
    expect(h.facade.sessions()).toEqual([{ id: clientId, user: 'supervisor', subscriptions: 1, statistics: 1, queuedMessages: 3 }]);
    expect(h.facade.counters().droppedUpdateMessages).toBe(2);

    const connect = await postRaw(h.url, `${NOTIFICATIONS}/connect`, [{ id: '9', channel: '/meta/connect', clientId, connectionType: 'long-polling' }]);
    const messages = connect.body as Array<{ channel: string; data?: { data: { statistics: Array<{ value: { intValue: number } }> } } }>;
    const values = messages.filter((m) => m.channel === UPDATES).map((m) => m.data?.data.statistics[0]?.value.intValue);
    // The registry's fake counts 1 (opening) then 2..6 for the five ticks; the newest three remain.
    expect(values).toEqual([4, 5, 6]);
    expect(messages.at(-1)).toMatchObject({ channel: '/meta/connect', successful: true });
    expect(h.facade.sessions()[0]?.queuedMessages).toBe(0);
  });
});

describe('createCometdFacade — ending sessions', () => {
  it('should make clients re-handshake after dropAllSessions and close the subscriptions they owned', async () => {
    const h = await start();
    const { c, id } = await readyClient(h.url);
    h.registry.openFor('sub-1', id, 'tok-good', ['st-1']);
    // Wait until the client's connect is held, the usual state when the fault hits.
    await vi.waitFor(() => expect(h.requests.filter((r) => r.path === `${NOTIFICATIONS}/connect`).length).toBeGreaterThanOrEqual(2));
    const removed = nextRemoval(h);

    expect(h.facade.dropAllSessions()).toBe(1);
    expect(h.registry.get('sub-1')).toBeUndefined();
    expect(await removed).toMatchObject({ sessionId: id, reason: 'dropped', closedSubscriptions: 1 });

    await vi.waitFor(() => {
      const handshakes = c.meta('/meta/handshake').filter((m) => m.successful);
      expect(handshakes).toHaveLength(2);
      expect(handshakes[1]?.clientId).not.toBe(id);
    });
    expect(c.meta('/meta/unsuccessful').some((m) => m.channel === '/meta/connect' && m.error === '402::Unknown client')).toBe(true);
    expect(c.meta('/meta/disconnect')).toEqual([]);
    expect(h.facade.counters().sessionsEnded.dropped).toBe(1);
    expect(h.facade.sessions().map((s) => s.id)).toEqual([c.cometd.getClientId()]);
  });

  it('should close the subscriptions a session owned when its client disconnects', async () => {
    const h = await start();
    const { c, id } = await readyClient(h.url);
    const other = await readyClient(h.otherHostUrl, 'good2');
    h.registry.openFor('sub-1', id, 'tok-good', ['st-1', 'st-2']);
    h.registry.openFor('sub-other', other.id, 'tok-good2', ['st-1']);
    const removed = nextRemoval(h);
    await c.disconnect();
    expect(await removed).toMatchObject({ sessionId: id, user: 'supervisor', reason: 'disconnected', closedSubscriptions: 1 });
    expect(h.registry.get('sub-1')).toBeUndefined();
    expect(h.registry.get('sub-other')).toBeDefined();
    expect(h.facade.sessionIdFromCookies({ STATISTICS_SESSIONID: id })).toBeUndefined();
  });

  it('should expire a session that stops connecting and close its subscriptions', async () => {
    const h = await start({ maxIntervalMs: 100 });
    const { clientId } = await rawHandshake(h.url);
    h.registry.openFor('sub-1', clientId, 'tok-good', ['st-1']);
    const removed = await nextRemoval(h);
    expect(removed).toMatchObject({ sessionId: clientId, reason: 'expired', closedSubscriptions: 1 });
    expect(h.registry.get('sub-1')).toBeUndefined();
  });

  it('should end only the sessions whose current token was revoked', async () => {
    const h = await start();
    const a = await readyClient(h.url);
    const b = await readyClient(h.otherHostUrl, 'good2');
    h.registry.openFor('sub-a', a.id, 'tok-good', ['st-1']);
    expect(h.facade.revokeSessionsOfTokens(['tok-good'])).toBe(1);
    expect(h.registry.get('sub-a')).toBeUndefined();
    expect(h.facade.sessions().map((s) => s.id)).toEqual([b.id]);
    expect(h.facade.counters().sessionsEnded.revoked).toBe(1);
    // The fake token is still valid, so the client comes back with a new session.
    await vi.waitFor(() => expect(a.c.meta('/meta/handshake').filter((m) => m.successful)).toHaveLength(2));
    expect(h.facade.revokeSessionsOfTokens('all')).toBe(2);
  });

  it('should accept a disconnect after sign-out, when the token no longer verifies', async () => {
    const h = await start();
    const { clientId } = await rawHandshake(h.url);
    const reply = await postRaw(h.url, `${NOTIFICATIONS}/disconnect`, [{ id: '5', channel: '/meta/disconnect', clientId }], {
      'x-api-key': API_KEY,
      authorization: 'Bearer expired',
    });
    expect(reply.body).toEqual([expect.objectContaining({ channel: '/meta/disconnect', successful: true })]);
    expect(h.facade.sessions()).toEqual([]);
  });
});
