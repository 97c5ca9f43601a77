// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createGcHttp, type GcHttp } from './gc-http.ts';
import { createRequestGate } from './gc-request-gate.ts';
import { gcError, json } from './test-support/fake-gc.ts';
import { createVirtualTime, type VirtualTime } from './test-support/virtual-time.ts';

interface Harness {
  readonly http: GcHttp;
  readonly time: VirtualTime;
  readonly sent: Array<{ at: number; path: string }>;
  readonly drops: string[];
  readonly refreshes: string[];
  /** Answers in order; the last one repeats. */
  answers: Array<() => Response>;
  /** With `hold`: answers the oldest request still waiting for its answer. */
  release(): void;
}

function harness(options: { reauthenticate?: boolean; hold?: boolean } = {}): Harness {
  const time = createVirtualTime();
  const h: Harness = {
    time,
    sent: [],
    drops: [],
    refreshes: [],
    answers: [() => json(200, { ok: true })],
    http: undefined as unknown as GcHttp,
    release: () => pending.shift()?.(),
  };
  const pending: Array<() => void> = [];
  (h as { http: GcHttp }).http = createGcHttp({
    authorizedFetch: (path) => {
      h.sent.push({ at: time.now(), path });
      const answer = (h.answers.length > 1 ? h.answers.shift() : h.answers[0]) ?? (() => json(200, {}));
      if (!options.hold) return Promise.resolve(answer());
      return new Promise((resolve) => pending.push(() => resolve(answer())));
    },
    getAccessToken: () => 'tok',
    handleUnauthorized: (token) => {
      h.refreshes.push(token);
      return Promise.resolve(options.reauthenticate ?? false);
    },
    gate: createRequestGate(time, () => 0.5),
    timers: time,
    dropped: (reason) => h.drops.push(reason),
    timeoutMs: 20_000,
  });
  return h;
}

const schema = z.object({ ok: z.boolean() });

describe('createGcHttp', () => {
  it('should wait for Retry-After after a 429 and then send again, holding every other request meanwhile', async () => {
    const h = harness();
    h.answers = [() => gcError(429, 'Rate limit exceeded the maximum. Retry the request in [3] seconds', { 'retry-after': '3' }), () => json(200, { ok: true })];
    const first = h.http.request('GET', '/api/v2/a', { schema });
    await h.time.settle();
    const second = h.http.request('GET', '/api/v2/b', { schema });
    await h.time.advance(2_999);
    expect(h.sent.map((s) => s.path)).toEqual(['/api/v2/a']);
    await h.time.advance(1);
    expect(await first).toMatchObject({ ok: true, value: { ok: true } });
    expect(await second).toMatchObject({ ok: true });
    const start = h.sent[0]?.at ?? 0;
    expect(h.sent.map((s) => [s.path, s.at - start])).toEqual([
      ['/api/v2/a', 0],
      ['/api/v2/a', 3000],
      ['/api/v2/b', 3000],
    ]);
  });

  it('should send one request at a time for a while after a 429: no burst on recovery', async () => {
    const h = harness({ hold: true });
    h.answers = [() => gcError(429, 'x', { 'retry-after': '1' }), () => json(200, { ok: true })];
    const calls = [h.http.request('GET', '/api/v2/first', { schema })];
    await h.time.settle();
    h.release();
    await h.time.settle();
    for (let i = 0; i < 6; i++) calls.push(h.http.request('GET', `/api/v2/q${i}`, { schema }));
    await h.time.advance(1_000);
    const sends: number[] = [h.sent.length];
    for (let i = 0; i < 6; i++) {
      h.release();
      await h.time.settle();
      sends.push(h.sent.length);
    }
    // The retry of the first, then the six waiting ones, each after the one before was answered.
    expect(sends).toEqual([2, 3, 4, 5, 6, 7, 8]);
    h.release();
    await Promise.all(calls);
  });

  it('should send up to four at once when all is well', async () => {
    const h = harness({ hold: true });
    const calls = Array.from({ length: 6 }, (_, i) => h.http.request('GET', `/api/v2/q${i}`, { schema }));
    await h.time.settle();
    expect(h.sent).toHaveLength(4);
    for (let i = 0; i < 6; i++) h.release();
    await h.time.settle();
    for (let i = 0; i < 2; i++) h.release();
    await Promise.all(calls);
    expect(h.sent).toHaveLength(6);
  });

  it('should ask for a newer token once on a 401, retry with it, and give up on a second 401', async () => {
    const refused = harness({ reauthenticate: false });
    refused.answers = [() => gcError(401, 'Invalid login credentials.')];
    expect(await refused.http.request('GET', '/api/v2/a', { schema })).toMatchObject({ ok: false, kind: 'unauthorized' });
    expect(refused.refreshes).toEqual(['tok']);

    const renewed = harness({ reauthenticate: true });
    renewed.answers = [() => gcError(401, 'x'), () => json(200, { ok: true })];
    expect(await renewed.http.request('GET', '/api/v2/a', { schema })).toMatchObject({ ok: true });
    renewed.answers = [() => gcError(401, 'x')];
    expect(await renewed.http.request('GET', '/api/v2/b', { schema })).toMatchObject({ ok: false, kind: 'unauthorized' });
    expect(renewed.refreshes).toEqual(['tok', 'tok']);
  });

  it('should name the missing permission of a 403, from the answer or the endpoint', async () => {
    const h = harness();
    h.answers = [() => gcError(403, 'Unable to perform the requested action. You must have at least one of the following permissions assigned: [analytics:conversationAggregate:view]')];
    expect(await h.http.request('POST', '/api/v2/x', { schema })).toEqual({ ok: false, kind: 'forbidden', message: 'Missing permission: analytics:conversationAggregate:view' });
    h.answers = [() => json(403, {})];
    expect(await h.http.request('POST', '/api/v2/x', { schema, permission: 'analytics:queueObservation:view' })).toEqual({
      ok: false,
      kind: 'forbidden',
      message: 'Missing permission: analytics:queueObservation:view',
    });
  });

  it('should tell 404, other 4xx, 5xx and network failures apart', async () => {
    const h = harness();
    h.answers = [() => gcError(404, 'gone')];
    expect(await h.http.request('GET', '/api/v2/x')).toMatchObject({ kind: 'not-found', message: 'gone' });
    h.answers = [() => gcError(400, 'bad metric')];
    expect(await h.http.request('GET', '/api/v2/x')).toMatchObject({ kind: 'rejected', status: 400, message: 'bad metric' });
    h.answers = [() => gcError(503, 'down')];
    expect(await h.http.request('GET', '/api/v2/x')).toMatchObject({ kind: 'transient', status: 503 });
    h.answers = [
      () => {
        throw new TypeError('fetch failed');
      },
    ];
    expect(await h.http.request('GET', '/api/v2/x')).toMatchObject({ kind: 'transient' });
  });

  it('should drop and count an answer that does not parse, naming its endpoint without ids', async () => {
    const h = harness();
    h.answers = [() => json(200, { ok: 'yes' })];
    expect(await h.http.request('GET', '/api/v2/users/6f1c0d4e-8a2b-5c3d-9e4f-0a1b2c3d4e5f/routingstatus?x=1', { schema })).toMatchObject({ ok: false, kind: 'transient' });
    expect(h.drops).toEqual(['Genesys Cloud answer to GET /api/v2/users/{id}/routingstatus does not parse']);
  });
});
