// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { TopicRefusal } from './gc-channel-api.ts';
import { createGcChannel, type GcChannel } from './gc-channel.ts';
import type { GcFrame } from './gc-frames.ts';
import { createGcHttp } from './gc-http.ts';
import { createRequestGate } from './gc-request-gate.ts';
import { createServerClock } from './gc-server-clock.ts';
import { createFakeGc, json, type FakeGc } from './test-support/fake-gc.ts';
import { createVirtualTime, type VirtualTime } from './test-support/virtual-time.ts';

const Q1 = 'v2.analytics.queues.q1.observations';
const Q2 = 'v2.analytics.queues.q2.observations';

interface Harness {
  readonly gc: FakeGc;
  readonly time: VirtualTime;
  readonly channel: GcChannel;
  readonly log: string[];
  readonly refused: TopicRefusal[];
  readonly frames: GcFrame[];
}

function harness(silenceMs = 75_000): Harness {
  const gc = createFakeGc();
  const time = createVirtualTime();
  gc.serverNow = () => time.now();
  gc.queues.push({ id: 'q1', name: 'One' }, { id: 'q2', name: 'Two' });
  const log: string[] = [];
  const refused: TopicRefusal[] = [];
  const frames: GcFrame[] = [];
  const http = createGcHttp({
    authorizedFetch: (input, init) => {
      log.push(`${init?.method ?? 'GET'} ${input.split('?')[0]}`);
      return gc.fetch(input, init);
    },
    getAccessToken: () => 't',
    handleUnauthorized: () => Promise.resolve(false),
    gate: createRequestGate(time, () => 0.5),
    timers: time,
    dropped: () => undefined,
    timeoutMs: 20_000,
  });
  const channel = createGcChannel({
    http,
    openSocket: (url, handlers) => {
      log.push(`open ${url}`);
      return gc.sockets.factory(url, handlers);
    },
    timers: time,
    random: () => 0.5,
    clock: createServerClock(() => time.now()),
    silenceMs,
    connectTimeoutMs: 20_000,
    events: {
      frame: (f) => void frames.push(f),
      up: () => void log.push('up'),
      subscribed: (topics) => void log.push(`subscribed ${topics.join(',')}`),
      stateChanged: () => undefined,
      refused: (r) => void refused.push(...r),
      failed: () => undefined,
      unauthorized: () => undefined,
    },
  });
  return { gc, time, channel, log, refused, frames };
}

describe('a notification channel', () => {
  it('should open its socket before subscribing, so no event falls between', async () => {
    const h = harness();
    h.channel.setTopics([Q1]);
    await h.time.settle();
    expect(h.log).toEqual([
      'POST /api/v2/notifications/channels',
      'open wss://streaming.fake/channels/streaming-0-1',
      'PUT /api/v2/notifications/channels/streaming-0-1/subscriptions',
      `subscribed ${Q1}`,
      'up',
    ]);
    expect(h.channel.state()).toBe('open');
    await h.channel.stop();
  });

  it('should subscribe again before the channel would expire: every 23 h for 24 h channels', async () => {
    // No heartbeats in this harness: the silence watchdog is kept out of the way.
    const h = harness(48 * 3_600_000);
    h.channel.setTopics([Q1]);
    await h.time.advance(23 * 3_600_000 - 1_000);
    const puts = (): number => h.log.filter((l) => l.startsWith('PUT')).length;
    expect(puts()).toBe(1);
    await h.time.advance(2_000);
    expect(puts()).toBe(2);
    // A renewal is not news: no topic counts as newly subscribed.
    expect(h.log.filter((l) => l.startsWith('subscribed'))).toHaveLength(1);
    await h.channel.stop();
  });

  it('should renew sooner when the platform says the channel lives shorter', async () => {
    const h = harness();
    h.gc.fail(
      (r) => r.method === 'POST' && r.path === '/api/v2/notifications/channels',
      () => json(200, { id: 'short', connectUri: 'wss://streaming.fake/channels/short', expires: new Date(h.time.now() + 600_000).toISOString() }),
    );
    h.gc.channels.set('short', new Set());
    h.channel.setTopics([Q1]);
    await h.time.advance(540_000);
    expect(h.log.filter((l) => l.startsWith('PUT'))).toHaveLength(2);
    await h.channel.stop();
  });

  it('should change its subscriptions with one PUT per change, and drop them when it has no topics left', async () => {
    const h = harness();
    h.channel.setTopics([Q1]);
    await h.time.settle();
    h.channel.setTopics([Q1, Q2]);
    h.channel.setTopics([Q2, Q1]);
    await h.time.settle();
    expect(h.log.filter((l) => l.startsWith('PUT'))).toHaveLength(2);
    expect(h.log.at(-1)).toBe(`subscribed ${Q2}`);
    h.channel.setTopics([]);
    await h.time.settle();
    expect(h.log.at(-1)).toBe('DELETE /api/v2/notifications/channels/streaming-0-1/subscriptions');
    expect(h.gc.sockets.open()).toEqual([]);
    expect(h.channel.state()).toBe('idle');
    await h.channel.stop();
  });

  it('should pass on what the platform rejected, spelled as asked', async () => {
    const h = harness();
    h.channel.setTopics([Q1, 'v2.analytics.queues.NOPE.observations']);
    await h.time.settle();
    expect(h.refused).toEqual([{ topic: 'v2.analytics.queues.NOPE.observations', reason: 'v2.analytics.queues.nope.observations was not found' }]);
    expect(h.channel.state()).toBe('open');
    await h.channel.stop();
  });

  it('should check a lost channel with HEAD and reopen the socket without a new PUT', async () => {
    const h = harness();
    h.channel.setTopics([Q1]);
    await h.time.settle();
    h.gc.sockets.open()[0]?.drop();
    await h.time.settle();
    expect(h.channel.state()).toBe('down');
    await h.time.advance(1_000);
    expect(h.log.slice(-3)).toEqual(['HEAD /api/v2/notifications/channels/streaming-0-1', 'open wss://streaming.fake/channels/streaming-0-1', 'up']);
    expect(h.channel.state()).toBe('open');
    await h.channel.stop();
  });

  it('should pass frames on, and keep the socket_closing warning to itself', async () => {
    const h = harness();
    h.channel.setTopics([Q1]);
    await h.time.settle();
    h.gc.heartbeat();
    h.gc.sockets.open()[0]?.deliver({ topicName: 'v2.system.socket_closing', eventBody: {} });
    await h.time.settle();
    expect(h.frames).toEqual([{ kind: 'heartbeat' }]);
    expect(h.gc.sockets.all).toHaveLength(2);
    await h.channel.stop();
  });
});
