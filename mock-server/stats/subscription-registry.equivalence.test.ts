import { describe, expect, it } from 'vitest';
import { startOfLocalDay } from '../lib/zoned-time.ts';
import { createRng, type Rng } from '../sim/rng.ts';
import { createSimulation } from '../sim/create-simulation.ts';
import { createStatEngine, type StatEngine, type StatisticDescriptor } from './stat-engine.ts';
import type { NotificationSettings, StatDefinition } from './statistic-definition.ts';
import { loadStatisticsCatalog } from './statistics-catalog.ts';
import type { StatisticNotification, SubscribedStatistic } from './subscription-registry.ts';
import { createWalkAllRegistry } from './test-support/walk-all-registry.ts';

const TIME_ZONE = 'Europe/Berlin';
const QUEUES = ['sales', 'support', 'billing', 'technical', 'vip', 'retention'];
const GROUPS = ['sales', 'support', 'tech', 'team-north', 'team-east'];
const AGENTS = Array.from({ length: 40 }, (_, i) => `agent-${String(i + 1).padStart(2, '0')}`);
const QUEUE_NAMES = ['ServiceLevel', 'Current_In_Queue', 'CurrMaxCallWaitingTime', 'Total_Answered', 'Total_Abandoned', 'AverageWaitingTime'];
const GROUP_NAMES = ['CurrentReadyAgents', 'CurrentNotReadyAgents', 'CurrNumberInCall', 'LongestIdleTime', 'AverageHandlingTime'];
const AGENT_NAMES = ['CurrentAgentState', 'CurrentTargetState', 'AverageHandlingTime', 'InboundCalls', 'TimeInCurrentState', 'TalkDuration'];

type Inline = { readonly definition: StatDefinition; readonly notification: NotificationSettings };
const inline = (definition: StatDefinition, mode: NotificationSettings['mode'], frequencySec: number, insensitivity: number): Inline => ({
  definition,
  notification: { mode, frequencySec, insensitivity },
});
const waiting = { category: 'CurrentNumber', subject: 'DNAction', mainMask: 'CallWait' };
/** Every notification mode against values that move with activity only, with time, and with window resets. */
const QUEUE_INLINE: readonly Inline[] = [
  inline(waiting, 'Changes', 0, 1),
  inline(waiting, 'Changes', 5, 0),
  inline(waiting, 'Periodical', 2, 1),
  inline({ category: 'CurrentMaxTime', subject: 'DNAction', mainMask: 'CallWait' }, 'Changes', 0, 5),
  inline({ category: 'TotalNumber', subject: 'DNAction', mainMask: 'CallAnswered', intervalType: 'GrowingWindow', dynamicTimeProfile: '0:00+0:15' }, 'Changes', 0, 1),
  inline({ category: 'TotalNumber', subject: 'DNAction', mainMask: 'CallAnswered', intervalType: 'GrowingWindow', dynamicTimeProfile: '0:05+0:10' }, 'Periodical', 3, 2),
  inline(
    { category: 'ServiceFactor1', subject: 'DNAction', intervalType: 'GrowingWindow', dynamicTimeProfile: '0:00+0:10', timeRangeLeft: 0, timeRangeRight: 20 },
    'Periodical',
    7,
    0,
  ),
  inline({ category: 'TotalAdjustedTime', subject: 'DNAction', mainMask: 'CallWait', intervalType: 'GrowingWindow' }, 'Changes', 0, 30),
];
const AGENT_INLINE: readonly Inline[] = [
  inline({ category: 'CurrentState', subject: 'DNAction', mainMask: '*' }, 'Changes', 0, 0),
  inline({ category: 'CurrentState', subject: 'AgentStatus' }, 'Periodical', 2, 1),
  inline({ category: 'CurrentNumber', subject: 'AgentStatus', mainMask: 'NotReadyForNextCall' }, 'Changes', 0, 1),
  inline({ category: 'TotalAdjustedTime', subject: 'AgentStatus', mainMask: 'NotReadyForNextCall', intervalType: 'GrowingWindow', dynamicTimeProfile: '0:00+1:00' }, 'Changes', 0, 60),
];

function randomDescriptor(rng: Rng): StatisticDescriptor {
  const kind = rng.uniformInt(0, 4);
  if (kind === 0) return { objectType: 'Queue', objectId: rng.pick(QUEUES), name: rng.pick(QUEUE_NAMES) };
  if (kind === 1) return { objectType: 'GroupAgents', objectId: rng.pick(GROUPS), name: rng.pick(GROUP_NAMES) };
  if (kind === 2) return { objectType: 'Agent', objectId: rng.pick(AGENTS), name: rng.pick(AGENT_NAMES) };
  if (kind === 3) return { objectType: 'Queue', objectId: rng.pick(QUEUES), ...rng.pick(QUEUE_INLINE) };
  return { objectType: 'Agent', objectId: rng.pick(AGENTS), ...rng.pick(AGENT_INLINE) };
}

function randomStatistics(engine: StatEngine, rng: Rng, count: number): SubscribedStatistic[] {
  return Array.from({ length: count }, (_, i) => {
    const descriptor = randomDescriptor(rng);
    const resolved = engine.resolve(descriptor);
    if (!resolved.ok) throw new Error(`${resolved.message}: ${JSON.stringify(descriptor)}`);
    return { statisticId: `s${i}`, statistic: resolved.statistic, name: undefined, objectId: descriptor.objectId, objectType: descriptor.objectType };
  });
}

type Sent = Array<[string, StatisticNotification[]]>;

describe('subscription registry against walking every statistic on every tick', () => {
  it('should send the same batches, in the same order, with the same values, at the same ticks', () => {
    // A busy late morning across hourly and quarter-hourly window resets, with ticks that come
    // late, subscriptions opened and closed, and agents forced into a status between ticks.
    const startAt = Date.UTC(2026, 10, 23, 9, 52);
    const sim = createSimulation({ seed: 42, startAt: startOfLocalDay(startAt, TIME_ZONE), timeZone: TIME_ZONE });
    const engine = createStatEngine({ sim, catalog: loadStatisticsCatalog(), timeZone: TIME_ZONE });
    sim.advanceTo(startAt);
    const reference = createWalkAllRegistry({ current: (s) => engine.current(s), now: () => sim.now() });
    const sent: Sent = [];
    const expected: Sent = [];
    engine.subscriptions.onNotifications((subscription, updates) => sent.push([subscription.id, [...updates]]));
    reference.onNotifications((subscription, updates) => expected.push([subscription.id, [...updates]]));

    const rng = createRng(11);
    const openIds: string[] = [];
    let opened = 0;
    const openOne = (): void => {
      const subscription = {
        id: `sub-${opened++}`,
        owner: 'session',
        tokenId: 'token',
        tokenExpiresAt: Number.MAX_SAFE_INTEGER,
        subject: 'supervisor',
        statistics: randomStatistics(engine, rng, rng.uniformInt(1, 12)),
      };
      engine.subscriptions.open(subscription);
      reference.open(subscription);
      openIds.push(subscription.id);
    };
    const tick = (): void => {
      engine.tick();
      reference.tick();
    };
    for (let i = 0; i < 30; i++) openOne();

    const end = startAt + 20 * 60_000;
    for (let step = 1; sim.now() < end; step++) {
      sim.advanceTo(sim.now() + (step % 97 === 0 ? 2350 : step % 13 === 0 ? 1 : 100));
      tick();
      if (step % 53 === 0) {
        const id = openIds.splice(rng.uniformInt(0, openIds.length - 1), 1)[0] as string;
        expect(engine.subscriptions.close(id)).toBe(reference.close(id));
        openOne();
      }
      if (step % 211 === 0) {
        for (const agent of ['agent-03', 'agent-17', 'agent-28']) {
          try {
            sim.setAgentStatus(agent, step % 2 === 0 ? 'NotReadyForNextCall' : 'WaitForNextCall', 'Break');
          } catch {
            // On a call: the simulation refuses, as it does for the admin API.
          }
        }
        tick();
      }
    }

    expect(sent.length).toBeGreaterThan(1000);
    const changesBased = sent.flatMap(([, updates]) => updates).filter((u) => u.value.stringValue === 'NotReadyForNextCall');
    expect(changesBased.length).toBeGreaterThan(0);
    expect(sent).toEqual(expected);
  });
});
