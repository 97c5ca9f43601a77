// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { gcError, type LoggedRequest } from './test-support/fake-gc.ts';
import { ANNA, SALES, seedFloor } from './test-support/gc-floor.ts';
import { createGcRig, gcSpec, keyOf, type GcRig } from './test-support/source-rig.ts';

const OBSERVATIONS = '/api/v2/analytics/queues/observations/query';
const isObservations = (r: LoggedRequest): boolean => r.path === OBSERVATIONS;
const board = [gcSpec('queue', SALES, 'Current_In_Queue'), gcSpec('queue', SALES, 'Total_Answered'), gcSpec('agent', ANNA, 'CurrentAgentState')];

describe('createGenesysCloudSource when things go wrong', () => {
  let rig: GcRig;
  afterEach(async () => {
    await rig.source.stop();
  });

  async function started(options: Parameters<typeof createGcRig>[0] = {}): Promise<GcRig> {
    rig = createGcRig(options);
    seedFloor(rig.gc, rig.time.now());
    rig.source.watch(board);
    rig.source.start();
    await rig.time.advance(100);
    return rig;
  }
  const observationQueries = (): number => rig.gc.requests.filter(isObservations).length;

  it('should wait as long as Retry-After says after a 429 before asking again', async () => {
    rig = createGcRig();
    seedFloor(rig.gc, rig.time.now());
    rig.gc.fail(isObservations, () => gcError(429, 'Rate limit exceeded the maximum. Retry the request in [7] seconds', { 'retry-after': '7' }));
    rig.source.watch(board);
    rig.source.start();
    await rig.time.advance(6_900);
    expect(observationQueries()).toBe(1);
    expect(rig.value('queue', SALES, 'Current_In_Queue')).toBeUndefined();
    await rig.time.advance(200);
    expect(observationQueries()).toBe(2);
    expect(rig.value('queue', SALES, 'Current_In_Queue')).toBe(2);
    expect(rig.sink.state()).toBe('live');
  });

  it('should back off 2 s doubling to 60 s after 429s without Retry-After', async () => {
    rig = createGcRig();
    seedFloor(rig.gc, rig.time.now());
    rig.gc.fail(isObservations, () => gcError(429, 'Rate limit'), 3);
    rig.source.watch([gcSpec('queue', SALES, 'Current_In_Queue')]);
    rig.source.start();
    await rig.time.advance(20_000);
    const times = rig.gc.requests.filter(isObservations).map((r) => r.at);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    // random() = 0.5: half of 2 s, 4 s, 8 s, but never less than the 2 s floor.
    expect(gaps.slice(0, 3)).toEqual([2_000, 2_000, 4_000]);
    expect(rig.value('queue', SALES, 'Current_In_Queue')).toBe(2);
  });

  it('should try one re-authentication on a 401, then say unauthorized and stop asking; a new token starts over', async () => {
    await started();
    rig.gc.fail(isObservations, () => gcError(401, 'Invalid login credentials.'));
    await rig.time.advance(60_000);
    expect(rig.reauthentications).toEqual(['token-1']);
    expect(rig.sink.state()).toBe('unauthorized');
    const asked = rig.gc.requests.length;
    await rig.time.advance(300_000);
    expect(rig.gc.requests.length).toBe(asked);
    expect(rig.gc.sockets.open()).toEqual([]);

    rig.token = 'token-2';
    for (const listener of rig.tokenListeners) listener('token-2');
    await rig.time.advance(100);
    expect(rig.sink.state()).toBe('live');
    expect(rig.gc.requests.length).toBeGreaterThan(asked);
  });

  it('should retry once with the new token when the re-authentication gives one', async () => {
    await started({ reauthenticate: true });
    rig.gc.fail(isObservations, () => gcError(401, 'Invalid login credentials.'));
    await rig.time.advance(60_000);
    expect(rig.reauthentications).toEqual(['token-1']);
    expect(rig.sink.state()).toBe('live');
    expect(rig.gc.requests.filter(isObservations).at(-1)?.at).toBe(rig.gc.requests.filter(isObservations).at(-2)?.at);
    expect(rig.sink.latest(keyOf('queue', SALES, 'Current_In_Queue'))?.timestamp).toBeGreaterThanOrEqual(rig.time.now() - 1000);
  });

  it('should refuse, naming the missing permission, exactly what a 403 stands for, and never ask again', async () => {
    rig = createGcRig();
    seedFloor(rig.gc, rig.time.now());
    rig.gc.fail(
      isObservations,
      () => gcError(403, 'Unable to perform the requested action. You must have at least one of the following permissions assigned: [analytics:queueObservation:view]'),
      100,
    );
    rig.source.watch(board);
    rig.source.start();
    await rig.time.advance(100);
    expect(rig.sink.status(keyOf('queue', SALES, 'Current_In_Queue'))).toMatchObject({ status: 'error', reason: 'Missing permission: analytics:queueObservation:view' });
    expect(rig.value('queue', SALES, 'Total_Answered')).toBe(40);
    expect(rig.value('agent', ANNA, 'CurrentAgentState')).toMatchObject({ state: 'ready' });
    await rig.time.advance(600_000);
    expect(observationQueries()).toBe(1);
  });

  it('should move to a new socket on the same channel at v2.system.socket_closing, and catch up', async () => {
    await started();
    const [socket] = rig.gc.sockets.open();
    socket?.deliver({ topicName: 'v2.system.socket_closing', eventBody: {} });
    await rig.time.settle();
    expect(socket?.isClosed()).toBe(true);
    expect(rig.gc.sockets.open().map((s) => s.url)).toEqual([socket?.url]);
    expect(rig.gc.count('POST', '/api/v2/notifications/channels')).toBe(1);
    expect(rig.gc.count('HEAD', '/api/v2/notifications/channels')).toBe(0);
    await rig.time.advance(1_000);
    expect(observationQueries()).toBe(2);
    // A warned move is not a lost connection: no value was ever shown stale for it.
    expect(rig.sink.connections.map((c) => c.state)).toEqual(['connecting', 'live']);
  });

  it('should take a socket silent for 75 s for dead: check the channel, reopen, and catch up; heartbeats keep it', async () => {
    await started();
    await rig.time.advance(600_000);
    expect(rig.gc.sockets.all).toHaveLength(1);
    rig.heartbeats = false;
    await rig.time.advance(76_000);
    expect(rig.gc.sockets.all).toHaveLength(2);
    expect(rig.gc.count('HEAD', '/api/v2/notifications/channels')).toBe(1);
    expect(rig.gc.count('POST', '/api/v2/notifications/channels')).toBe(1);
    expect(rig.sink.connections.map((c) => c.state).slice(-2)).toEqual(['reconnecting', 'live']);
  });

  it('should make a new channel and subscribe it again when the old one is gone', async () => {
    await started();
    const [old] = rig.gc.channels.keys();
    rig.gc.channels.clear();
    rig.gc.sockets.open()[0]?.drop('channel expired');
    await rig.time.advance(2_000);
    expect(rig.gc.count('POST', '/api/v2/notifications/channels')).toBe(2);
    const [fresh] = rig.gc.channels.keys();
    expect(fresh).not.toBe(old);
    expect(rig.gc.channels.get(fresh ?? '')?.size).toBe(2);
    expect(rig.sink.state()).toBe('live');
  });

  it('should poll every 10 s while the sockets are down, say reconnecting, and go back to 60 s once up', async () => {
    await started();
    rig.gc.sockets.refuse = true;
    rig.gc.sockets.open()[0]?.drop();
    await rig.time.settle();
    expect(rig.sink.state()).toBe('reconnecting');
    const before = observationQueries();
    await rig.time.advance(60_000);
    expect(observationQueries() - before).toBeGreaterThanOrEqual(5);
    expect(rig.sink.latest(keyOf('queue', SALES, 'Current_In_Queue'))?.timestamp).toBeGreaterThan(rig.time.now() - 11_000);
    rig.gc.sockets.refuse = false;
    await rig.time.advance(70_000);
    expect(rig.sink.state()).toBe('live');
    const up = observationQueries();
    await rig.time.advance(120_000);
    expect(observationQueries() - up).toBe(2);
  });

  it('should say unavailable while the platform answers 503 and the sockets are down, and recover', async () => {
    await started();
    rig.gc.fail(() => true, () => gcError(503, 'The service is currently unavailable'), 1_000_000);
    rig.gc.sockets.refuse = true;
    rig.gc.sockets.open()[0]?.drop();
    await rig.time.advance(30_000);
    expect(rig.sink.state()).toBe('unavailable');
    rig.gc.heal();
    rig.gc.sockets.refuse = false;
    await rig.time.advance(70_000);
    expect(rig.sink.state()).toBe('live');
    expect(rig.sink.latest(keyOf('queue', SALES, 'Current_In_Queue'))?.timestamp).toBeGreaterThan(rig.time.now() - 60_000);
  });

  it('should drop and count frames and data that do not parse, keeping the rest', async () => {
    await started();
    const [socket] = rig.gc.sockets.open();
    socket?.deliver('not json');
    socket?.deliver({ no: 'topic' });
    rig.gc.pushQueue(SALES, [{ metric: 'oWaiting', stats: { count: 4 } }, { metric: 7 }, { metric: 'oInteracting', stats: { count: 'x' } }]);
    await rig.time.settle();
    expect(rig.value('queue', SALES, 'Current_In_Queue')).toBe(4);
    expect(rig.sink.dropCount()).toBe(4);
  });
});
