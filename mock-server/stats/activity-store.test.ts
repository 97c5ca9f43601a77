import { describe, expect, it } from 'vitest';
import { activityKey, createActivityStore } from './activity-store.ts';
import { createObjectDirectory, agentKey, groupKey, queueKey, skillQueueKey } from './object-directory.ts';
import { createFakeSimulation, SMALL_CENTER } from './test-support/fake-simulation.ts';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

function setup(): ReturnType<typeof createActivityStore> {
  const sim = createFakeSimulation(T0);
  return createActivityStore(createObjectDirectory(SMALL_CENTER), sim.snapshot());
}

describe('activity store change feed', () => {
  it('should report nothing for the state it starts from', () => {
    expect([...setup().takeChanged()]).toEqual([]);
  });

  it('should report each activity an event wrote, once', () => {
    const store = setup();
    store.apply([{ type: 'CallArrived', at: T0 + 1000, callId: 'c1', queueId: 'q1' }]);
    expect([...store.takeChanged()].sort()).toEqual([activityKey(queueKey('q1'), 'action'), activityKey(skillQueueKey('s1'), 'action')].sort());
    expect([...store.takeChanged()]).toEqual([]);
  });

  it("should report an agent's status on the agent and its groups when its state or reason changes", () => {
    const store = setup();
    store.apply([{ type: 'AgentStateChanged', at: T0 + 1000, agentId: 'a1', from: 'WaitForNextCall', to: 'NotReadyForNextCall', reason: 'Break' }]);
    expect([...store.takeChanged()].sort()).toEqual(
      [agentKey('a1'), groupKey('s1'), groupKey('team-a')].map((k) => activityKey(k, 'status')).sort(),
    );
    expect(store.notReadyReason('a1')).toBe('Break');
  });
});
