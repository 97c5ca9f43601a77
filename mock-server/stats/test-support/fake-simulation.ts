import type { ContactCenterConfig, SimEvent, SimEventListener, SimSnapshot, Simulation } from '../../sim/sim-types.ts';

/**
 * A hand-driven simulation for the statistics engine's tests: events are whatever the test
 * emits, so expected values can be computed by hand.
 */
export interface FakeSimulation extends Simulation {
  emit(...events: SimEvent[]): void;
}

export const SMALL_CENTER: ContactCenterConfig = {
  queues: [
    { id: 'q1', name: 'Queue 1', channel: 'voice', skillId: 's1', peakCallsPerHour: 0, meanPatienceSec: 60, meanTalkSec: 60, meanAcwSec: 10 },
    { id: 'q2', name: 'Queue 2', channel: 'voice', skillId: 's1', peakCallsPerHour: 0, meanPatienceSec: 60, meanTalkSec: 60, meanAcwSec: 10 },
  ],
  skills: [{ id: 's1', name: 'Skill 1', description: '' }],
  groups: [{ id: 'team-a', name: 'Team A' }],
  agents: [
    { id: 'a1', userName: 'a1@x', firstName: 'A', lastName: 'One', skillIds: ['s1'], groupIds: ['team-a'], shift: { startMinute: 0, endMinute: 1440 } },
    { id: 'a2', userName: 'a2@x', firstName: 'B', lastName: 'Two', skillIds: ['s1'], groupIds: [], shift: { startMinute: 0, endMinute: 1440 } },
  ],
};

export function createFakeSimulation(startAt: number, config: ContactCenterConfig = SMALL_CENTER): FakeSimulation {
  let now = startAt;
  const listeners = new Set<SimEventListener>();
  const snapshot: SimSnapshot = {
    now: startAt,
    queues: config.queues.map((q) => ({ id: q.id, name: q.name, waiting: [] })),
    agents: config.agents.map((a) => ({
      id: a.id,
      name: `${a.firstName} ${a.lastName}`,
      state: 'WaitForNextCall' as const,
      since: startAt,
      skills: a.skillIds,
      groups: a.groupIds,
    })),
  };
  return {
    config,
    now: () => now,
    advanceTo(t) {
      now = Math.max(now, t);
    },
    onEvents(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => snapshot,
    scheduleCall() {
      throw new Error('not supported by the fake simulation');
    },
    setAgentStatus() {
      throw new Error('not supported by the fake simulation');
    },
    emit(...events) {
      for (const e of events) now = Math.max(now, e.at);
      for (const l of listeners) l(events);
    },
  };
}
