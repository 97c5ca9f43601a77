import { describe, expect, it } from 'vitest';
import { createSimulation } from './create-simulation.ts';
import { T0, createTinyContactCenter, recordEvents } from './sim-test-fixtures.ts';
import type { SimEvent } from './sim-types.ts';

function scripted(): ReturnType<typeof createSimulation> {
  return createSimulation({ seed: 1, startAt: T0, randomTraffic: false, config: createTinyContactCenter() });
}

/** A compact, readable form of an event for whole-sequence assertions. */
function describeEvent(e: SimEvent): string {
  const t = e.at - T0;
  switch (e.type) {
    case 'AgentStateChanged':
      return `${t} ${e.agentId} ${e.from}->${e.to}${e.reason ? `(${e.reason})` : ''}`;
    case 'CallArrived':
      return `${t} ${e.type} ${e.callId} ${e.queueId}`;
    case 'CallDistributed':
      return `${t} ${e.type} ${e.callId} ${e.agentId}`;
    case 'CallAnswered':
      return `${t} ${e.type} ${e.callId} ${e.agentId} wait=${e.waitMs}`;
    case 'CallAbandoned':
      return `${t} ${e.type} ${e.callId} wait=${e.waitMs}`;
    case 'CallReleased':
      return `${t} ${e.type} ${e.callId} ${e.agentId} talk=${e.talkMs}`;
  }
}

describe('createSimulation (scripted)', () => {
  it('should start with every agent ready since startAt and emit nothing without commands', () => {
    const sim = scripted();
    const { events, batches } = recordEvents(sim);
    sim.advanceTo(T0 + 3_600_000);
    expect(events).toEqual([]);
    expect(batches).toEqual([]);
    expect(sim.now()).toBe(T0 + 3_600_000);
    const snapshot = sim.snapshot();
    expect(snapshot.now).toBe(T0 + 3_600_000);
    expect(snapshot.agents.map((a) => [a.id, a.state, a.since])).toEqual([
      ['ann', 'WaitForNextCall', T0],
      ['bob', 'WaitForNextCall', T0],
      ['cat', 'WaitForNextCall', T0],
    ]);
    expect(snapshot.queues.map((q) => [q.id, q.waiting])).toEqual([
      ['q-a', []],
      ['q-b', []],
    ]);
  });

  it('should emit arrival, distribution, ringing, answer, talk, release and after-call work in order', () => {
    const sim = scripted();
    const { events } = recordEvents(sim);
    const callId = sim.scheduleCall({ queueId: 'q-a', at: T0 + 1_000, ringMs: 2_000, talkMs: 30_000, acwMs: 5_000 });
    sim.advanceTo(T0 + 60_000);
    expect(events.map(describeEvent)).toEqual([
      `1000 CallArrived ${callId} q-a`,
      `1000 CallDistributed ${callId} ann`,
      '1000 ann WaitForNextCall->CallRinging',
      `3000 CallAnswered ${callId} ann wait=2000`,
      '3000 ann CallRinging->CallInbound',
      `33000 CallReleased ${callId} ann talk=30000`,
      '33000 ann CallInbound->AfterCallWork',
      '38000 ann AfterCallWork->WaitForNextCall',
    ]);
  });

  it('should report the agent state at every step of a call in the snapshot', () => {
    const sim = scripted();
    sim.scheduleCall({ queueId: 'q-b', at: T0 + 1_000, ringMs: 2_000, talkMs: 30_000, acwMs: 5_000 });
    const stateOfBob = (t: number): [string, number] => {
      sim.advanceTo(t);
      const bob = sim.snapshot().agents.find((a) => a.id === 'bob');
      return [bob?.state ?? '?', (bob?.since ?? 0) - T0];
    };
    expect(stateOfBob(T0 + 2_000)).toEqual(['CallRinging', 1_000]);
    expect(stateOfBob(T0 + 10_000)).toEqual(['CallInbound', 3_000]);
    expect(stateOfBob(T0 + 35_000)).toEqual(['AfterCallWork', 33_000]);
    expect(stateOfBob(T0 + 40_000)).toEqual(['WaitForNextCall', 38_000]);
  });

  it('should use the documented defaults for scripted calls', () => {
    const sim = scripted();
    const { events } = recordEvents(sim);
    sim.scheduleCall({ queueId: 'q-a', at: T0 });
    sim.advanceTo(T0 + 120_000);
    expect(events.map(describeEvent).map((s) => s.replace(/call-\d+/, 'C'))).toEqual([
      '0 CallArrived C q-a',
      '0 CallDistributed C ann',
      '0 ann WaitForNextCall->CallRinging',
      '0 CallAnswered C ann wait=0',
      '0 ann CallRinging->CallInbound',
      '60000 CallReleased C ann talk=60000',
      '60000 ann CallInbound->AfterCallWork',
      '60000 ann AfterCallWork->WaitForNextCall',
    ]);
  });

  it('should route a call to the ready agent with the skill who has been idle longest', () => {
    const sim = scripted();
    const { events } = recordEvents(sim);
    sim.advanceTo(T0 + 1_000);
    sim.setAgentStatus('ann', 'NotReadyForNextCall', 'Meeting');
    sim.setAgentStatus('bob', 'NotReadyForNextCall', 'Coaching');
    sim.advanceTo(T0 + 2_000);
    sim.setAgentStatus('bob', 'WaitForNextCall');
    sim.advanceTo(T0 + 3_000);
    sim.setAgentStatus('ann', 'WaitForNextCall');
    // bob has been idle since +2 s, ann only since +3 s: bob gets it although ann comes first.
    const first = sim.scheduleCall({ queueId: 'q-a', at: T0 + 4_000, talkMs: 600_000 });
    const second = sim.scheduleCall({ queueId: 'q-a', at: T0 + 5_000, talkMs: 600_000 });
    sim.advanceTo(T0 + 10_000);
    const distributed = events.filter((e) => e.type === 'CallDistributed');
    expect(distributed.map((e) => [e.callId, e.agentId])).toEqual([
      [first, 'bob'],
      [second, 'ann'],
    ]);
  });

  it('should give a newly ready agent the longest-waiting call among the queues of its skills', () => {
    const sim = scripted();
    const { events } = recordEvents(sim);
    for (const id of ['ann', 'bob', 'cat']) sim.setAgentStatus(id, 'NotReadyForNextCall', 'Training');
    const olderB = sim.scheduleCall({ queueId: 'q-b', at: T0 + 1_000 });
    const newerA = sim.scheduleCall({ queueId: 'q-a', at: T0 + 2_000 });
    const newestB = sim.scheduleCall({ queueId: 'q-b', at: T0 + 3_000 });
    sim.advanceTo(T0 + 10_000);
    expect(sim.snapshot().queues.map((q) => q.waiting)).toEqual([
      [{ callId: newerA, since: T0 + 2_000 }],
      [
        { callId: olderB, since: T0 + 1_000 },
        { callId: newestB, since: T0 + 3_000 },
      ],
    ]);

    sim.setAgentStatus('bob', 'WaitForNextCall');
    sim.setAgentStatus('ann', 'WaitForNextCall');
    sim.setAgentStatus('cat', 'WaitForNextCall');
    const distributed = events.filter((e) => e.type === 'CallDistributed');
    expect(distributed.map((e) => [e.callId, e.agentId, e.at - T0])).toEqual([
      [olderB, 'bob', 10_000],
      [newerA, 'ann', 10_000],
      [newestB, 'cat', 10_000],
    ]);
    expect(sim.snapshot().queues.every((q) => q.waiting.length === 0)).toBe(true);
  });

  it('should abandon a call that waits longer than its patience and not one answered in time', () => {
    const sim = scripted();
    const { events } = recordEvents(sim);
    for (const id of ['ann', 'bob', 'cat']) sim.setAgentStatus(id, 'NotReadyForNextCall', 'Break');
    const impatient = sim.scheduleCall({ queueId: 'q-a', at: T0 + 1_000, patienceMs: 30_000 });
    const patient = sim.scheduleCall({ queueId: 'q-b', at: T0 + 1_000, patienceMs: 60_000 });
    sim.advanceTo(T0 + 30_999);
    expect(sim.snapshot().queues.flatMap((q) => q.waiting.map((w) => w.callId))).toEqual([impatient, patient]);
    sim.advanceTo(T0 + 31_000);
    expect(events.filter((e) => e.type === 'CallAbandoned')).toEqual([
      { type: 'CallAbandoned', at: T0 + 31_000, callId: impatient, queueId: 'q-a', waitMs: 30_000 },
    ]);
    expect(sim.snapshot().queues.flatMap((q) => q.waiting.map((w) => w.callId))).toEqual([patient]);

    sim.advanceTo(T0 + 40_000);
    sim.setAgentStatus('cat', 'WaitForNextCall');
    sim.advanceTo(T0 + 600_000);
    expect(events.filter((e) => e.type === 'CallAbandoned')).toHaveLength(1);
    expect(events.find((e) => e.type === 'CallAnswered')).toMatchObject({ callId: patient, agentId: 'cat', waitMs: 39_000 });
  });

  it('should refuse to force the status of an agent who is on a call', () => {
    const sim = scripted();
    sim.setAgentStatus('ann', 'NotReadyForNextCall');
    sim.scheduleCall({ queueId: 'q-b', at: T0, ringMs: 1_000, talkMs: 10_000, acwMs: 20_000 });
    sim.advanceTo(T0);
    expect(() => sim.setAgentStatus('bob', 'LoggedOut')).toThrow(/bob is handling call .* \(CallRinging\)/);
    sim.advanceTo(T0 + 5_000);
    expect(() => sim.setAgentStatus('bob', 'NotReadyForNextCall', 'Break')).toThrow(/CallInbound/);
    expect(() => sim.setAgentStatus('nobody', 'LoggedOut')).toThrow(/Unknown agent/);
  });

  it('should let a supervisor end after-call work early and cancel the pending wrap-up', () => {
    const sim = scripted();
    const { events } = recordEvents(sim);
    sim.scheduleCall({ queueId: 'q-b', at: T0, talkMs: 10_000, acwMs: 60_000 });
    sim.advanceTo(T0 + 20_000);
    sim.setAgentStatus('bob', 'NotReadyForNextCall', 'Coaching');
    sim.advanceTo(T0 + 600_000);
    const bobChanges = events.filter((e) => e.type === 'AgentStateChanged' && e.agentId === 'bob').map(describeEvent);
    expect(bobChanges).toEqual([
      '0 bob WaitForNextCall->CallRinging',
      '0 bob CallRinging->CallInbound',
      '10000 bob CallInbound->AfterCallWork',
      '20000 bob AfterCallWork->NotReadyForNextCall(Coaching)',
    ]);
    expect(sim.snapshot().agents.find((a) => a.id === 'bob')).toMatchObject({
      state: 'NotReadyForNextCall',
      reason: 'Coaching',
      since: T0 + 20_000,
    });
  });

  it('should emit forced status changes at once, with a reason only for not ready', () => {
    const sim = scripted();
    const { events, batches } = recordEvents(sim);
    sim.advanceTo(T0 + 5_000);
    sim.setAgentStatus('cat', 'NotReadyForNextCall');
    sim.setAgentStatus('cat', 'NotReadyForNextCall', 'Lunch');
    sim.setAgentStatus('cat', 'NotReadyForNextCall', 'Lunch');
    sim.setAgentStatus('cat', 'LoggedOut');
    sim.setAgentStatus('cat', 'WaitForNextCall');
    expect(batches).toEqual([1, 1, 1, 1]);
    expect(events).toEqual([
      { type: 'AgentStateChanged', at: T0 + 5_000, agentId: 'cat', from: 'WaitForNextCall', to: 'NotReadyForNextCall', reason: 'Break' },
      { type: 'AgentStateChanged', at: T0 + 5_000, agentId: 'cat', from: 'NotReadyForNextCall', to: 'NotReadyForNextCall', reason: 'Lunch' },
      { type: 'AgentStateChanged', at: T0 + 5_000, agentId: 'cat', from: 'NotReadyForNextCall', to: 'LoggedOut' },
      { type: 'AgentStateChanged', at: T0 + 5_000, agentId: 'cat', from: 'LoggedOut', to: 'WaitForNextCall' },
    ]);
  });

  it('should deliver the events of one advanceTo in one batch and honour unsubscribe', () => {
    const sim = scripted();
    const batches: number[] = [];
    const unsubscribe = sim.onEvents((batch) => batches.push(batch.length));
    sim.scheduleCall({ queueId: 'q-a', at: T0 + 1_000, talkMs: 1_000 });
    sim.scheduleCall({ queueId: 'q-b', at: T0 + 2_000, talkMs: 1_000 });
    sim.advanceTo(T0 + 10_000);
    sim.advanceTo(T0 + 20_000);
    unsubscribe();
    sim.scheduleCall({ queueId: 'q-a', at: T0 + 30_000 });
    sim.advanceTo(T0 + 40_000);
    expect(batches).toEqual([16]);
  });

  it('should set now to the event time while processing and to the target afterwards', () => {
    const sim = scripted();
    const seen: number[] = [];
    sim.onEvents((batch) => seen.push(...batch.map((e) => e.at)));
    sim.scheduleCall({ queueId: 'q-a', at: T0 + 1_234, talkMs: 1_000 });
    sim.advanceTo(T0 + 5_000);
    expect(sim.now()).toBe(T0 + 5_000);
    expect(seen.every((at, i) => i === 0 || at >= (seen[i - 1] ?? 0))).toBe(true);
    expect(seen[0]).toBe(T0 + 1_234);
  });

  it('should reject moving backwards, calls in the past and unknown queues', () => {
    const sim = scripted();
    sim.advanceTo(T0 + 10_000);
    expect(() => sim.advanceTo(T0 + 9_999)).toThrow(RangeError);
    expect(() => sim.advanceTo(Number.NaN)).toThrow(RangeError);
    expect(() => sim.scheduleCall({ queueId: 'q-a', at: T0 + 9_999 })).toThrow(/past/);
    expect(() => sim.scheduleCall({ queueId: 'nope', at: T0 + 20_000 })).toThrow(/Unknown queue/);
    expect(() => sim.scheduleCall({ queueId: 'q-a', at: T0 + 20_000, talkMs: -1 })).toThrow(RangeError);
    sim.advanceTo(T0 + 10_000);
    expect(sim.now()).toBe(T0 + 10_000);
  });

  it('should list team groups and skills of each agent in the snapshot', () => {
    const sim = createSimulation({ seed: 1, startAt: T0, randomTraffic: false });
    const agent = sim.snapshot().agents[0];
    expect(agent).toMatchObject({ id: 'agent-01', skills: ['support', 'billing'], groups: ['team-north'] });
    expect(agent?.name).toBe('Ava Lopez');
    expect(sim.snapshot().agents.every((a) => a.state === 'WaitForNextCall' && a.since === T0)).toBe(true);
  });

  it('should keep a random-traffic simulation free of scripted calls until they are scheduled', () => {
    const sim = createSimulation({ seed: 3, startAt: T0 + 12 * 3_600_000 });
    const { events } = recordEvents(sim);
    const callId = sim.scheduleCall({ queueId: 'vip', at: T0 + 12 * 3_600_000 + 1_000, talkMs: 5_000 });
    sim.advanceTo(T0 + 12 * 3_600_000 + 600_000);
    expect(events.some((e) => e.type === 'CallArrived' && e.callId === callId && e.queueId === 'vip')).toBe(true);
    expect(events.filter((e) => e.type === 'CallArrived').length).toBeGreaterThan(5);
  });
});
