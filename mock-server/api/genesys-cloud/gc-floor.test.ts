import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../sim/create-simulation.ts';
import { createTinyContactCenter, T0 } from '../../sim/sim-test-fixtures.ts';
import type { Simulation } from '../../sim/sim-types.ts';
import { createGenesysCloudIds } from '../../vendor-ids/vendor-ids.ts';
import { createGenesysCloudState, type GenesysCloudState } from './gc-activity.ts';
import { queueObservations, userPresence, userRoutingStatus, type ObservationMetricData } from './gc-floor.ts';
import { routingStatusOf, systemPresenceOf } from './gc-status.ts';

function tinyFloor(): { sim: Simulation; gc: GenesysCloudState } {
  const config = createTinyContactCenter();
  const sim = createSimulation({ seed: 3, startAt: T0, randomTraffic: false, config });
  const ids = createGenesysCloudIds(3, { queue: ['q-a', 'q-b'], agent: ['ann', 'bob', 'cat'], skill: ['a', 'b'] });
  return { sim, gc: createGenesysCloudState(sim, ids) };
}

const datum = (data: readonly ObservationMetricData[], metric: string, qualifier?: string): ObservationMetricData | undefined =>
  data.find((d) => d.metric === metric && d.qualifier === qualifier);

describe('the Genesys Cloud view of the floor', () => {
  it('should map every simulation status to a routing status and a system presence', () => {
    expect(routingStatusOf('WaitForNextCall')).toBe('IDLE');
    for (const busy of ['CallRinging', 'CallInbound', 'AfterCallWork'] as const) {
      expect(routingStatusOf(busy)).toBe('INTERACTING');
      expect(systemPresenceOf(busy)).toBe('ON_QUEUE');
    }
    expect([routingStatusOf('LoggedOut'), systemPresenceOf('LoggedOut')]).toEqual(['OFF_QUEUE', 'OFFLINE']);
    expect(routingStatusOf('NotReadyForNextCall')).toBe('OFF_QUEUE');
    const presences = (['Break', 'Lunch', 'Training', 'Coaching', 'Meeting'] as const).map((r) => systemPresenceOf('NotReadyForNextCall', r));
    expect(presences).toEqual(['BREAK', 'MEAL', 'TRAINING', 'TRAINING', 'MEETING']);
  });

  it('should count waiting, alerting and connected calls per queue, oldest first, with the queue skill', () => {
    const { sim, gc } = tinyFloor();
    sim.advanceTo(T0 + 1000);
    sim.setAgentStatus('cat', 'NotReadyForNextCall', 'Break');
    sim.scheduleCall({ queueId: 'q-a', at: T0 + 10_000, ringMs: 2000, talkMs: 60_000 });
    sim.scheduleCall({ queueId: 'q-a', at: T0 + 10_500, ringMs: 20_000 });
    const late = sim.scheduleCall({ queueId: 'q-b', at: T0 + 13_000 });
    const early = sim.scheduleCall({ queueId: 'q-b', at: T0 + 12_000 });
    sim.advanceTo(T0 + 20_000);
    const floor = gc.floor();

    const a = queueObservations(floor, 'q-a', ['oWaiting', 'oAlerting', 'oInteracting', 'oLongestInteracting'], ['oInteracting']);
    expect(datum(a, 'oWaiting')?.stats).toEqual({ count: 0 });
    expect(datum(a, 'oAlerting')?.stats).toEqual({ count: 1 });
    expect(datum(a, 'oInteracting')?.stats).toEqual({ count: 1 });
    expect(datum(a, 'oInteracting')?.observations?.[0]?.observationDate).toBe(new Date(T0 + 12_000).toISOString());
    expect(datum(a, 'oLongestInteracting')?.stats).toEqual({ calculatedMetricValue: T0 + 12_000 });

    const b = queueObservations(floor, 'q-b', ['oWaiting', 'oLongestWaiting'], ['oWaiting']);
    expect(datum(b, 'oWaiting')?.stats).toEqual({ count: 2 });
    expect(datum(b, 'oWaiting')?.truncated).toBeUndefined();
    expect(datum(b, 'oWaiting')?.observations).toEqual(
      [early, late].map((callId, i) => ({
        observationDate: new Date(T0 + 12_000 + i * 1000).toISOString(),
        conversationId: gc.ids.toVendor('conversation', callId),
        requestedRoutingSkillIds: [gc.ids.toVendor('skill', 'b')],
        routingPriority: 0,
        direction: 'inbound',
      })),
    );
    // The platform gives the oldest wait's start, in epoch ms.
    expect(datum(b, 'oLongestWaiting')?.stats).toEqual({ calculatedMetricValue: T0 + 12_000 });
    expect(queueObservations(floor, 'q-a', ['oLongestWaiting'])).toEqual([]);
  });

  it('should count users by routing status and presence, keeping the start of the GC status across call states', () => {
    const { sim, gc } = tinyFloor();
    sim.advanceTo(T0 + 1000);
    sim.setAgentStatus('cat', 'NotReadyForNextCall', 'Break');
    sim.scheduleCall({ queueId: 'q-a', at: T0 + 10_000, ringMs: 2000, talkMs: 5000, acwMs: 60_000 });
    sim.advanceTo(T0 + 30_000);
    sim.setAgentStatus('cat', 'NotReadyForNextCall', 'Lunch');
    const floor = gc.floor();
    const busy = floor.snapshot.agents.find((agent) => agent.state === 'AfterCallWork');
    expect(busy?.since).toBe(T0 + 17_000);
    // Ringing, talking and wrap-up are one INTERACTING status: it began when the call rang.
    expect(userRoutingStatus(floor, busy?.id ?? '')).toEqual({
      userId: gc.ids.toVendor('agent', busy?.id ?? ''),
      status: 'INTERACTING',
      startTime: new Date(T0 + 10_000).toISOString(),
    });
    expect(userRoutingStatus(floor, 'cat')?.startTime).toBe(new Date(T0 + 1000).toISOString());
    expect(userPresence(floor, 'cat')).toEqual({ systemPresence: 'MEAL', since: new Date(T0 + 30_000).toISOString() });

    const b = queueObservations(floor, 'q-b', ['oMemberUsers', 'oActiveUsers', 'oOnQueueUsers', 'oOffQueueUsers', 'oUserRoutingStatuses', 'oUserPresences'], ['oOnQueueUsers']);
    const bobStatus = routingStatusOf(floor.snapshot.agents.find((agent) => agent.id === 'bob')?.state ?? 'LoggedOut');
    expect(datum(b, 'oMemberUsers')?.stats.count).toBe(2);
    expect(datum(b, 'oActiveUsers')?.stats.count).toBe(2);
    expect(datum(b, 'oOffQueueUsers')?.stats.count).toBe(1);
    expect(b.filter((d) => d.metric === 'oOnQueueUsers').map((d) => [d.qualifier, d.stats.count])).toEqual([[bobStatus, 1]]);
    expect(datum(b, 'oOnQueueUsers', bobStatus)?.observations?.map((o) => o.userId)).toEqual([gc.ids.toVendor('agent', 'bob')]);
    expect(b.filter((d) => d.metric === 'oUserRoutingStatuses').map((d) => d.qualifier).sort()).toEqual([bobStatus, 'OFF_QUEUE'].sort());
    expect(b.filter((d) => d.metric === 'oUserPresences').map((d) => [d.qualifier, d.stats.count])).toEqual([
      ['ON_QUEUE', 1],
      ['MEAL', 1],
    ]);
  });

  it('should truncate a detail list past 100 to the 50 oldest and the 50 newest', () => {
    const { sim, gc } = tinyFloor();
    for (const agent of ['ann', 'bob', 'cat']) sim.setAgentStatus(agent, 'LoggedOut');
    const calls = Array.from({ length: 150 }, (_, i) => sim.scheduleCall({ queueId: 'q-a', at: T0 + 1000 + i }));
    sim.advanceTo(T0 + 5000);
    const [waiting] = queueObservations(gc.floor(), 'q-a', ['oWaiting'], ['oWaiting']);
    expect(waiting?.stats.count).toBe(150);
    expect(waiting?.truncated).toBe(true);
    const expected = [...calls.slice(0, 50), ...calls.slice(100)].map((id) => gc.ids.toVendor('conversation', id));
    expect(waiting?.observations?.map((o) => o.conversationId)).toEqual(expected);
  });
});
