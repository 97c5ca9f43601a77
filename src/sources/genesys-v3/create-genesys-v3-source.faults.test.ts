// @vitest-environment node
// Node, not jsdom: the mock core reads its files through Node URLs, which jsdom's URL breaks.
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { statKey } from '../stat-spec.ts';
import { createManualTimers } from './test-support/manual-timers.ts';
import { API_KEY, createMswTestMock, ORIGIN } from './test-support/msw-mock.ts';
import { createSourceRig, nextTask, spec, type RigOptions, type SourceRig } from './test-support/source-rig.ts';

const { core, server, openStatistics, serviceToken } = createMswTestMock();

const serviceLevel = spec('Queue', 'sales', 'ServiceLevel');
const inQueue = spec('Queue', 'sales', 'Current_In_Queue');
const idle = spec('GroupAgents', 'sales', 'LongestIdleTime');
const agentState = spec('Agent', 'agent-01', 'CurrentAgentState');
const board = [serviceLevel, inQueue, idle, agentState];
const keys = board.map(statKey);

describe('createGenesysV3Source under faults (MSW REST, fake CometD)', () => {
  let rig: SourceRig;
  let token = '';

  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    token = await serviceToken();
  });
  afterEach(async () => {
    await rig.source.stop();
    server.resetHandlers();
    core.setServiceState('AVAILABLE');
    core.engine.subscriptions.closeAll();
  });
  afterAll(() => {
    server.close();
    core.stop();
  });

  async function liveBoard(options: Partial<RigOptions> = {}): Promise<SourceRig> {
    rig = createSourceRig({ origin: ORIGIN, apiKey: API_KEY, token: () => token, ...options });
    rig.source.start();
    rig.source.watch(board);
    await expect.poll(() => keys.map((k) => rig.sink.status(k)?.status)).toEqual(['live', 'live', 'live', 'live']);
    return rig;
  }

  const statusesOf = (): Array<string | undefined> => keys.map((k) => rig.sink.status(k)?.status);

  it('should mark every key stale at once on UNAVAILABLE, forget its subscriptions without DELETE, and re-create them all on AVAILABLE', async () => {
    await liveBoard();
    const requestsBefore = rig.requests.length;
    core.setServiceState('UNAVAILABLE');
    rig.cometd.serviceState('UNAVAILABLE');

    expect(rig.sink.connection()).toBe('unavailable');
    expect(rig.sink.statusBatches.at(-1)).toEqual(keys.map((key) => ({ key, status: 'stale', reason: 'Statistics service unavailable' })));
    // Nothing is created while the service is down, even for a new tile.
    const extra = spec('Queue', 'support', 'Current_In_Queue');
    rig.source.watch([...board, extra]);
    await nextTask();
    expect(rig.requests.slice(requestsBefore)).toEqual([]);
    expect(openStatistics()).toBe(0);

    core.setServiceState('AVAILABLE');
    rig.cometd.serviceState('AVAILABLE');
    expect(rig.sink.connection()).toBe('live');
    await expect.poll(() => [...keys, statKey(extra)].map((k) => rig.sink.status(k)?.status)).toEqual(['live', 'live', 'live', 'live', 'live']);
    expect(rig.creates()).toHaveLength(2);
    expect(rig.creates()[1]?.data.statistics).toHaveLength(5);
    expect(rig.creates()[1]?.operationId).not.toBe(rig.creates()[0]?.operationId);
    expect(rig.deletes()).toEqual([]);
    expect(openStatistics()).toBe(5);
    // The values came from the new create's response.
    expect(rig.sink.updateBatches.at(-1)?.map((u) => u.key)).toEqual([...keys, statKey(extra)]);
  });

  it('should wait for AVAILABLE when a create meets 503 during UNAVAILABLE', async () => {
    const timers = createManualTimers();
    await liveBoard({ deps: { ...timers, random: () => 0.5 } });
    core.setServiceState('UNAVAILABLE');
    rig.cometd.serviceState('UNAVAILABLE');
    // AVAILABLE announced to this client while the service still refuses: the create gets 503.
    rig.cometd.serviceState('AVAILABLE');
    await expect.poll(() => rig.creates()).toHaveLength(2);
    // Announced AVAILABLE, answered 503: an ordinary back-off (first retry within 1 s)…
    await expect.poll(() => timers.pending(1000)).toEqual([{ ms: 500 }]);
    // …which UNAVAILABLE cancels: nothing is retried until the next AVAILABLE.
    rig.cometd.serviceState('UNAVAILABLE');
    expect(timers.pending(1000)).toEqual([]);
    core.setServiceState('AVAILABLE');
    rig.cometd.serviceState('AVAILABLE');
    await expect.poll(statusesOf).toEqual(['live', 'live', 'live', 'live']);
    expect(rig.creates()).toHaveLength(3);
    expect(openStatistics()).toBe(4);
  });

  it('should re-subscribe both channels and re-create every subscription after a re-handshake, leaving nothing behind', async () => {
    await liveBoard();
    const old = rig.creates()[0]?.operationId;
    rig.cometd.dropSession();
    expect(rig.sink.connections.map((c) => c.state)).toContain('reconnecting');
    await expect.poll(() => rig.cometd.handshakes()).toBe(2);
    await expect.poll(() => rig.creates()).toHaveLength(2);
    expect(rig.cometd.subscribed().sort()).toEqual(['/statistics/v3/service', '/statistics/v3/updates']);
    await expect.poll(() => rig.sink.connection()).toBe('live');
    await expect.poll(statusesOf).toEqual(['live', 'live', 'live', 'live']);
    // The old session's subscription is deleted in case the server kept it.
    await expect.poll(() => rig.deletes()).toEqual([old]);
    await expect.poll(() => openStatistics()).toBe(4);
    // Updates addressed to the old subscription are no longer ours; it was just deleted, so no second DELETE.
    rig.cometd.deliver('/statistics/v3/updates', { data: { statistics: [{ subscriptionId: old, statisticId: 's1', value: 1, timestamp: 1 }] } });
    expect(rig.sink.drops).toEqual([{ reason: 'unknown statistic', count: 1 }]);
    await nextTask();
    expect(rig.deletes()).toEqual([old]);
  });

  it('should give up a silent connection on reconnect(): abort it, open a new session and re-create every subscription', async () => {
    await liveBoard();
    const old = rig.creates()[0]?.operationId;
    const seenAlive = rig.source.lastActivityAt();
    expect(seenAlive).toBeGreaterThan(0);

    rig.source.reconnect('no sign of life for 35 s');
    expect(rig.cometd.aborts()).toBe(1);
    expect(rig.sink.connections.at(-1)).toEqual({ state: 'reconnecting', detail: 'no sign of life for 35 s' });
    expect(statusesOf()).toEqual(['stale', 'stale', 'stale', 'stale']);
    await expect.poll(() => rig.cometd.handshakes()).toBe(2);
    await expect.poll(() => rig.creates()).toHaveLength(2);
    await expect.poll(statusesOf).toEqual(['live', 'live', 'live', 'live']);
    expect(rig.sink.connection()).toBe('live');
    // The old subscription is deleted (the server may have kept it); nothing is held twice.
    await expect.poll(() => rig.deletes()).toEqual([old]);
    await expect.poll(() => openStatistics()).toBe(4);
    expect(rig.source.lastActivityAt()).toBeGreaterThanOrEqual(seenAlive);
  });

  it('should not reconnect before it started or after it stopped', async () => {
    rig = createSourceRig({ origin: ORIGIN, apiKey: API_KEY, token: () => token });
    rig.source.reconnect('too early');
    expect(rig.cometd.aborts()).toBe(0);
    expect(rig.cometd.handshakes()).toBe(0);
    await rig.source.stop();
    rig.source.reconnect('too late');
    expect(rig.cometd.aborts()).toBe(0);
  });

  it('should go stale while the long-poll fails and re-read on return, re-creating what the server lost', async () => {
    await liveBoard();
    rig.cometd.interruptConnect();
    expect(rig.sink.connection()).toBe('reconnecting');
    expect(statusesOf()).toEqual(['stale', 'stale', 'stale', 'stale']);
    // Nothing is created while the connection is down.
    rig.source.watch([...board, spec('Queue', 'vip', 'ServiceLevel')]);
    await nextTask();
    expect(rig.creates()).toHaveLength(1);
    core.engine.subscriptions.closeAll();

    rig.cometd.restoreConnect();
    expect(rig.sink.connection()).toBe('live');
    await expect.poll(statusesOf).toEqual(['live', 'live', 'live', 'live']);
    expect(rig.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
    expect(rig.creates()).toHaveLength(3);
    expect(openStatistics()).toBe(5);
  });

  it('should refresh the token once after a CometD 401 and handshake with the new one', async () => {
    const fresh = await serviceToken();
    let current = token;
    const handleUnauthorized = vi.fn(async (rejected: string) => {
      current = fresh;
      return rejected === token;
    });
    rig = createSourceRig({ origin: ORIGIN, apiKey: API_KEY, token: () => current, deps: { handleUnauthorized } });
    rig.cometd.failNextHandshakes(401);
    rig.source.start();
    await expect.poll(() => rig.sink.connection()).toBe('live');
    expect(handleUnauthorized).toHaveBeenCalledTimes(1);
    expect(handleUnauthorized).toHaveBeenCalledWith(token);
    expect(rig.cometd.configurations.at(-1)?.requestHeaders).toEqual({ 'x-api-key': API_KEY, Authorization: `Bearer ${fresh}` });
  });

  it('should say unauthorized and stop retrying when the refresh is refused', async () => {
    rig = createSourceRig({ origin: ORIGIN, apiKey: API_KEY, token: () => token, deps: { handleUnauthorized: async () => false } });
    rig.cometd.failNextHandshakes(401, 401, 401);
    rig.source.start();
    await expect.poll(() => rig.sink.connection()).toBe('unauthorized');
    expect(rig.sink.connections.at(-1)?.detail).toBe('The access token could not be refreshed');
    expect(rig.cometd.getStatus()).toBe('disconnected');
  });

  it('should follow token changes: new CometD headers, and a fresh start after being signed out', async () => {
    let listener: (token: string | null | undefined) => void = () => undefined;
    await liveBoard({ deps: { onTokenChange: (l) => ((listener = l), () => undefined) } });
    const fresh = await serviceToken();
    listener(fresh);
    await expect.poll(() => rig.cometd.configurations.at(-1)?.requestHeaders).toEqual({ 'x-api-key': API_KEY, Authorization: `Bearer ${fresh}` });
    listener(null);
    await expect.poll(() => rig.sink.connection()).toBe('unauthorized');
    expect(statusesOf()).toEqual(['stale', 'stale', 'stale', 'stale']);
  });

  it('should say unauthorized when the auth module cannot give a token for a REST call', async () => {
    const notSignedIn = Object.assign(new Error('Not signed in'), { kind: 'unauthorized' });
    rig = createSourceRig({ origin: ORIGIN, apiKey: API_KEY, token: () => token, deps: { authorizedFetch: () => Promise.reject(notSignedIn) } });
    rig.source.start();
    rig.source.watch(board);
    await expect.poll(() => rig.sink.connection()).toBe('unauthorized');
    expect(rig.sink.connections.at(-1)?.detail).toBe('Not signed in');
  });

  it('should show an API key refusal on the tiles and not retry it', async () => {
    const refused = Object.assign(new Error('The server refused the API key'), { kind: 'configuration' });
    const authorizedFetch = vi.fn(() => Promise.reject(refused));
    const timers = createManualTimers();
    rig = createSourceRig({ origin: ORIGIN, apiKey: API_KEY, token: () => token, deps: { authorizedFetch, ...timers } });
    rig.source.start();
    rig.source.watch([inQueue]);
    await expect.poll(() => rig.sink.status(statKey(inQueue))).toEqual({ key: statKey(inQueue), status: 'error', reason: 'The server refused the API key' });
    expect(authorizedFetch).toHaveBeenCalledTimes(1);
    expect(timers.pending(30_000)).toEqual([]);
  });

  /** The gateway refuses the next create as it refuses a bad API key (docs/vendors/genesys-engage.md §0.4). */
  function refuseNextCreate(): void {
    server.use(http.post(`${ORIGIN}/statistics/v3/subscriptions`, () => HttpResponse.json({ message: 'Forbidden' }, { status: 403 }), { once: true }));
  }

  it('should ask again for a refused statistic every five minutes or so, keeping the error shown until the answer', async () => {
    const timers = createManualTimers();
    rig = createSourceRig({ origin: ORIGIN, apiKey: API_KEY, token: () => token, deps: { ...timers, random: () => 0.5 } });
    refuseNextCreate();
    rig.source.start();
    rig.source.watch([inQueue]);
    await expect.poll(() => rig.sink.status(statKey(inQueue))).toEqual({ key: statKey(inQueue), status: 'error', reason: 'Forbidden: the API key was refused' });
    await nextTask();
    expect(timers.pending()).toEqual([{ ms: 300_000 }]);
    expect(rig.creates()).toHaveLength(1);

    timers.fire(300_000);
    await expect.poll(() => rig.sink.status(statKey(inQueue))?.status).toBe('live');
    expect(rig.creates()).toHaveLength(2);
    expect(rig.sink.statusesOf(statKey(inQueue))).toEqual(['loading', 'error', 'live']);
    expect(timers.pending()).toEqual([]);
  });

  it('should ask again for refused statistics on a new server session', async () => {
    rig = createSourceRig({ origin: ORIGIN, apiKey: API_KEY, token: () => token });
    refuseNextCreate();
    rig.source.start();
    rig.source.watch(board);
    await expect.poll(statusesOf).toEqual(['error', 'error', 'error', 'error']);
    rig.cometd.dropSession();
    await expect.poll(statusesOf).toEqual(['live', 'live', 'live', 'live']);
    expect(rig.creates()).toHaveLength(2);
  });

  it('should ask again for refused statistics on AVAILABLE, and keep them as errors, not stale, meanwhile', async () => {
    await liveBoard();
    const extra = spec('Queue', 'support', 'Current_In_Queue');
    refuseNextCreate();
    rig.source.watch([...board, extra]);
    await expect.poll(() => rig.sink.status(statKey(extra))?.status).toBe('error');
    core.setServiceState('UNAVAILABLE');
    rig.cometd.serviceState('UNAVAILABLE');
    expect(rig.sink.status(statKey(extra))?.status).toBe('error');
    core.setServiceState('AVAILABLE');
    rig.cometd.serviceState('AVAILABLE');
    await expect.poll(() => [...keys, statKey(extra)].map((k) => rig.sink.status(k)?.status)).toEqual(['live', 'live', 'live', 'live', 'live']);
    expect(openStatistics()).toBe(5);
  });

  it('should ask again for a channel the server refused on a live session', async () => {
    const timers = createManualTimers();
    rig = createSourceRig({ origin: ORIGIN, apiKey: API_KEY, token: () => token, deps: { ...timers, random: () => 0 } });
    rig.cometd.refuseChannel('/statistics/v3/service', 1);
    rig.source.start();
    await expect.poll(() => timers.pending(500)).toHaveLength(1);
    expect(rig.sink.connection()).toBe('connecting');
    timers.fire(500);
    await expect.poll(() => rig.sink.connection()).toBe('live');
  });
});
