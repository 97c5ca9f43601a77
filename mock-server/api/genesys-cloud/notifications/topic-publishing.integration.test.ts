import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../../create-mock-server.ts';
import type { SimSnapshot } from '../../../sim/sim-types.ts';
import { admin, advanceClock, startTestServer } from '../../../test-support/test-server.ts';
import { genesysCloudId } from '../../../vendor-ids/vendor-ids.ts';
import { createChannel, gcApi, gcToken, isTopic, openSocket, type Frame, type TestSocket } from './notification-test-kit.ts';

const SEED = 1;
const QUEUES = ['sales', 'support', 'billing', 'technical', 'vip', 'retention'];
const queueTopic = (simId: string): string => `v2.analytics.queues.${genesysCloudId(SEED, 'queue', simId)}.observations`;
const userTopic = (simId: string): string => `v2.users.${genesysCloudId(SEED, 'agent', simId)}.routingStatus`;
const iso = (ms: number): string => new Date(ms).toISOString();

interface Metric {
  readonly metric: string;
  readonly qualifier?: string;
  readonly stats: Record<string, number>;
}
interface ObservationBody {
  readonly group: { readonly queueId: string; readonly mediaType: string };
  readonly data: readonly { readonly interval: string; readonly metrics: readonly Metric[] }[];
}

const bodyOf = (frame: Frame): ObservationBody => frame.eventBody as unknown as ObservationBody;
const find = (metrics: readonly Metric[], metric: string, qualifier?: string): Metric | undefined =>
  metrics.find((m) => m.metric === metric && m.qualifier === qualifier);

async function subscribedSocket(server: MockServer, topics: readonly string[]): Promise<TestSocket> {
  const token = await gcToken(server);
  const channel = await createChannel(server, token);
  const socket = await openSocket(channel.connectUri);
  const put = await gcApi(server, token, 'PUT', `notifications/channels/${channel.id}/subscriptions`, topics.map((id) => ({ id })));
  expect(put.status).toBe(200);
  return socket;
}

describe('topics published from the simulation', () => {
  let server: MockServer;

  beforeAll(async () => {
    server = await startTestServer({ seed: SEED, randomTraffic: false, gcNotifications: { heartbeatMs: 100 } });
  });
  afterAll(() => server.close());

  it('should send nothing but heartbeats while the simulated clock stands still', async () => {
    const socket = await subscribedSocket(server, [queueTopic('sales'), userTopic('agent-01')]);
    const beat = (frame: Frame): boolean => frame.eventBody?.message === 'WebSocket Heartbeat';
    const first = await socket.next(beat);
    await socket.next(beat, { after: socket.frames.findIndex((f) => f.frame === first) + 1 });
    expect(socket.frames.every((f) => beat(f.frame))).toBe(true);
    socket.close();
  });

  it('should publish an agent change on routingStatus and the queue observations, with the counts of the snapshot', async () => {
    const before = (await admin(server, 'GET', 'snapshot')) as SimSnapshot;
    const agent = before.agents.find((a) => a.skills.includes('sales') && a.state === 'WaitForNextCall');
    if (!agent) throw new Error('no idle sales agent');
    const socket = await subscribedSocket(server, [queueTopic('sales'), userTopic(agent.id)]);

    await admin(server, 'POST', `agents/${agent.id}/status`, { status: 'NotReadyForNextCall', reason: 'Break' });
    const snapshot = (await admin(server, 'GET', 'snapshot')) as SimSnapshot;
    const now = snapshot.agents.find((a) => a.id === agent.id);
    const status = await socket.next(isTopic(userTopic(agent.id)));
    expect(status).toMatchObject({ version: '2', eventBody: { routingStatus: { status: 'OFF_QUEUE', startTime: iso(now?.since ?? 0) } } });

    const body = bodyOf(await socket.next(isTopic(queueTopic('sales'))));
    expect(body.group).toEqual({ queueId: genesysCloudId(SEED, 'queue', 'sales'), mediaType: 'voice' });
    const [observed] = body.data;
    expect(observed?.interval).toBe(`${iso(snapshot.now)}/${iso(snapshot.now)}`);
    const members = snapshot.agents.filter((a) => a.skills.includes('sales'));
    const idle = members.filter((a) => a.state === 'WaitForNextCall').length;
    const metrics = observed?.metrics ?? [];
    expect(find(metrics, 'oOnQueueUsers', 'IDLE')?.stats).toEqual({ count: idle });
    expect(find(metrics, 'oOffQueueUsers')?.stats).toEqual({ count: 1 });
    expect(find(metrics, 'oUserPresences', 'BREAK')?.stats).toEqual({ count: 1 });
    // Only what changed: no call moved, so no conversation metric.
    expect(find(metrics, 'oWaiting')).toBeUndefined();
    socket.close();
  });

  it("should publish a call's life with the current half hour's aggregates", async () => {
    const socket = await subscribedSocket(server, [queueTopic('billing')]);
    await admin(server, 'POST', 'calls', { queueId: 'billing', ringMs: 2_000, talkMs: 60_000, acwMs: 5_000 });
    await advanceClock(server, 1_000);
    const ringing = bodyOf(await socket.next(isTopic(queueTopic('billing'))));
    expect(find(ringing.data[0]?.metrics ?? [], 'oAlerting')?.stats).toEqual({ count: 1 });
    const ringers = ((await admin(server, 'GET', 'snapshot')) as SimSnapshot).agents.filter((a) => a.state === 'CallRinging');
    expect(ringers).toHaveLength(1);

    const count = socket.frames.length;
    await advanceClock(server, 2_000);
    const answered = bodyOf(await socket.next(isTopic(queueTopic('billing')), { after: count }));
    expect(find(answered.data[0]?.metrics ?? [], 'oInteracting')?.stats).toEqual({ count: 1 });
    expect(find(answered.data[0]?.metrics ?? [], 'oAlerting')?.stats).toEqual({ count: 0 });
    const half = answered.data[1];
    expect(half?.interval).toMatch(/^\d{4}-\d\d-\d\dT\d\d:(00|30):00\.000Z\/\d{4}-\d\d-\d\dT\d\d:(00|30):00\.000Z$/);
    expect(find(half?.metrics ?? [], 'nOffered')?.stats).toEqual({ count: 1 });
    expect(find(half?.metrics ?? [], 'tAnswered')?.stats).toMatchObject({ count: 1, sum: 2_000 });
    socket.close();
  });
});

describe('the observations topic under a fast clock', () => {
  let server: MockServer;

  beforeAll(async () => {
    server = await startTestServer({ seed: SEED });
  });
  afterAll(() => server.close());

  it('should publish each queue at most once a second, coalescing the changes in between', async () => {
    const socket = await subscribedSocket(server, QUEUES.map(queueTopic));
    const started = Date.now();
    await admin(server, 'POST', 'clock', { speed: 600 });
    const arrivals = (topic: string): number[] => socket.frames.filter((f) => f.frame.topicName === topic).map((f) => f.at);
    // Ten simulated minutes a second move every queue; wait until one has been told three times.
    await socket.next(() => QUEUES.some((q) => arrivals(queueTopic(q)).length >= 3), { timeoutMs: 10_000 });
    const ended = Date.now();
    await admin(server, 'POST', 'clock', { paused: true });
    for (const queue of QUEUES) {
      const times = arrivals(queueTopic(queue)).filter((t) => t <= ended);
      // Everything received in the window was sent in it: at most one a second, plus the first.
      expect(times.length).toBeLessThanOrEqual(Math.floor((ended - started) / 1000) + 1);
      // The clock ticks every 100 ms, so without coalescing messages would come that often; receipt times jitter a little.
      for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(800);
    }
    socket.close();
  });
});
