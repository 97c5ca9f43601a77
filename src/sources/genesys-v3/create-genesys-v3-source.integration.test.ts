// @vitest-environment node
// The real mock over the network, with the real `cometd` client (cometd-nodejs-client gives it XMLHttpRequest).
import { engageAgentState } from './engage-agent-states.ts';
import { CometD } from 'cometd';
import { adapt } from 'cometd-nodejs-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../../mock-server/create-mock-server.ts';
import { API_KEY, signInWithPkce } from '../../../mock-server/test-support/http-sign-in.ts';
import { admin, advanceClock, startTestServer } from '../../../mock-server/test-support/test-server.ts';
import type { StatSource } from '../stat-source.ts';
import { statKey } from '../stat-spec.ts';
import { createGenesysV3Source } from './create-genesys-v3-source.ts';
import { createRecordingSink, type RecordingSink } from './test-support/recording-sink.ts';
import { SHIPPED_SOURCE_CATALOG, spec } from './test-support/source-rig.ts';

interface Sessions {
  readonly sessions: ReadonlyArray<{ readonly statistics: number; readonly subscriptions: number }>;
  readonly statistics: number;
}
interface Snapshot {
  readonly now: number;
  readonly queues: ReadonlyArray<{ readonly id: string; readonly waiting: readonly unknown[] }>;
  readonly agents: ReadonlyArray<{ readonly id: string; readonly state: string; readonly since: number }>;
}

const serviceLevel = spec('Queue', 'sales', 'ServiceLevel');
const inQueue = spec('Queue', 'sales', 'Current_In_Queue');
const idle = spec('GroupAgents', 'sales', 'LongestIdleTime');
const agentState = spec('Agent', 'agent-01', 'CurrentAgentState');
const supportInQueue = spec('Queue', 'support', 'Current_In_Queue');
const board = [serviceLevel, inQueue, idle, agentState];

describe('createGenesysV3Source against the real mock (REST + CometD)', () => {
  let server: MockServer;
  let token: string;
  let sink: RecordingSink;
  let source: StatSource;

  const sessions = async (): Promise<Sessions> => (await admin(server, 'GET', 'sessions')) as Sessions;
  const snapshot = async (): Promise<Snapshot> => (await admin(server, 'GET', 'snapshot')) as Snapshot;
  const statusesOf = (specs = board): Array<string | undefined> => specs.map((s) => sink.status(statKey(s))?.status);
  const waitingIn = async (queue: string): Promise<number | undefined> => (await snapshot()).queues.find((q) => q.id === queue)?.waiting.length;

  beforeAll(async () => {
    adapt();
    server = await startTestServer();
    token = (await signInWithPkce(server.url)).access_token;
    sink = createRecordingSink();
    source = createGenesysV3Source({
      catalog: SHIPPED_SOURCE_CATALOG,
      baseUrl: server.url,
      apiKey: API_KEY,
      getAccessToken: () => token,
      onTokenChange: () => () => undefined,
      authorizedFetch: (input, init) => {
        const headers = new Headers(init.headers);
        headers.set('x-api-key', API_KEY);
        headers.set('authorization', `Bearer ${token}`);
        return fetch(input, { ...init, headers });
      },
      sink,
      createCometD: () => new CometD(),
      // Short, so replacing partly used subscriptions happens within a poll's timeout.
      settleMs: 200,
    });
    source.watch(board);
    source.start();
  });
  afterAll(async () => {
    await source.stop();
    await server.close();
  });

  it('should go live with the initial values of every statistic', async () => {
    await expect.poll(statusesOf, { timeout: 5000 }).toEqual(['live', 'live', 'live', 'live']);
    expect(sink.connection()).toBe('live');
    expect(sink.latest(statKey(inQueue))?.value).toBe(await waitingIn('sales'));
    const agent = (await snapshot()).agents.find((a) => a.id === 'agent-01');
    expect(sink.latest(statKey(agentState))?.value).toMatchObject({ ...engageAgentState(agent?.state ?? ''), since: agent?.since });
    expect(typeof sink.latest(statKey(idle))?.value).toBe('number');
    expect(await sessions()).toMatchObject({ statistics: 4, sessions: [{ statistics: 4, subscriptions: 1 }] });
  });

  it('should apply the periodic notifications when the clock moves 10 s', async () => {
    const before = sink.latest(statKey(inQueue))?.timestamp ?? 0;
    await advanceClock(server, 10_000);
    await expect.poll(() => sink.latest(statKey(inQueue))?.timestamp ?? 0, { timeout: 5000 }).toBeGreaterThan(before);
    await expect.poll(() => sink.latest(statKey(idle))?.timestamp ?? 0, { timeout: 5000 }).toBeGreaterThan(before);
    expect(sink.latest(statKey(inQueue))?.value).toBe(await waitingIn('sales'));
    expect(sink.drops).toEqual([]);
  });

  it('should follow the watched set: new statistics created, unused ones deleted', async () => {
    source.watch([serviceLevel, inQueue, agentState, supportInQueue]);
    await expect.poll(() => sink.status(statKey(supportInQueue))?.status, { timeout: 5000 }).toBe('live');
    expect(sink.latest(statKey(supportInQueue))?.value).toBe(await waitingIn('support'));
    // LongestIdleTime is no longer shown: its subscription is replaced by one without it.
    await expect.poll(async () => (await sessions()).statistics, { timeout: 5000 }).toBe(4);
    expect(statusesOf([serviceLevel, inQueue, agentState, supportInQueue])).toEqual(['live', 'live', 'live', 'live']);

    source.watch([supportInQueue]);
    await expect.poll(async () => (await sessions()).statistics, { timeout: 5000 }).toBe(1);

    source.watch([...board, supportInQueue]);
    await expect.poll(() => statusesOf([...board, supportInQueue]), { timeout: 5000 }).toEqual(['live', 'live', 'live', 'live', 'live']);
    expect((await sessions()).statistics).toBe(5);
  });

  it('should hold exactly the statistics of the board shown after a board switch, shared ones kept live', async () => {
    const queues = ['sales', 'support', 'billing', 'technical', 'vip', 'retention'];
    const boardA = queues.flatMap((q) => ['Current_In_Queue', 'Total_Answered', 'Total_Abandoned'].map((name) => spec('Queue', q, name)));
    const shared = [spec('Queue', 'sales', 'Current_In_Queue'), spec('Queue', 'support', 'Current_In_Queue')];
    const boardB = [...shared, ...['sales', 'support', 'billing'].flatMap((g) => ['CurrentReadyAgents', 'CurrentNotReadyAgents'].map((name) => spec('GroupAgents', g, name)))];
    source.watch(boardA);
    await expect.poll(() => statusesOf(boardA).every((s) => s === 'live'), { timeout: 5000 }).toBe(true);
    await expect.poll(async () => (await sessions()).statistics, { timeout: 5000 }).toBe(boardA.length);
    const sharedStatuses = shared.map((s) => sink.statusesOf(statKey(s)).length);

    source.watch(boardB);
    await expect.poll(async () => (await sessions()).statistics, { timeout: 5000 }).toBe(boardB.length);
    expect(statusesOf(boardB)).toEqual(boardB.map(() => 'live'));
    // The shared tiles kept showing values throughout: never `loading` again.
    shared.forEach((s, i) => expect(sink.statusesOf(statKey(s)).slice(sharedStatuses[i])).not.toContain('loading'));
    expect(sink.drops).toEqual([]);

    source.watch([...board, supportInQueue]);
    await expect.poll(async () => (await sessions()).statistics, { timeout: 5000 }).toBe(5);
    await expect.poll(() => statusesOf([...board, supportInQueue]), { timeout: 5000 }).toEqual(['live', 'live', 'live', 'live', 'live']);
  });

  it('should mark everything stale on UNAVAILABLE and re-create it all on AVAILABLE', async () => {
    const watched = [...board, supportInQueue];
    await admin(server, 'POST', 'service-state', { state: 'UNAVAILABLE' });
    await expect.poll(() => sink.connection(), { timeout: 5000 }).toBe('unavailable');
    expect(statusesOf(watched)).toEqual(['stale', 'stale', 'stale', 'stale', 'stale']);
    expect((await sessions()).statistics).toBe(0);

    await admin(server, 'POST', 'service-state', { state: 'AVAILABLE' });
    await expect.poll(() => statusesOf(watched), { timeout: 5000 }).toEqual(['live', 'live', 'live', 'live', 'live']);
    expect(sink.connection()).toBe('live');
    expect(await sessions()).toMatchObject({ statistics: 5, sessions: [{ statistics: 5, subscriptions: 1 }] });
    expect(sink.latest(statKey(inQueue))?.value).toBe(await waitingIn('sales'));
  });

  it('should re-handshake, re-subscribe and re-create after the server drops the CometD session', async () => {
    const watched = [...board, supportInQueue];
    const connectionsBefore = sink.connections.length;
    await admin(server, 'POST', 'faults', { dropCometdSessions: true });
    await expect.poll(() => sink.connections.slice(connectionsBefore).map((c) => c.state), { timeout: 5000 }).toEqual(['reconnecting', 'live']);
    await expect.poll(() => statusesOf(watched), { timeout: 5000 }).toEqual(['live', 'live', 'live', 'live', 'live']);
    await expect.poll(async () => (await sessions()).sessions, { timeout: 5000 }).toEqual([expect.objectContaining({ statistics: 5 })]);
    // Notifications reach the new session.
    const before = sink.latest(statKey(inQueue))?.timestamp ?? 0;
    await advanceClock(server, 10_000);
    await expect.poll(() => sink.latest(statKey(inQueue))?.timestamp ?? 0, { timeout: 5000 }).toBeGreaterThan(before);
  });

  it('should drop and count malformed notifications, never passing them on as values', async () => {
    const batches = sink.updateBatches.length;
    await admin(server, 'POST', 'faults', { malformedRate: 1 });
    try {
      await advanceClock(server, 10_000);
      await expect.poll(() => sink.drops.length, { timeout: 5000 }).toBeGreaterThan(0);
      expect(sink.updateBatches.slice(batches)).toEqual([]);
    } finally {
      await admin(server, 'DELETE', 'faults');
    }
    await advanceClock(server, 10_000);
    await expect.poll(() => sink.updateBatches.length, { timeout: 5000 }).toBeGreaterThan(batches);
    expect(sink.status(statKey(inQueue))?.status).toBe('live');
  });

  it('should leave no statistic on the server after stop()', async () => {
    await source.stop();
    expect((await sessions()).statistics).toBe(0);
    await expect.poll(async () => (await sessions()).sessions, { timeout: 5000 }).toEqual([]);
  });
});
