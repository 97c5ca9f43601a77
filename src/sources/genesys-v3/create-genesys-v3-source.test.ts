// @vitest-environment node
// Node, not jsdom: the mock core reads its files through Node URLs, which jsdom's URL breaks.
import { engageAgentState } from './engage-agent-states.ts';
import { answerTimeTargetDefinition } from './service-level-definition.ts';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { statKey } from '../stat-spec.ts';
import { createManualTimers } from './test-support/manual-timers.ts';
import { API_KEY, createMswTestMock, ORIGIN } from './test-support/msw-mock.ts';
import { createSourceRig, nextTask, spec, type SourceRig } from './test-support/source-rig.ts';

const { core, server, openStatistics, serviceToken } = createMswTestMock();
let token = '';

const serviceLevel = spec('Queue', 'sales', 'ServiceLevel');
const inQueue = spec('Queue', 'sales', 'Current_In_Queue');
const idle = spec('GroupAgents', 'sales', 'LongestIdleTime');
const agentState = spec('Agent', 'agent-01', 'CurrentAgentState');

describe('createGenesysV3Source against the mock REST API (MSW) with a fake CometD', () => {
  let rig: SourceRig;

  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    token = await serviceToken();
  });
  afterEach(async () => {
    await rig.source.stop();
    server.resetHandlers();
    core.engine.subscriptions.closeAll();
  });
  afterAll(() => {
    server.close();
    core.stop();
  });

  async function startLive(): Promise<SourceRig> {
    rig = createSourceRig({ origin: ORIGIN, apiKey: API_KEY, token: () => token });
    rig.source.start();
    await expect.poll(() => rig.sink.connection()).toBe('live');
    return rig;
  }

  it('should handshake long-polling only with the API key and bearer, and go live once both channels are acknowledged', async () => {
    rig = createSourceRig({ origin: ORIGIN, apiKey: API_KEY, token: () => token });
    rig.source.start();
    expect(rig.sink.connection()).toBe('connecting');
    await expect.poll(() => rig.sink.connection()).toBe('live');
    expect(rig.cometd.unregistered).toContain('websocket');
    expect(rig.cometd.configurations[0]).toMatchObject({
      url: `${ORIGIN}/statistics/v3/notifications`,
      requestHeaders: { 'x-api-key': API_KEY, Authorization: `Bearer ${token}` },
    });
    expect(rig.cometd.subscribed().sort()).toEqual(['/statistics/v3/service', '/statistics/v3/updates']);
  });

  it('should not create anything before the channels are acknowledged, then create every key of the tick in one request', async () => {
    rig = createSourceRig({ origin: ORIGIN, apiKey: API_KEY, token: () => token });
    rig.source.watch([serviceLevel, inQueue]);
    rig.source.watch([serviceLevel, inQueue, idle, agentState, { ...inQueue }]);
    await nextTask();
    expect(rig.creates()).toEqual([]);
    rig.source.start();
    await expect.poll(() => rig.sink.status(statKey(agentState))?.status).toBe('live');
    expect(rig.creates()).toHaveLength(1);
    expect(rig.creates()[0]?.data.statistics.map((s) => s.name)).toEqual(['ServiceLevel', 'Current_In_Queue', 'LongestIdleTime', 'CurrentAgentState']);
    expect(rig.requests[0]?.url).toBe(`${ORIGIN}/statistics/v3/subscriptions?verbose=INFO`);
    expect(openStatistics()).toBe(4);
  });

  it('should seed the initial values from the create response, normalized', async () => {
    await startLive();
    rig.source.watch([serviceLevel, inQueue, idle, agentState]);
    await expect.poll(() => rig.sink.updateBatches.length).toBe(1);
    const [batch] = rig.sink.updateBatches;
    expect(batch?.map((u) => u.key)).toEqual([serviceLevel, inQueue, idle, agentState].map(statKey));
    const waiting = core.sim.snapshot().queues.find((q) => q.id === 'sales')?.waiting.length;
    expect(rig.sink.latest(statKey(inQueue))).toMatchObject({ value: waiting, periodMs: 10_000, timestamp: core.sim.now() });
    expect(typeof rig.sink.latest(statKey(idle))?.value).toBe('number');
    const agent = core.sim.snapshot().agents.find((a) => a.id === 'agent-01');
    // The update's timestamp is the server's generation time; the value's own timestamp is `since`.
    expect(rig.sink.latest(statKey(agentState))).toMatchObject({
      value: { ...engageAgentState(agent?.state ?? ''), since: agent?.since },
      timestamp: core.sim.now(),
      periodMs: undefined,
    });
    expect(agent?.since).not.toBe(core.sim.now());
    expect([serviceLevel, inQueue, idle, agentState].map((s) => rig.sink.status(statKey(s))?.status)).toEqual(['live', 'live', 'live', 'live']);
  });

  it('should mark exactly the refused statistics as error with the server’s reason and keep the rest live', async () => {
    await startLive();
    const unknownQueue = spec('Queue', 'no-such-queue', 'Current_In_Queue');
    const unknownName = spec('Queue', 'sales', 'NoSuchStatistic');
    rig.source.watch([serviceLevel, unknownQueue, unknownName]);
    await expect.poll(() => rig.sink.status(statKey(unknownName))?.status).toBe('error');
    expect(rig.sink.status(statKey(serviceLevel))?.status).toBe('live');
    for (const refused of [unknownQueue, unknownName]) {
      const status = rig.sink.status(statKey(refused));
      expect(status?.status).toBe('error');
      expect(status?.reason).toContain(`"${rig.placeOf(refused)?.statisticId}"`);
    }
    expect(rig.sink.status(statKey(unknownQueue))?.reason).not.toBe(rig.sink.status(statKey(unknownName))?.reason);
    // Refused keys are not retried while they stay on screen.
    rig.source.watch([serviceLevel, unknownQueue, unknownName]);
    await nextTask();
    expect(rig.creates()).toHaveLength(1);
  });

  it('should mark every key of a request refused with HTTP 400 as error, each with its own message', async () => {
    await startLive();
    const a = spec('Queue', 'nowhere', 'Current_In_Queue');
    const b = spec('Agent', 'agent-01', 'NoSuchStatistic');
    rig.source.watch([a, b]);
    await expect.poll(() => [a, b].map((s) => rig.sink.status(statKey(s))?.status)).toEqual(['error', 'error']);
    expect(rig.sink.status(statKey(a))?.reason).toContain(`"${rig.placeOf(a)?.statisticId}"`);
    expect(rig.sink.status(statKey(b))?.reason).toContain(`"${rig.placeOf(b)?.statisticId}"`);
    expect(openStatistics()).toBe(0);
  });

  it('should diff the watched set: create only new keys, DELETE a fully unused subscription at once', async () => {
    await startLive();
    rig.source.watch([serviceLevel, inQueue]);
    await expect.poll(() => openStatistics()).toBe(2);
    const first = rig.creates()[0]?.operationId;

    rig.source.watch([inQueue]);
    await nextTask();
    expect(rig.deletes()).toEqual([]);

    rig.source.watch([inQueue, idle]);
    await expect.poll(() => openStatistics()).toBe(3);
    expect(rig.creates()[1]?.data.statistics.map((s) => s.name)).toEqual(['LongestIdleTime']);

    rig.source.watch([idle]);
    await expect.poll(() => rig.deletes()).toEqual([first]);
    await expect.poll(() => openStatistics()).toBe(1);
    expect(rig.creates()).toHaveLength(2);
  });

  it('should tell the store at once to forget keys no longer watched, so a board shown again starts from loading', async () => {
    await startLive();
    rig.source.watch([serviceLevel, inQueue, agentState]);
    await expect.poll(() => rig.sink.status(statKey(agentState))?.status).toBe('live');
    const calls = rig.sink.calls.length;

    rig.source.watch([inQueue]);
    // Synchronously, and before anything else: no old agent state may be painted as live meanwhile.
    expect(rig.sink.forgotten).toEqual([[statKey(serviceLevel), statKey(agentState)]]);
    expect(rig.sink.calls.slice(calls)).toEqual(['forget']);

    rig.source.watch([inQueue]);
    rig.source.watch([inQueue, agentState]);
    expect(rig.sink.forgotten).toHaveLength(1);
    expect(rig.sink.status(statKey(agentState))?.status).toBe('loading');
    await expect.poll(() => rig.sink.status(statKey(agentState))?.status).toBe('live');
  });

  it('should re-read, not re-create, a key wanted again while its subscription is still open', async () => {
    await startLive();
    rig.source.watch([serviceLevel, inQueue]);
    await expect.poll(() => rig.sink.status(statKey(inQueue))?.status).toBe('live');
    rig.source.watch([inQueue]);
    rig.source.watch([inQueue, serviceLevel]);
    expect(rig.sink.status(statKey(serviceLevel))?.status).toBe('loading');
    await expect.poll(() => rig.sink.status(statKey(serviceLevel))?.status).toBe('live');
    expect(rig.creates()).toHaveLength(1);
    expect(rig.requests.filter((r) => r.method === 'GET').map((r) => r.url)).toEqual([
      `${ORIGIN}/statistics/v3/subscriptions/${rig.creates()[0]?.operationId}/statistic-values?verbose=INFO`,
    ]);
  });

  it('should turn each StatisticUpdate message into one sink.updates call and drop what it cannot use', async () => {
    await startLive();
    rig.source.watch([inQueue, agentState, serviceLevel]);
    await expect.poll(() => rig.sink.status(statKey(agentState))?.status).toBe('live');
    rig.source.watch([inQueue, agentState]);
    const q = rig.placeOf(inQueue);
    const a = rig.placeOf(agentState);
    const sl = rig.placeOf(serviceLevel);
    const before = rig.sink.updateBatches.length;
    rig.cometd.deliver('/statistics/v3/updates', {
      name: 'StatisticUpdate',
      topic: '/statistics/v3/updates',
      data: {
        statistics: [
          { ...q, value: { intValue: 3, stringValue: '3', tag: -1, intervalLength: 0, timestamp: 10 }, timestamp: 10 },
          { ...a, value: { intValue: 8, stringValue: 'NotReadyForNextCall', timestamp: 7, reasonCode: 'Lunch' }, timestamp: 10 },
          { ...sl, value: { intValue: 90, stringValue: '90' }, timestamp: 10 },
          { subscriptionId: 'nope', statisticId: 's1', value: { intValue: 1, stringValue: '1' }, timestamp: 10 },
          { ...q, value: 'NaN', timestamp: 10 },
          { subscriptionId: q?.subscriptionId, value: { intValue: 1, stringValue: '1' }, timestamp: 10 },
        ],
      },
    });
    expect(rig.sink.updateBatches.slice(before)).toEqual([
      [
        { key: statKey(inQueue), value: 3, timestamp: 10, periodMs: 10_000 },
        { key: statKey(agentState), value: { state: 'not-ready', since: 7, reason: 'Lunch' }, timestamp: 10, periodMs: undefined },
      ],
    ]);
    expect(rig.sink.drops).toEqual([
      { reason: 'malformed statistic', count: 1 },
      { reason: 'unknown statistic', count: 1 },
      { reason: 'malformed value', count: 1 },
    ]);
    rig.cometd.deliver('/statistics/v3/updates', { name: 'StatisticUpdate', data: 'statistics unavailable' });
    rig.cometd.deliver('/statistics/v3/updates', { name: 'StatisticUpdate', data: { statistics: '[]' } });
    expect(rig.sink.drops.slice(3)).toEqual([
      { reason: 'malformed StatisticUpdate', count: 1 },
      { reason: 'malformed StatisticUpdate', count: 1 },
    ]);
    expect(rig.sink.updateBatches).toHaveLength(before + 1);
  });

  it('should retry a failed create with jittered back-off, never twice at once', async () => {
    const timers = createManualTimers();
    rig = createSourceRig({ origin: ORIGIN, apiKey: API_KEY, token: () => token, deps: { ...timers, random: () => 0.5 } });
    server.use(http.post(`${ORIGIN}/statistics/v3/subscriptions`, () => HttpResponse.json({ status: { code: 500, message: 'boom' } }, { status: 500 }), { once: true }));
    rig.source.start();
    await expect.poll(() => rig.sink.connection()).toBe('live');
    rig.source.watch([inQueue]);
    await expect.poll(() => timers.pending(1000)).toEqual([{ ms: 500 }]);
    expect(rig.sink.status(statKey(inQueue))?.status).toBe('loading');
    rig.source.watch([inQueue, serviceLevel]);
    await nextTask();
    expect(rig.creates()).toHaveLength(1);

    timers.fire(1000);
    await expect.poll(() => rig.sink.status(statKey(serviceLevel))?.status).toBe('live');
    expect(rig.creates()).toHaveLength(2);
    expect(rig.creates()[1]?.data.statistics.map((s) => s.name)).toEqual(['Current_In_Queue', 'ServiceLevel']);
    expect(openStatistics()).toBe(2);
  });

  it('should not create a key twice while its create is slow', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Falls through to the mock once the gate opens.
    server.use(http.post(`${ORIGIN}/statistics/v3/subscriptions`, async () => void (await gate), { once: true }));
    await startLive();
    rig.source.watch([inQueue]);
    await expect.poll(() => rig.creates()).toHaveLength(1);
    rig.source.watch([inQueue, { ...inQueue }]);
    rig.source.watch([]);
    rig.source.watch([inQueue]);
    await nextTask();
    expect(rig.creates()).toHaveLength(1);
    release();
    await expect.poll(() => rig.sink.status(statKey(inQueue))?.status).toBe('live');
    expect(openStatistics()).toBe(1);
  });

  it('should subscribe an inline definition as `definition` (no `name`) and put the values the server computed for it under the spec’s key', async () => {
    // Two calls to the VIP queue, one answered after 5 s and one after 32 s (ringing included): the
    // catalog's ServiceLevel (0–120 s) counts both, a 20 s target only the first.
    const { sim } = core;
    const retention = sim.snapshot().agents.filter((a) => a.skills.includes('retention'));
    for (const agent of retention) sim.setAgentStatus(agent.id, 'NotReadyForNextCall');
    const start = sim.now();
    for (let i = 0; i < 2; i++) sim.scheduleCall({ queueId: 'vip', at: start, patienceMs: 3_600_000, ringMs: 1000, talkMs: 600_000 });
    sim.advanceTo(start + 4000);
    sim.setAgentStatus(retention[0]?.id ?? '', 'WaitForNextCall');
    sim.advanceTo(start + 31_000);
    sim.setAgentStatus(retention[1]?.id ?? '', 'WaitForNextCall');
    sim.advanceTo(start + 33_000);

    const named = spec('Queue', 'vip', 'ServiceLevel');
    // The service level's own definition with 0–20 s (service-level-definition.test.ts pins it).
    const definition = answerTimeTargetDefinition('ServiceLevel', 20);
    const within20 = spec('Queue', 'vip', 'ServiceLevel', 20);
    await startLive();
    rig.source.watch([named, within20, { ...within20 }]);
    await expect.poll(() => rig.sink.status(statKey(within20))?.status).toBe('live');
    expect(rig.creates()).toHaveLength(1);
    const sent = rig.creates()[0]?.data.statistics ?? [];
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual({ statisticId: sent[1]?.statisticId, objectType: 'Queue', objectId: 'vip', definition });
    expect(sent[1]).not.toHaveProperty('name');
    expect(rig.sink.latest(statKey(named))?.value).toBe(100);
    expect(rig.sink.latest(statKey(within20))).toMatchObject({ value: 50, periodMs: 10_000 });

    const place = rig.placeOf(within20);
    expect(place).toBeDefined();
    rig.cometd.deliver('/statistics/v3/updates', {
      name: 'StatisticUpdate',
      data: { statistics: [{ ...place, value: { intValue: 33, stringValue: '33.33' }, timestamp: 20 }] },
    });
    expect(rig.sink.latest(statKey(within20))).toMatchObject({ value: 33.33, timestamp: 20 });
    expect(rig.sink.latest(statKey(named))?.value).toBe(100);
  });

  it('should delete what it holds, disconnect and stop on stop()', async () => {
    await startLive();
    rig.source.watch([inQueue, idle]);
    await expect.poll(() => openStatistics()).toBe(2);
    await rig.source.stop();
    expect(openStatistics()).toBe(0);
    expect(rig.cometd.getStatus()).toBe('disconnected');
    const requests = rig.requests.length;
    rig.source.watch([serviceLevel]);
    await nextTask();
    expect(rig.requests).toHaveLength(requests);
  });
});
