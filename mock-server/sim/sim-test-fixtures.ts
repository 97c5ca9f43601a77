/**
 * Shared helpers for the simulation tests: a tiny contact center whose routing outcomes can be
 * worked out by hand, and an event recorder.
 */
import type { ContactCenterConfig, SimEvent, Simulation } from './sim-types.ts';

/** 2026-03-10 00:00 UTC, a Tuesday without any daylight-saving transition nearby. */
export const T0 = Date.UTC(2026, 2, 10);

/** Queues "a" and "b"; ann has skill a, bob both, cat b. Nobody ever goes off shift. */
export function createTinyContactCenter(): ContactCenterConfig {
  const queue = (id: string): ContactCenterConfig['queues'][number] => ({
    id: `q-${id}`,
    name: `Queue ${id.toUpperCase()}`,
    channel: 'voice',
    skillId: id,
    peakCallsPerHour: 30,
    meanPatienceSec: 60,
    meanTalkSec: 120,
    meanAcwSec: 10,
  });
  const agent = (id: string, skillIds: string[]): ContactCenterConfig['agents'][number] => ({
    id,
    userName: `${id}@demo.example`,
    firstName: id[0]?.toUpperCase() + id.slice(1),
    lastName: 'Test',
    skillIds,
    groupIds: ['team-test'],
    shift: { startMinute: 0, endMinute: 0 },
  });
  return {
    queues: [queue('a'), queue('b')],
    skills: [
      { id: 'a', name: 'A', description: 'Skill A' },
      { id: 'b', name: 'B', description: 'Skill B' },
    ],
    groups: [{ id: 'team-test', name: 'Team Test' }],
    agents: [agent('ann', ['a']), agent('bob', ['a', 'b']), agent('cat', ['b'])],
  };
}

/** Records every emitted event, flattened, and the batch sizes. */
export function recordEvents(sim: Simulation): { events: SimEvent[]; batches: number[] } {
  const events: SimEvent[] = [];
  const batches: number[] = [];
  sim.onEvents((batch) => {
    batches.push(batch.length);
    events.push(...batch);
  });
  return { events, batches };
}
