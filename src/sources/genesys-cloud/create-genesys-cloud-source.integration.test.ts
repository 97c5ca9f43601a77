// @vitest-environment node
// The real mock over the network: its Genesys Cloud REST facade and notification WebSockets (`ws`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gcToken } from '../../../mock-server/api/genesys-cloud/notifications/notification-test-kit.ts';
import { gcIdOf, snapshotWithIds, type SnapshotWithIds } from '../../../mock-server/api/genesys-cloud/gc-test-snapshot.ts';
import type { MockServer } from '../../../mock-server/create-mock-server.ts';
import { admin, advanceClock, startTestServer } from '../../../mock-server/test-support/test-server.ts';
import type { StatSource } from '../stat-source.ts';
import { statKey, type StatSpec } from '../stat-spec.ts';
import { createGenesysCloudSource } from './create-genesys-cloud-source.ts';
import { wsSocket } from './test-support/ws-socket.ts';
import { createRecordingSink, type RecordingSink } from './test-support/recording-sink.ts';

const SIM_STATE: Readonly<Record<string, string>> = {
  WaitForNextCall: 'ready',
  CallRinging: 'on-call',
  CallInbound: 'on-call',
  AfterCallWork: 'on-call',
  NotReadyForNextCall: 'not-ready',
  LoggedOut: 'logged-out',
};

const spec = (kind: StatSpec['kind'], objectId: string, statistic: string): StatSpec => ({ source: 'cloud', kind, objectId, statistic });

describe('createGenesysCloudSource against the real mock (REST + notification WebSockets)', () => {
  let server: MockServer;
  let token: string;
  let sink: RecordingSink;
  let source: StatSource;
  let truth: SnapshotWithIds;

  const value = (s: StatSpec): unknown => sink.latest(statKey(s))?.value;
  const skillOf = (queueId: string): string => server.core.sim.config.queues.find((q) => q.id === queueId)?.skillId ?? '';
  const queue = (simId: string): SnapshotWithIds['queues'][number] => {
    const found = truth.queues.find((q) => q.id === simId);
    if (!found) throw new Error(simId);
    return found;
  };
  const engineValue = (queueId: string, name: string): number => {
    const resolved = server.core.engine.resolve({ objectType: 'Queue', objectId: queueId, name });
    if (!resolved.ok) throw new Error(resolved.message);
    return server.core.engine.current(resolved.statistic).value.intValue;
  };

  beforeAll(async () => {
    server = await startTestServer();
    token = await gcToken(server);
    // More calls than the queue's idle agents: some wait.
    for (let i = 0; i < 12; i++) await admin(server, 'POST', 'calls', { queueId: 'support', delayMs: i * 10, talkMs: 600_000 });
    await advanceClock(server, 1000);
    truth = await snapshotWithIds(server);
    sink = createRecordingSink();
    source = createGenesysCloudSource({
      authorizedFetch: (input, init = {}) => {
        const headers = new Headers(init.headers);
        headers.set('authorization', `Bearer ${token}`);
        return fetch(`${server.url}/genesys-cloud${input}`, { ...init, headers });
      },
      getAccessToken: () => token,
      onTokenChange: () => () => undefined,
      handleUnauthorized: () => Promise.resolve(false),
      sink,
      sourceId: 'cloud',
      openSocket: wsSocket,
      timeZone: 'UTC',
    });
    source.start();
  });
  afterAll(async () => {
    await source.stop();
    await server.close();
  });

  it('should go live and give each queue statistic as the snapshot shows it', async () => {
    const support = gcIdOf(queue('support'));
    const sales = gcIdOf(queue('sales'));
    const board = [
      spec('queue', support, 'Current_In_Queue'),
      spec('queue', support, 'CurrMaxCallWaitingTime'),
      spec('queue', sales, 'CurrentReadyAgents'),
      spec('queue', sales, 'LongestIdleTime'),
      spec('queue', sales, 'CurrNumberInCall'),
      spec('queue', sales, 'CurrentNotReadyAgents'),
    ];
    source.watch(board);
    await expect.poll(() => board.every((s) => value(s) !== undefined), { timeout: 5000 }).toBe(true);
    await expect.poll(() => sink.state(), { timeout: 5000 }).toBe('live');
    expect(sink.connections.map((c) => c.state)).toEqual(['connecting', 'live']);
    const waiting = queue('support').waiting;
    expect(waiting.length).toBeGreaterThan(0);
    expect(value(board[0] as StatSpec)).toBe(waiting.length);
    const oldestWait = (truth.now - Math.min(...waiting.map((w) => w.since))) / 1000;
    // The server's clock is read once, then runs on this machine's while the mock's stands still.
    expect(Math.abs((value(board[1] as StatSpec) as number) - oldestWait)).toBeLessThanOrEqual(3);
    const members = truth.agents.filter((a) => a.skills.includes(skillOf('sales')));
    const idle = members.filter((a) => a.state === 'WaitForNextCall');
    expect(value(board[2] as StatSpec)).toBe(idle.length);
    const longestIdle = idle.length === 0 ? 0 : (truth.now - Math.min(...idle.map((a) => a.since))) / 1000;
    expect(Math.abs((value(board[3] as StatSpec) as number) - longestIdle)).toBeLessThanOrEqual(3);
    const inCall = members.filter((a) => ['CallRinging', 'CallInbound', 'AfterCallWork'].includes(a.state));
    expect(value(board[4] as StatSpec)).toBe(inCall.length);
    expect(value(board[5] as StatSpec)).toBe(members.filter((a) => a.state === 'NotReadyForNextCall').length);
    expect(sink.drops).toEqual([]);
  });

  it("should give today's totals as the statistics engine counts them", async () => {
    const board = ['sales', 'support'].flatMap((q) => ['Total_Answered', 'Total_Abandoned', 'ServiceLevel'].map((name) => spec('queue', gcIdOf(queue(q)), name)));
    source.watch(board);
    await expect.poll(() => board.every((s) => value(s) !== undefined), { timeout: 5000 }).toBe(true);
    for (const q of ['sales', 'support']) {
      expect(value(spec('queue', gcIdOf(queue(q)), 'Total_Answered'))).toBe(engineValue(q, 'Total_Answered'));
      expect(value(spec('queue', gcIdOf(queue(q)), 'Total_Abandoned'))).toBe(engineValue(q, 'Total_Abandoned'));
      const sl = value(spec('queue', gcIdOf(queue(q)), 'ServiceLevel'));
      expect(typeof sl === 'number' && sl >= 0 && sl <= 100).toBe(true);
    }
  });

  it("should count a skill's agents by their routing status, and its calls by the skill they asked for", async () => {
    const skill = skillOf('sales');
    const skillId = server.core.genesysCloud.ids.toVendor('skill', skill);
    const board = ['CurrentReadyAgents', 'CurrNumberInCall', 'CurrentNotReadyAgents', 'Total_Answered'].map((name) => spec('skill', skillId, name));
    source.watch(board);
    await expect.poll(() => board.every((s) => value(s) !== undefined), { timeout: 10_000 }).toBe(true);
    const members = truth.agents.filter((a) => a.skills.includes(skill));
    expect(value(board[0] as StatSpec)).toBe(members.filter((a) => a.state === 'WaitForNextCall').length);
    expect(value(board[1] as StatSpec)).toBe(members.filter((a) => ['CallRinging', 'CallInbound', 'AfterCallWork'].includes(a.state)).length);
    expect(value(board[2] as StatSpec)).toBe(members.filter((a) => a.state === 'NotReadyForNextCall').length);
    // In the mock each queue asks for its own skill: the skill's calls are the queue's.
    expect(value(board[3] as StatSpec)).toBe(engineValue('sales', 'Total_Answered'));
  });

  it('should follow the floor as the simulated clock moves, through the observations topic', async () => {
    const support = gcIdOf(queue('support'));
    const inQueue = spec('queue', support, 'Current_In_Queue');
    const batches = sink.updates.batches.length;
    source.watch([inQueue]);
    // The first value since it was watched again (the sink still holds the one of the first test).
    await expect.poll(() => sink.updates.batches.slice(batches).flat().some((u) => u.key === statKey(inQueue)), { timeout: 5000 }).toBe(true);
    const queries = async (): Promise<number> => ((await admin(server, 'GET', 'requests')) as { 'genesys-cloud'?: Record<string, number> })['genesys-cloud']?.['POST /api/v2/analytics/queues/observations/query'] ?? 0;
    const asked = await queries();
    for (let i = 0; i < 3; i++) await admin(server, 'POST', 'calls', { queueId: 'support', delayMs: 0, talkMs: 600_000 });
    await advanceClock(server, 2_000);
    truth = await snapshotWithIds(server);
    await expect.poll(() => value(inQueue), { timeout: 5000 }).toBe(queue('support').waiting.length);
    // Pushed, not re-queried.
    expect(await queries()).toBe(asked);
  });

  it("should give each agent's state and follow it as the simulation moves", async () => {
    const agents = truth.agents.slice(0, 8);
    const board = agents.map((a) => spec('agent', gcIdOf(a), 'CurrentAgentState'));
    source.watch(board);
    await expect.poll(() => board.every((s) => value(s) !== undefined), { timeout: 5000 }).toBe(true);
    for (const a of agents) expect((value(spec('agent', gcIdOf(a), 'CurrentAgentState')) as { state: string }).state).toBe(SIM_STATE[a.state]);
    const agent = agents.find((a) => a.state === 'WaitForNextCall') ?? agents[0];
    if (!agent) throw new Error('no agent');
    await admin(server, 'POST', `agents/${agent.id}/status`, { status: 'NotReadyForNextCall', reason: 'Break' });
    await expect.poll(() => (value(spec('agent', gcIdOf(agent), 'CurrentAgentState')) as { state: string }).state, { timeout: 5000 }).toBe('not-ready');
    await expect.poll(() => (value(spec('agent', gcIdOf(agent), 'CurrentAgentState')) as { label?: string }).label, { timeout: 10_000 }).toBe('Break');
  });
});
