/**
 * One simulated day of the default contact center with random traffic, checked for internal
 * consistency and for plausible contact-center figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { msSinceLocalMidnight } from '../lib/zoned-time.ts';
import { createSimulation } from './create-simulation.ts';
import { T0 } from './sim-test-fixtures.ts';
import type { AgentStatus, NotReadyReason, SimEvent, SimSnapshot } from './sim-types.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY_END = T0 + 24 * HOUR;

const LEGAL_TRANSITIONS: Readonly<Record<AgentStatus, readonly AgentStatus[]>> = {
  LoggedOut: ['WaitForNextCall'],
  WaitForNextCall: ['CallRinging', 'NotReadyForNextCall', 'LoggedOut'],
  CallRinging: ['CallInbound'],
  CallInbound: ['AfterCallWork'],
  AfterCallWork: ['WaitForNextCall', 'NotReadyForNextCall', 'LoggedOut'],
  NotReadyForNextCall: ['WaitForNextCall', 'NotReadyForNextCall', 'LoggedOut'],
};

const BREAK_MINUTES: Readonly<Record<NotReadyReason, readonly [number, number]>> = {
  Break: [10, 15],
  Lunch: [27, 35],
  Training: [30, 60],
  Meeting: [20, 40],
  Coaching: [15, 25],
};

type StateChange = Extract<SimEvent, { type: 'AgentStateChanged' }>;

describe('simulated day of the default contact center', () => {
  const sim = createSimulation({ seed: 2026, startAt: T0 });
  const events: SimEvent[] = [];
  const checkpoints: { snapshot: SimSnapshot; eventCount: number }[] = [];
  const initial = sim.snapshot();

  beforeAll(() => {
    sim.onEvents((batch) => events.push(...batch));
    for (let t = T0 + 15 * MINUTE; t <= DAY_END; t += 15 * MINUTE) {
      sim.advanceTo(t);
      checkpoints.push({ snapshot: sim.snapshot(), eventCount: events.length });
    }
  });

  const changes = (): StateChange[] => events.filter((e): e is StateChange => e.type === 'AgentStateChanged');
  const snapshotAt = (hours: number): SimSnapshot => {
    const found = checkpoints.find((c) => c.snapshot.now === T0 + hours * HOUR);
    if (!found) throw new Error(`no checkpoint at ${hours} h`);
    return found.snapshot;
  };
  const loggedIn = (s: SimSnapshot): number => s.agents.filter((a) => a.state !== 'LoggedOut').length;

  it('should simulate 24 hours of the default center well within the time budget', () => {
    const fresh = createSimulation({ seed: 99, startAt: T0 });
    let count = 0;
    fresh.onEvents((batch) => {
      count += batch.length;
    });
    const started = performance.now();
    fresh.advanceTo(DAY_END);
    const elapsedMs = performance.now() - started;
    expect(count).toBeGreaterThan(10_000);
    expect(elapsedMs).toBeLessThan(5_000);
  });

  it('should start with the night shift logged in and everyone else logged out, without events', () => {
    expect(loggedIn(initial)).toBeGreaterThanOrEqual(8);
    expect(loggedIn(initial)).toBeLessThanOrEqual(12);
    expect(initial.agents.every((a) => a.since === T0)).toBe(true);
    expect(initial.agents.every((a) => a.state === 'WaitForNextCall' || a.state === 'LoggedOut')).toBe(true);
    expect(events[0]?.at).toBeGreaterThan(T0);
  });

  it('should have 8-12 agents logged in at night and 30 or more at the peaks', () => {
    for (const hours of [1, 3, 4, 23]) {
      expect(loggedIn(snapshotAt(hours))).toBeGreaterThanOrEqual(8);
      expect(loggedIn(snapshotAt(hours))).toBeLessThanOrEqual(12);
    }
    expect(loggedIn(snapshotAt(10.5))).toBeGreaterThanOrEqual(30);
    expect(loggedIn(snapshotAt(14.5))).toBeGreaterThanOrEqual(30);
  });

  it('should only make legal, continuous agent state transitions', () => {
    const current = new Map(initial.agents.map((a) => [a.id, a.state]));
    const violations: string[] = [];
    for (const c of changes()) {
      if (c.from !== current.get(c.agentId)) violations.push(`${c.agentId} at ${c.at}: from ${c.from}, was ${current.get(c.agentId)}`);
      if (!LEGAL_TRANSITIONS[c.from].includes(c.to)) violations.push(`${c.agentId} at ${c.at}: ${c.from} -> ${c.to}`);
      if ((c.reason !== undefined) !== (c.to === 'NotReadyForNextCall')) violations.push(`${c.agentId} at ${c.at}: reason ${c.reason}`);
      current.set(c.agentId, c.to);
    }
    expect(violations).toEqual([]);
  });

  it('should take every call through a complete, consistent life cycle', () => {
    const byCall = new Map<string, SimEvent[]>();
    for (const e of events) {
      if (e.type === 'AgentStateChanged') continue;
      const list = byCall.get(e.callId) ?? [];
      list.push(e);
      byCall.set(e.callId, list);
    }
    const skills = new Map(sim.config.agents.map((a) => [a.id, a.skillIds]));
    const queueSkill = new Map(sim.config.queues.map((q) => [q.id, q.skillId]));
    for (const [callId, list] of byCall) {
      const types = list.map((e) => e.type).join(',');
      expect(
        ['CallArrived', 'CallArrived,CallAbandoned', 'CallArrived,CallDistributed', 'CallArrived,CallDistributed,CallAnswered', 'CallArrived,CallDistributed,CallAnswered,CallReleased'],
        callId,
      ).toContain(types);
      const [arrived, distributed, answered, released] = list;
      if (distributed?.type === 'CallDistributed' && arrived) {
        expect(skills.get(distributed.agentId)).toContain(queueSkill.get(distributed.queueId));
        if (answered?.type === 'CallAnswered') {
          expect(answered.agentId).toBe(distributed.agentId);
          expect(answered.waitMs).toBe(answered.at - arrived.at);
          if (released?.type === 'CallReleased') expect(released.talkMs).toBe(released.at - answered.at);
        }
      }
      if (distributed?.type === 'CallAbandoned' && arrived) expect(distributed.waitMs).toBe(distributed.at - arrived.at);
    }
  });

  it('should keep snapshots consistent with the events emitted so far', () => {
    for (const { snapshot, eventCount } of checkpoints) {
      const seen = events.slice(0, eventCount);
      for (const queue of snapshot.queues) {
        const arrivals = new Map<string, number>();
        let distributed = 0;
        let abandoned = 0;
        for (const e of seen) {
          if (e.type === 'AgentStateChanged' || e.queueId !== queue.id) continue;
          if (e.type === 'CallArrived') arrivals.set(e.callId, e.at);
          if (e.type === 'CallDistributed' || e.type === 'CallAbandoned') {
            arrivals.delete(e.callId);
            if (e.type === 'CallDistributed') distributed++;
            else abandoned++;
          }
        }
        const expected = [...arrivals].map(([callId, since]) => ({ callId, since }));
        expect(queue.waiting).toEqual(expected);
        expect(queue.waiting.length).toBe(
          seen.filter((e) => e.type === 'CallArrived' && e.queueId === queue.id).length - distributed - abandoned,
        );
      }
      for (const agent of snapshot.agents) {
        const last = seen.findLast((e): e is StateChange => e.type === 'AgentStateChanged' && e.agentId === agent.id);
        expect(agent.state).toBe(last?.to ?? initial.agents.find((a) => a.id === agent.id)?.state);
        expect(agent.since).toBe(last?.at ?? T0);
        expect(agent.reason).toBe(last?.reason);
      }
    }
  });

  it('should send agents on breaks with reasons a few times per shift and bring them back', () => {
    const all = changes();
    const breaks = all.filter((c) => c.to === 'NotReadyForNextCall');
    const reasons = new Set(breaks.map((c) => c.reason));
    expect(reasons).toContain('Break');
    expect(reasons).toContain('Lunch');
    expect(['Training', 'Meeting', 'Coaching'].some((r) => reasons.has(r as NotReadyReason))).toBe(true);
    expect(breaks.length).toBeGreaterThan(sim.config.agents.length * 2);
    expect(breaks.length).toBeLessThan(sim.config.agents.length * 5);
    const wrongDurations: string[] = [];
    for (const agent of sim.config.agents) {
      const mine = all.filter((c) => c.agentId === agent.id);
      mine.forEach((start, i) => {
        if (start.to !== 'NotReadyForNextCall') return;
        expect(['WaitForNextCall', 'AfterCallWork', 'NotReadyForNextCall']).toContain(start.from);
        const end = mine[i + 1];
        // A break cut short by the end of the shift (logout) has no full duration to check.
        if (!end || end.to === 'LoggedOut') return;
        const [min, max] = BREAK_MINUTES[start.reason ?? 'Break'];
        const minutes = (end.at - start.at) / MINUTE;
        if (minutes < min || minutes > max) wrongDurations.push(`${agent.id} ${start.reason} ${minutes} min`);
      });
    }
    expect(wrongDurations).toEqual([]);
  });

  it('should log agents in at shift start and out at shift end, after finishing a call', () => {
    const all = changes();
    for (const agent of sim.config.agents) {
      const mine = all.filter((c) => c.agentId === agent.id);
      const logins = mine.filter((c) => c.from === 'LoggedOut');
      const logouts = mine.filter((c) => c.to === 'LoggedOut');
      expect(logins, agent.id).toHaveLength(1);
      expect(logouts, agent.id).toHaveLength(1);
      expect(msSinceLocalMidnight(logins[0]?.at ?? 0, 'UTC')).toBe(agent.shift.startMinute * MINUTE);
      const logout = logouts[0] as StateChange;
      const shiftEnd = T0 + agent.shift.endMinute * MINUTE;
      if (logout.from === 'AfterCallWork') {
        expect(logout.at).toBeGreaterThan(shiftEnd);
        expect(logout.at).toBeLessThan(shiftEnd + 2 * HOUR);
      } else {
        expect(logout.at).toBe(shiftEnd);
      }
    }
    expect(all.some((c) => c.to === 'LoggedOut' && c.from === 'AfterCallWork')).toBe(true);
  });

  it('should produce realistic figures over the business day', () => {
    const from = T0 + 8 * HOUR;
    const to = T0 + 18 * HOUR;
    const arrived = new Set(
      events
        .filter((e): e is Extract<SimEvent, { type: 'CallArrived' }> => e.type === 'CallArrived')
        .filter((e) => e.at >= from && e.at < to)
        .map((e) => e.callId),
    );
    const answered = events.filter((e) => e.type === 'CallAnswered' && arrived.has(e.callId));
    const abandoned = events.filter((e) => e.type === 'CallAbandoned' && arrived.has(e.callId));
    expect(arrived.size).toBeGreaterThan(1_200);
    const answeredShare = answered.length / arrived.size;
    expect(answeredShare).toBeGreaterThan(0.85);
    expect(abandoned.length / arrived.size).toBeGreaterThan(0.01);
    const withinTarget = answered.filter((e) => e.type === 'CallAnswered' && e.waitMs <= 20_000).length;
    const serviceLevel = withinTarget / (answered.length + abandoned.length);
    expect(serviceLevel).toBeGreaterThan(0.6);
    expect(serviceLevel).toBeLessThan(0.95);

    const released = events.filter((e): e is Extract<SimEvent, { type: 'CallReleased' }> => e.type === 'CallReleased');
    const meanTalk = new Map(sim.config.queues.map((q) => [q.id, q.meanTalkSec * 1_000]));
    const expectedTalk = released.reduce((sum, e) => sum + (meanTalk.get(e.queueId) ?? 0), 0) / released.length;
    const actualTalk = released.reduce((sum, e) => sum + e.talkMs, 0) / released.length;
    expect(actualTalk / expectedTalk).toBeGreaterThan(0.8);
    expect(actualTalk / expectedTalk).toBeLessThan(1.2);

    const queuedAtPeak = checkpoints.filter(
      (c) => c.snapshot.now >= T0 + 9 * HOUR && c.snapshot.now <= T0 + 16 * HOUR && c.snapshot.queues.some((q) => q.waiting.length > 0),
    );
    expect(queuedAtPeak.length).toBeGreaterThan(3);
  });

  it('should read shifts in the configured time zone', () => {
    const timeZone = 'America/New_York';
    const localMidnight = Date.UTC(2026, 2, 10, 4);
    const zoned = createSimulation({ seed: 1, startAt: localMidnight, timeZone });
    const logins: StateChange[] = [];
    zoned.onEvents((batch) => {
      for (const e of batch) if (e.type === 'AgentStateChanged' && e.from === 'LoggedOut') logins.push(e);
    });
    const nightCount = zoned.snapshot().agents.filter((a) => a.state !== 'LoggedOut').length;
    expect(nightCount).toBe(loggedIn(initial));
    zoned.advanceTo(localMidnight + 12 * HOUR);
    expect(logins.length).toBeGreaterThan(20);
    for (const login of logins) {
      const agent = zoned.config.agents.find((a) => a.id === login.agentId);
      expect(msSinceLocalMidnight(login.at, timeZone)).toBe((agent?.shift.startMinute ?? -1) * MINUTE);
    }
  });
});
