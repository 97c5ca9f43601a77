import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startWatchedPost, type WatchedPost } from '../../test-support/watched-post.ts';
import type { SessionRemoved } from './create-cometd-facade.ts';
import { BROWSER_COOKIE, cookieFromSetCookie } from './session-cookies.ts';
import { API_KEY, NOTIFICATIONS, postRaw, rawHandshake, startHarness, type Harness, type HarnessOptions } from './test-support/cometd-harness.ts';

const UPDATES = '/statistics/v3/updates';
const SERVICE = '/statistics/v3/service';
const HEADERS = { 'x-api-key': API_KEY, authorization: 'Bearer good' };

let harness: Harness | undefined;
let watched: WatchedPost[] = [];

async function start(options: HarnessOptions): Promise<Harness> {
  harness = await startHarness(options);
  return harness;
}

function watch(h: Harness, path: string, body: unknown, headers: Record<string, string> = HEADERS): WatchedPost {
  const post = startWatchedPost(h.url, `${NOTIFICATIONS}${path}`, body, headers);
  watched.push(post);
  return post;
}

const connectMessage = (clientId: string, timeout?: number): Record<string, unknown> => ({
  channel: '/meta/connect',
  clientId,
  connectionType: 'long-polling',
  ...(timeout === undefined ? {} : { advice: { timeout } }),
});

interface ParkedSession {
  readonly clientId: string;
  /** Its BAYEUX_BROWSER id. */
  readonly browser: string | undefined;
  readonly parked: WatchedPost;
}

/** A raw session subscribed to updates, past its first (immediate) connect, with its next connect parked. */
async function sessionWithParkedConnect(h: Harness, headers: Record<string, string> = HEADERS): Promise<ParkedSession> {
  const { clientId, reply } = await rawHandshake(h.url);
  const browser = cookieFromSetCookie(reply.setCookies, BROWSER_COOKIE);
  await postRaw(h.url, `${NOTIFICATIONS}/`, [{ channel: '/meta/subscribe', clientId, subscription: UPDATES }], headers);
  await postRaw(h.url, `${NOTIFICATIONS}/connect`, [connectMessage(clientId, 0)], headers);
  const before = h.facade.held().longPolls;
  const parked = watch(h, '/connect', [connectMessage(clientId)], headers);
  await vi.waitFor(() => expect(h.facade.held().longPolls).toBe(before + 1));
  return { clientId, browser, parked };
}

function nextRemoval(h: Harness): Promise<SessionRemoved> {
  return new Promise((resolve) => {
    const stop = h.facade.onSessionRemoved((event) => {
      stop();
      resolve(event);
    });
  });
}

function expectSilent(...posts: WatchedPost[]): void {
  for (const post of posts) {
    expect(post.bytesReceived()).toBe(0);
    expect(post.closedByServer()).toBe(false);
  }
}

afterEach(async () => {
  await Promise.all(watched.map((w) => w.abort()));
  watched = [];
  await harness?.close();
  harness = undefined;
});

describe('createCometdFacade — stalled sessions (the "connection dies silently" fault)', () => {
  it('should answer neither the parked connect nor any later request of a stalled session, and forget each once its client aborts', async () => {
    const timeoutMs = 300;
    const h = await start({ timeoutMs });
    const { clientId, parked } = await sessionWithParkedConnect(h);
    h.registry.openFor('sub-1', clientId, 'tok-good', ['st-1']);

    expect(h.facade.stallAllSessions()).toBe(1);
    // The parked long poll is no longer the server's: it is held for the client to give up on.
    expect(h.facade.held()).toEqual({ longPolls: 0, stalledRequests: 1 });
    const later = [
      watch(h, '/connect', [connectMessage(clientId)]),
      watch(h, '/subscribe', [{ channel: '/meta/subscribe', clientId, subscription: SERVICE }]),
      watch(h, '/', [{ channel: UPDATES, clientId, data: { hello: true } }]),
      // Even a request the server would refuse (bad token) gets nothing: the connection is dead.
      watch(h, '/connect', [connectMessage(clientId)], { 'x-api-key': API_KEY, authorization: 'Bearer forged' }),
      watch(h, '/disconnect', [{ channel: '/meta/disconnect', clientId }]),
    ];
    await vi.waitFor(() => expect(h.facade.held().stalledRequests).toBe(1 + later.length));
    // Values fall due; none may reach the stalled session, held nowhere either.
    h.registry.advanceAndTick();
    h.facade.publishServiceState('UNAVAILABLE');

    // Past the long-poll timeout, when a healthy parked connect would have been answered.
    await delay(timeoutMs + 700);
    expectSilent(parked, ...later);
    expect(h.facade.sessions()).toEqual([{ id: clientId, user: 'supervisor', subscriptions: 1, statistics: 1, queuedMessages: 0, stalled: true }]);

    await Promise.all([parked, ...later].map((post) => post.abort()));
    await vi.waitFor(() => expect(h.facade.held()).toEqual({ longPolls: 0, stalledRequests: 0 }));
  });

  it('should serve a new session normally, with a normal long poll from the same browser, and deliver only to it', async () => {
    const h = await start({ timeoutMs: 5000 });
    const old = await sessionWithParkedConnect(h);
    h.registry.openFor('sub-old', old.clientId, 'tok-good', ['st-1']);
    h.facade.stallAllSessions();

    // The recovering client of the same browser (same BAYEUX_BROWSER) handshakes again.
    const sameBrowser = { ...HEADERS, cookie: `${BROWSER_COOKIE}=${old.browser ?? ''}` };
    const fresh = await postRaw(
      h.url,
      `${NOTIFICATIONS}/handshake`,
      [{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] }],
      sameBrowser,
    );
    const [handshake] = fresh.body as Array<{ clientId: string; successful: boolean }>;
    expect(handshake?.successful).toBe(true);
    const clientId = handshake?.clientId ?? '';
    expect(clientId).not.toBe(old.clientId);
    const subscribed = await postRaw(h.url, `${NOTIFICATIONS}/`, [{ channel: '/meta/subscribe', clientId, subscription: UPDATES }], sameBrowser);
    expect(subscribed.body).toEqual([expect.objectContaining({ successful: true })]);
    await postRaw(h.url, `${NOTIFICATIONS}/connect`, [connectMessage(clientId, 0)], sameBrowser);
    h.registry.openFor('sub-new', clientId, 'tok-good', ['st-2']);

    // Parked, not bounced with `multiple-clients` advice: the stalled long poll freed the browser's slot.
    expect(h.facade.held().longPolls).toBe(0);
    const connect = postRaw(h.url, `${NOTIFICATIONS}/connect`, [connectMessage(clientId)], sameBrowser);
    await vi.waitFor(() => expect(h.facade.held().longPolls).toBe(1));
    h.registry.advanceAndTick();
    type Reply = { channel: string; advice?: Record<string, unknown>; data?: { data: { statistics: Array<{ subscriptionId: string }> } } };
    const messages = (await connect).body as Reply[];
    const delivered = messages.filter((m) => m.channel === UPDATES).flatMap((m) => m.data?.data.statistics.map((s) => s.subscriptionId) ?? []);
    expect(delivered).toEqual(['sub-new']);
    expect(messages.at(-1)).toMatchObject({ channel: '/meta/connect', successful: true });
    expect(messages.at(-1)?.advice?.['multiple-clients']).toBeUndefined();
    expectSilent(old.parked);
  });

  it('should expire a stalled session maxInterval after the stall, closing its subscriptions, and still answer nothing after', async () => {
    const timeoutMs = 5000;
    const h = await start({ timeoutMs, maxIntervalMs: 400 });
    const { clientId, parked } = await sessionWithParkedConnect(h);
    h.registry.openFor('sub-1', clientId, 'tok-good', ['st-1', 'st-2']);
    const removed = nextRemoval(h);
    const stalledAt = Date.now();
    h.facade.stallAllSessions();

    expect(await removed).toMatchObject({ sessionId: clientId, reason: 'expired', closedSubscriptions: 1 });
    // Not the parked connect's long-poll timeout: the stall started the session's expiry clock.
    expect(Date.now() - stalledAt).toBeLessThan(timeoutMs);
    expect(h.registry.get('sub-1')).toBeUndefined();
    expect(h.facade.sessions()).toEqual([]);
    expect(h.facade.counters().sessionsEnded.expired).toBe(1);

    // The client retrying with its old clientId gets no `402` either, until the fault is cleared.
    const retry = watch(h, '/connect', [connectMessage(clientId)]);
    await vi.waitFor(() => expect(h.facade.held().stalledRequests).toBe(2));
    expectSilent(parked, retry);
  });

  it('should serve a stalled session again once cleared, leaving what it held to the client', async () => {
    const h = await start({ timeoutMs: 5000 });
    const { clientId, parked } = await sessionWithParkedConnect(h);
    h.facade.stallAllSessions();
    const held = watch(h, '/connect', [connectMessage(clientId)]);
    await vi.waitFor(() => expect(h.facade.held().stalledRequests).toBe(2));

    h.facade.clearStalledSessions();
    expect(h.facade.sessions()[0]).not.toHaveProperty('stalled');
    const connect = await postRaw(h.url, `${NOTIFICATIONS}/connect`, [connectMessage(clientId, 0)]);
    expect(connect.body).toEqual([expect.objectContaining({ channel: '/meta/connect', successful: true })]);
    expect(h.facade.held().stalledRequests).toBe(2);
    expectSilent(parked, held);

    // Only shutting down ends held requests from the server side.
    h.facade.close();
    await vi.waitFor(() => expect(parked.closedByServer() && held.closedByServer()).toBe(true));
    expect(parked.bytesReceived() + held.bytesReceived()).toBe(0);
    expect(h.facade.held().stalledRequests).toBe(0);
  });

  it('should stall only the sessions existing when asked, and end stalled ones without a byte when they are dropped', async () => {
    const h = await start({ timeoutMs: 5000 });
    const first = await sessionWithParkedConnect(h);
    expect(h.facade.stallAllSessions()).toBe(1);
    const second = await rawHandshake(h.url);
    expect(h.facade.sessions().map((s) => [s.id, s.stalled ?? false])).toEqual([
      [first.clientId, true],
      [second.clientId, false],
    ]);
    // Asking again stalls only the sessions not stalled yet.
    expect(h.facade.stallAllSessions()).toBe(1);

    expect(h.facade.dropAllSessions()).toBe(2);
    expect(h.facade.sessions()).toEqual([]);
    expectSilent(first.parked);
  });
});
