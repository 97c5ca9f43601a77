// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createGcRig, gcSpec } from './test-support/source-rig.ts';

const uuid = (kind: number, i: number): string => `${String(kind).padStart(8, '0')}-0000-5000-8000-${String(i).padStart(12, '0')}`;

interface Rate {
  readonly total: number;
  readonly byEndpoint: Record<string, number>;
}

/** N queues on a board (in queue, longest wait, ready, answered, service level) and M agent tiles, 10 simulated minutes. */
async function tenMinutes(queues: number, agents: number, socketsUp: boolean): Promise<{ rate: Rate; channels: number[] }> {
  const rig = createGcRig();
  const now = rig.time.now();
  for (let i = 0; i < queues; i++) {
    rig.gc.queues.push({ id: uuid(1, i), name: `Q${i}` });
    rig.gc.observations.set(uuid(1, i), [{ metric: 'oWaiting', stats: { count: 0 } }]);
    rig.gc.aggregates.set(uuid(1, i), [{ metric: 'tAnswered', stats: { count: 1, sum: 1000 } }]);
  }
  // One agent in ten off queue (a break, or signed out): their presence is read every minute.
  for (let i = 0; i < agents; i++) {
    const off = i % 10 === 0;
    rig.gc.users.push({ id: uuid(2, i), name: `A${i}`, skills: [], status: off ? 'OFF_QUEUE' : 'IDLE', startTime: now, presence: off ? 'BREAK' : 'ON_QUEUE' });
  }
  rig.source.watch([
    ...Array.from({ length: queues }, (_, i) =>
      ['Current_In_Queue', 'CurrMaxCallWaitingTime', 'CurrentReadyAgents', 'Total_Answered', 'ServiceLevel'].map((s) => gcSpec('queue', uuid(1, i), s)),
    ).flat(),
    ...Array.from({ length: agents }, (_, i) => gcSpec('agent', uuid(2, i), 'CurrentAgentState')),
  ]);
  rig.gc.sockets.refuse = !socketsUp;
  rig.source.start();
  await rig.time.advance(100);
  const from = rig.gc.requests.length;
  await rig.time.advance(600_000);
  const counted = rig.gc.requests.slice(from);
  const byEndpoint: Record<string, number> = {};
  for (const r of counted) {
    const endpoint = `${r.method} ${r.path.split('?')[0]?.replace(/[0-9a-f-]{36}|streaming-0-\d+/g, '{id}')}`;
    byEndpoint[endpoint] = (byEndpoint[endpoint] ?? 0) + 1;
  }
  const channels = [...rig.gc.channels.values()].map((topics) => topics.size).sort((a, b) => a - b);
  await rig.source.stop();
  return { rate: { total: counted.length, byEndpoint }, channels };
}

describe('the request rate of the Genesys Cloud source (10 simulated minutes, no changes on the floor)', () => {
  it('should ask about 4 times a minute for 100 queues and 200 agents while the sockets push', async () => {
    const { rate, channels } = await tenMinutes(100, 200, true);
    // Observations every 60 s (1 call per 100 queues), totals every 30 s, the 20 off-queue users' presence every 60 s.
    expect(rate.byEndpoint['POST /api/v2/analytics/queues/observations/query']).toBe(10);
    expect(rate.byEndpoint['POST /api/v2/analytics/conversations/aggregates/query']).toBe(20);
    expect(rate.byEndpoint['GET /api/v2/users']).toBe(10);
    expect(rate.total).toBeLessThanOrEqual(42);
    expect(channels).toEqual([300]);
  });

  it('should shard 1,250 topics over two channels and ask about 10 times a minute', async () => {
    const { rate, channels } = await tenMinutes(250, 1000, true);
    expect(channels).toEqual([250, 1000]);
    expect(rate.byEndpoint['GET /api/v2/users']).toBe(10);
    expect(rate.total).toBeLessThanOrEqual(10 * 3 + 20 * 3 + 10 + 2);
  });

  it('should poll every 10 s while the sockets are down', async () => {
    const { rate } = await tenMinutes(100, 200, false);
    expect(rate.byEndpoint['POST /api/v2/analytics/queues/observations/query']).toBe(60);
    expect(rate.byEndpoint['GET /api/v2/users']).toBe(120);
  });
});
