import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../sim/sim-types.ts';
import { createStatEngine, type StatEngine, type StatisticDescriptor } from './stat-engine.ts';
import { loadStatisticsCatalog } from './statistics-catalog.ts';
import { nextDueAt, notificationPhaseMs, type StatisticNotification } from './subscription-registry.ts';
import { createFakeSimulation, type FakeSimulation } from './test-support/fake-simulation.ts';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const s = (sec: number): number => T0 + sec * 1000;
const catalog = loadStatisticsCatalog();

function setup(): { sim: FakeSimulation; engine: StatEngine } {
  const sim = createFakeSimulation(T0);
  const engine = createStatEngine({ sim, catalog, timeZone: 'UTC' });
  return { sim, engine };
}

function value(engine: StatEngine, descriptor: StatisticDescriptor): string {
  const resolved = engine.resolve(descriptor);
  if (!resolved.ok) throw new Error(resolved.message);
  return engine.current(resolved.statistic).value.stringValue;
}

const named = (objectType: string, objectId: string, name: string): StatisticDescriptor => ({ objectType, objectId, name });

/** The scripted morning of queue q1 (times in seconds after 09:00): see each call's comment. */
function playScenario(sim: FakeSimulation): void {
  const events: SimEvent[] = [
    // c1: answered after 8 s (5 s in queue + 3 s ringing) by a1, talks 60 s, 10 s wrap-up
    { type: 'CallArrived', at: s(0), callId: 'c1', queueId: 'q1' },
    { type: 'CallDistributed', at: s(5), callId: 'c1', queueId: 'q1', agentId: 'a1' },
    { type: 'AgentStateChanged', at: s(5), agentId: 'a1', from: 'WaitForNextCall', to: 'CallRinging' },
    { type: 'CallAnswered', at: s(8), callId: 'c1', queueId: 'q1', agentId: 'a1', waitMs: 8000 },
    { type: 'AgentStateChanged', at: s(8), agentId: 'a1', from: 'CallRinging', to: 'CallInbound' },
    // c2: hangs up after 5 s — a short abandon, not held against the service level
    { type: 'CallArrived', at: s(10), callId: 'c2', queueId: 'q1' },
    { type: 'CallAbandoned', at: s(15), callId: 'c2', queueId: 'q1', waitMs: 5000 },
    // c3: waits 130 s, answered by a2 after 132 s (outside the 120 s range)
    { type: 'CallArrived', at: s(20), callId: 'c3', queueId: 'q1' },
    // c4: abandons after 30 s
    { type: 'CallArrived', at: s(30), callId: 'c4', queueId: 'q1' },
    // c5: still waiting at the end
    { type: 'CallArrived', at: s(40), callId: 'c5', queueId: 'q1' },
    { type: 'CallAbandoned', at: s(60), callId: 'c4', queueId: 'q1', waitMs: 30_000 },
    { type: 'CallReleased', at: s(68), callId: 'c1', queueId: 'q1', agentId: 'a1', talkMs: 60_000 },
    { type: 'AgentStateChanged', at: s(68), agentId: 'a1', from: 'CallInbound', to: 'AfterCallWork' },
    { type: 'AgentStateChanged', at: s(78), agentId: 'a1', from: 'AfterCallWork', to: 'WaitForNextCall' },
    { type: 'CallDistributed', at: s(150), callId: 'c3', queueId: 'q1', agentId: 'a2' },
    { type: 'AgentStateChanged', at: s(150), agentId: 'a2', from: 'WaitForNextCall', to: 'CallRinging' },
    { type: 'CallAnswered', at: s(152), callId: 'c3', queueId: 'q1', agentId: 'a2', waitMs: 132_000 },
    { type: 'AgentStateChanged', at: s(152), agentId: 'a2', from: 'CallRinging', to: 'CallInbound' },
  ];
  sim.emit(...events);
  sim.advanceTo(s(200));
}

describe('statistics engine on a scripted scenario', () => {
  it('should compute the queue statistics a person computes by hand', () => {
    const { sim, engine } = setup();
    playScenario(sim);
    // answered within 120 s: c1 only; denominator: 2 answered + 1 abandoned after 10 s (c4)
    expect(value(engine, named('Queue', 'q1', 'ServiceLevel'))).toBe('33.33');
    expect(value(engine, named('Queue', 'q1', 'Total_Answered'))).toBe('2');
    expect(value(engine, named('Queue', 'q1', 'Total_Abandoned'))).toBe('2');
    expect(value(engine, named('Queue', 'q1', 'Current_In_Queue'))).toBe('1');
    expect(value(engine, named('Queue', 'q1', 'CurrMaxCallWaitingTime'))).toBe('160');
    // queue waits of the four calls that left the queue: 5 + 5 + 130 + 30 = 170 s over 4 calls
    expect(value(engine, named('Queue', 'q1', 'AverageWaitingTime'))).toBe('42.5');
  });

  it('should count the same calls on the skill virtual queue and nothing on the idle queue', () => {
    const { sim, engine } = setup();
    playScenario(sim);
    expect(value(engine, named('SKILL_Q', 's1', 'ServiceLevel'))).toBe('33.33');
    expect(value(engine, named('Queue', 's1', 'Current_In_Queue'))).toBe('1');
    expect(value(engine, named('Queue', 'q2', 'Current_In_Queue'))).toBe('0');
    expect(value(engine, named('Queue', 'q2', 'ServiceLevel'))).toBe('');
  });

  it('should compute agent-group statistics over the agents holding the skill', () => {
    const { sim, engine } = setup();
    playScenario(sim);
    // a1 idle since 78 s; a2 on a call
    expect(value(engine, named('GroupAgents', 's1', 'LongestIdleTime'))).toBe('122');
    expect(value(engine, named('SKILL_AG', 's1', 'CurrentReadyAgents'))).toBe('1');
    expect(value(engine, named('GroupAgents', 's1', 'CurrNumberInCall'))).toBe('1');
    expect(value(engine, named('GroupAgents', 's1', 'CurrentNumberLoggedInAgents'))).toBe('2');
    expect(value(engine, named('GroupAgents', 'team-a', 'CurrentReadyAgents'))).toBe('1');
  });

  it('should compute agent statistics', () => {
    const { sim, engine } = setup();
    playScenario(sim);
    // 60 s talk + 10 s wrap-up for one call
    expect(value(engine, named('Agent', 'a1', 'AverageHandlingTime'))).toBe('70');
    expect(value(engine, named('Agent', 'a1', 'InboundCalls'))).toBe('1');
    expect(value(engine, named('Agent', 'a1', 'TalkDuration'))).toBe('60');
    expect(value(engine, named('Agent', 'a1', 'TimeInCurrentState'))).toBe('122');
    const state = engine.resolve(named('Agent', 'a2', 'CurrentAgentState'));
    if (!state.ok) throw new Error(state.message);
    expect(engine.current(state.statistic).value).toMatchObject({ stringValue: 'CallInbound', timestamp: s(152) });
  });

  it('should evaluate inline definitions, including a longer service-level threshold', () => {
    const { sim, engine } = setup();
    playScenario(sim);
    const notification = { mode: 'Periodical' as const, frequencySec: 10, insensitivity: 1 };
    const sl140 = {
      category: 'ServiceFactor1',
      subject: 'DNAction',
      intervalType: 'GrowingWindow',
      dynamicTimeProfile: '00:00',
      timeRangeLeft: 0,
      timeRangeRight: 140,
      timeRangeLeft2: 0,
      timeRangeRight2: 10,
    };
    expect(value(engine, { objectType: 'Queue', objectId: 'q1', definition: sl140, notification })).toBe('66.67');
    const answered60 = {
      category: 'TotalNumberInTimeRangePercentage',
      subject: 'DNAction',
      mainMask: 'CallAnswered',
      intervalType: 'GrowingWindow',
      dynamicTimeProfile: '0:00',
      timeRangeLeft: 0,
      timeRangeRight: 60,
    };
    expect(value(engine, { objectType: 'Queue', objectId: 'q1', definition: answered60, notification })).toBe('50');
  });

  it('should reset growing windows at their time profile', () => {
    const { sim, engine } = setup();
    playScenario(sim);
    sim.advanceTo(Date.UTC(2026, 10, 23, 10, 0, 1));
    expect(value(engine, named('Queue', 'q1', 'ServiceLevel'))).toBe(''); // hourly window: nothing since 10:00
    expect(value(engine, named('Queue', 'q1', 'Total_Answered'))).toBe('2'); // daily window
    sim.advanceTo(Date.UTC(2026, 10, 24, 0, 0, 1));
    expect(value(engine, named('Queue', 'q1', 'Total_Answered'))).toBe('0');
  });

  it('should refuse what it cannot evaluate instead of making up a number', () => {
    const { engine } = setup();
    const notification = { mode: 'Periodical' as const, frequencySec: 10, insensitivity: 1 };
    expect(engine.resolve(named('Queue', 'q1', 'NoSuchStatistic'))).toMatchObject({ ok: false, reason: 'unknown-statistic' });
    expect(engine.resolve(named('Agent', 'a1', 'ServiceLevel'))).toMatchObject({ ok: false, reason: 'unknown-statistic' });
    expect(engine.resolve(named('Queue', 'nope', 'ServiceLevel'))).toMatchObject({ ok: false, reason: 'unknown-object' });
    expect(engine.resolve(named('Place', 'q1', 'ServiceLevel'))).toMatchObject({ ok: false, reason: 'unknown-type' });
    const bad = [
      { category: 'TotalNumber', subject: 'DNAction', mainMask: 'CallAnswered', intervalType: 'SlidingWindow' },
      { category: 'NoSuchCategory', subject: 'DNAction', mainMask: 'CallWait' },
      { category: 'CurrentNumber', subject: 'DNAction', mainMask: 'CallTeleported' },
      { category: 'CurrentNumber', subject: 'AgentStatus', mainMask: 'WaitForNextCall' },
      { category: 'CurrentState', subject: 'DNAction', mainMask: '*' },
      { category: 'ServiceFactor1', subject: 'DNAction', intervalType: 'GrowingWindow' },
    ];
    for (const definition of bad) {
      expect(engine.resolve({ objectType: 'Queue', objectId: 'q1', definition, notification })).toMatchObject({
        ok: false,
        reason: 'invalid-definition',
      });
    }
  });

  it('should notify periodical statistics every period and changes-based ones on change', () => {
    const { sim, engine } = setup();
    const batches: StatisticNotification[][] = [];
    engine.subscriptions.onNotifications((_, updates) => batches.push([...updates]));
    const periodical = engine.resolve(named('Queue', 'q1', 'Current_In_Queue'));
    const changes = engine.resolve({
      objectType: 'Queue',
      objectId: 'q1',
      definition: { category: 'CurrentNumber', subject: 'DNAction', mainMask: 'CallWait' },
      notification: { mode: 'Changes', frequencySec: 0, insensitivity: 1 },
    });
    if (!periodical.ok || !changes.ok) throw new Error('resolve failed');
    engine.subscriptions.open({
      id: 'sub-1',
      owner: 'session-1',
      tokenId: 't',
      tokenExpiresAt: Number.MAX_SAFE_INTEGER,
      subject: 'supervisor',
      statistics: [
        { statisticId: 'p', statistic: periodical.statistic, name: 'Current_In_Queue', objectId: 'q1', objectType: 'Queue' },
        { statisticId: 'c', statistic: changes.statistic, name: undefined, objectId: 'q1', objectType: 'Queue' },
      ],
    });
    // The subscription's statistics are due at its own second of every 10 s period.
    const due = nextDueAt(T0, 10_000, notificationPhaseMs('sub-1', 10_000));
    expect(due - T0).toBeGreaterThan(0);
    expect(due - T0).toBeLessThanOrEqual(10_000);
    sim.advanceTo(due - 1);
    engine.tick();
    expect(batches).toHaveLength(0); // nothing changed, not due yet
    sim.emit({ type: 'CallArrived', at: due - 1, callId: 'x', queueId: 'q1' });
    engine.tick();
    expect(batches.at(-1)?.map((u) => [u.statisticId, u.value.stringValue])).toEqual([['c', '1']]);
    sim.advanceTo(due);
    engine.tick();
    expect(batches.at(-1)?.map((u) => [u.statisticId, u.value.stringValue])).toEqual([['p', '1']]);
    sim.advanceTo(due + 10_000);
    engine.tick();
    expect(batches).toHaveLength(3);
    expect(engine.subscriptions.close('sub-1')).toBe(true);
    expect(engine.subscriptions.counts()).toEqual({ subscriptions: 0, statistics: 0 });
  });
});
