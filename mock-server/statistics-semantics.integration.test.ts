import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from './create-mock-server.ts';
import type { SimSnapshot } from './sim/sim-types.ts';
import { signInWithPkce } from './test-support/http-sign-in.ts';
import { admin, advanceClock, startTestServer, statisticsApi } from './test-support/test-server.ts';

interface Entry {
  readonly name: string;
  readonly objectId: string;
  readonly value: { readonly stringValue: string; readonly timestamp: number };
  readonly timestamp: number;
}

async function getStatistics(server: MockServer, token: string, requests: readonly { name: string; objectType: string; objectId: string }[]): Promise<Entry[]> {
  const call = await statisticsApi(server, token, 'POST', 'operations/get-statistic-ex', { data: { statistics: requests } });
  expect(call.status).toBe(200);
  return (call.body.data as { statistics: Entry[] }).statistics;
}

describe('statistics mean what the ground truth says (random traffic, busy morning)', () => {
  let server: MockServer;
  let token: string;
  let snapshot: SimSnapshot;

  beforeAll(async () => {
    server = await startTestServer({ seed: 3 });
    token = (await signInWithPkce(server.url)).access_token;
    // Run the floor until calls are waiting somewhere (deterministic for the seed), then keep it
    // frozen: statistics and snapshot describe the same instant.
    await advanceClock(server, 10 * 60_000);
    for (let step = 0; step < 240; step++) {
      snapshot = (await admin(server, 'GET', 'snapshot')) as SimSnapshot;
      if (snapshot.queues.filter((q) => q.waiting.length > 0).length >= 2) break;
      await advanceClock(server, 15_000);
    }
  });
  afterAll(() => server.close());

  it('should count exactly the waiting calls in Current_In_Queue and time the oldest in CurrMaxCallWaitingTime', async () => {
    const queues = snapshot.queues;
    const entries = await getStatistics(server, token, [
      ...queues.map((q) => ({ name: 'Current_In_Queue', objectType: 'Queue', objectId: q.id })),
      ...queues.map((q) => ({ name: 'CurrMaxCallWaitingTime', objectType: 'Queue', objectId: q.id })),
    ]);
    expect(queues.reduce((n, q) => n + q.waiting.length, 0)).toBeGreaterThan(0); // the scenario really has a queue
    for (const q of queues) {
      const inQueue = entries.find((e) => e.name === 'Current_In_Queue' && e.objectId === q.id);
      expect(inQueue?.value.stringValue).toBe(String(q.waiting.length));
      const oldest = Math.min(...q.waiting.map((w) => w.since));
      const expected = q.waiting.length === 0 ? 0 : (snapshot.now - oldest) / 1000;
      const maxWait = entries.find((e) => e.name === 'CurrMaxCallWaitingTime' && e.objectId === q.id);
      expect(Number(maxWait?.value.stringValue)).toBeCloseTo(expected, 2);
      expect(maxWait?.timestamp).toBe(snapshot.now);
    }
  });

  it('should report in LongestIdleTime the longest a ready agent with the skill has waited', async () => {
    const skills = ['sales', 'support', 'billing', 'tech', 'retention'];
    const entries = await getStatistics(
      server,
      token,
      skills.flatMap((id) => [
        { name: 'LongestIdleTime', objectType: 'GroupAgents', objectId: id },
        { name: 'CurrentReadyAgents', objectType: 'GroupAgents', objectId: id },
      ]),
    );
    for (const skill of skills) {
      const ready = snapshot.agents.filter((a) => a.skills.includes(skill) && a.state === 'WaitForNextCall');
      const expected = ready.length === 0 ? 0 : Math.max(...ready.map((a) => snapshot.now - a.since)) / 1000;
      const idle = entries.find((e) => e.name === 'LongestIdleTime' && e.objectId === skill);
      expect(Number(idle?.value.stringValue)).toBeCloseTo(expected, 2);
      const count = entries.find((e) => e.name === 'CurrentReadyAgents' && e.objectId === skill);
      expect(count?.value.stringValue).toBe(String(ready.length));
    }
  });

  it('should report every agent state and since when, as the snapshot has it', async () => {
    const entries = await getStatistics(
      server,
      token,
      snapshot.agents.map((a) => ({ name: 'CurrentAgentState', objectType: 'Agent', objectId: a.id })),
    );
    for (const agent of snapshot.agents) {
      const entry = entries.find((e) => e.objectId === agent.id);
      expect(entry?.value).toMatchObject({ stringValue: agent.state, timestamp: agent.since });
    }
  });
});

describe('service level and waiting time on a scripted scenario', () => {
  let server: MockServer;
  let token: string;

  beforeAll(async () => {
    // 09:00 sharp: the hourly ServiceLevel window and the daily one both start here or earlier.
    server = await startTestServer({ randomTraffic: false, startAt: Date.UTC(2026, 10, 23, 9, 0, 0) });
    token = (await signInWithPkce(server.url)).access_token;
  });
  afterAll(() => server.close());

  it('should match the values computed by hand', async () => {
    const snap = (await admin(server, 'GET', 'snapshot')) as SimSnapshot;
    for (const agent of snap.agents) await admin(server, 'POST', `agents/${agent.id}/status`, { status: 'NotReadyForNextCall', reason: 'Meeting' });
    const salesAgent = snap.agents.find((a) => a.skills.includes('sales'))?.id ?? '';

    // All times in seconds after 09:00. Nobody is ready until 50 s; then one sales agent takes calls in arrival order.
    await admin(server, 'POST', 'calls', { queueId: 'sales', delayMs: 0, ringMs: 0, talkMs: 60_000, acwMs: 0 }); // A: answered at 50 → waited 50
    await admin(server, 'POST', 'calls', { queueId: 'sales', delayMs: 1000, patienceMs: 5000 }); // B: hangs up at 6 → short abandon, not counted
    await admin(server, 'POST', 'calls', { queueId: 'sales', delayMs: 2000, patienceMs: 40_000 }); // C: abandons at 42 → counted
    await admin(server, 'POST', 'calls', { queueId: 'sales', delayMs: 60_000, ringMs: 0, talkMs: 100_000, acwMs: 0 }); // D: answered at 110 → waited 50
    await admin(server, 'POST', 'calls', { queueId: 'sales', delayMs: 60_000, ringMs: 0, talkMs: 30_000, acwMs: 0, patienceMs: 3_600_000 }); // E: answered at 210 → waited 150
    await advanceClock(server, 50_000);
    await admin(server, 'POST', `agents/${salesAgent}/status`, { status: 'WaitForNextCall' });
    await advanceClock(server, 250_000); // 09:05:00

    const entries = await getStatistics(server, token, [
      { name: 'ServiceLevel', objectType: 'Queue', objectId: 'sales' },
      { name: 'AverageWaitingTime', objectType: 'Queue', objectId: 'sales' },
      { name: 'Total_Answered', objectType: 'Queue', objectId: 'sales' },
      { name: 'Total_Abandoned', objectType: 'Queue', objectId: 'sales' },
      { name: 'Current_In_Queue', objectType: 'Queue', objectId: 'sales' },
    ]);
    const value = (name: string): string | undefined => entries.find((e) => e.name === name)?.value.stringValue;
    // Answered within 120 s: A and D; denominator: 3 answered + 1 abandoned after 10 s (C) → 50 %.
    expect(value('ServiceLevel')).toBe('50');
    // Queue waits: A 50 + B 5 + C 40 + D 50 + E 150 = 295 s over 5 calls.
    expect(value('AverageWaitingTime')).toBe('59');
    expect(value('Total_Answered')).toBe('3');
    expect(value('Total_Abandoned')).toBe('2');
    expect(value('Current_In_Queue')).toBe('0');

    // A threshold of 160 s, asked for with an inline definition, counts E as well: 3 / 4 = 75 %.
    const created = await statisticsApi(server, token, 'POST', 'subscriptions', {
      operationId: 'sl-160',
      data: {
        statistics: [
          {
            statisticId: 'sl',
            objectType: 'Queue',
            objectId: 'sales',
            definition: {
              notificationMode: 'Periodical',
              notificationFrequency: 10,
              category: 'ServiceFactor1',
              subject: 'DNAction',
              intervalType: 'GrowingWindow',
              dynamicTimeProfile: '0:00+1:00',
              timeRangeLeft: 0,
              timeRangeRight: 160,
              timeRangeLeft2: 0,
              timeRangeRight2: 10,
            },
          },
        ],
      },
    });
    expect((created.body.data as { statistics: Entry[] }).statistics[0]?.value.stringValue).toBe('75');
    await statisticsApi(server, token, 'DELETE', 'subscriptions/sl-160');
  });
});
