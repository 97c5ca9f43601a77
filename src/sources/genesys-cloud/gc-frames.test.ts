import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrame } from './gc-frames.ts';

const QUEUE = '6F1C0D4E-8A2B-5C3D-9E4F-0A1B2C3D4E5F';
const frame = (value: unknown): string => JSON.stringify(value);

describe('parseFrame', () => {
  it('should read heartbeats, pongs and the maintenance warning', () => {
    expect(parseFrame(frame({ topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } }))).toEqual({ kind: 'heartbeat' });
    expect(parseFrame(frame({ topicName: 'channel.metadata', eventBody: { message: 'pong' } }))).toEqual({ kind: 'heartbeat' });
    expect(parseFrame(frame({ topicName: 'v2.system.socket_closing', eventBody: {} }))).toEqual({ kind: 'socket-closing' });
  });

  it('should read an observations event with the queue id in lower case, keeping good metrics and counting bad ones', () => {
    const parsed = parseFrame(
      frame({
        topicName: `v2.analytics.queues.${QUEUE}.observations`,
        version: '2',
        metadata: { CorrelationId: 'x' },
        eventBody: {
          group: { queueId: QUEUE, mediaType: 'voice' },
          data: [{ interval: '2026-11-23T10:30:00.000Z/2026-11-23T11:00:00.000Z', metrics: [{ metric: 'oWaiting', stats: { count: 3 } }, { metric: 'oOnQueueUsers', qualifier: 'IDLE', stats: { count: 'two' } }, 'junk'] }],
        },
      }),
    );
    expect(parsed).toEqual({ kind: 'queue-observations', queueId: QUEUE.toLowerCase(), mediaType: 'voice', metrics: [{ metric: 'oWaiting', stats: { count: 3 } }], bad: 2 });
  });

  it('should read a routing status event', () => {
    const parsed = parseFrame(frame({ topicName: 'v2.users.ABC.routingStatus', eventBody: { id: 'ABC', routingStatus: { status: 'IDLE', startTime: '2026-11-23T10:29:00.000Z' } } }));
    expect(parsed).toEqual({ kind: 'routing-status', userId: 'abc', routingStatus: { status: 'IDLE', startTime: '2026-11-23T10:29:00.000Z' } });
  });

  it('should pass over frames it has no use for, and refuse what is not a frame', () => {
    expect(parseFrame(frame({ result: '200', status: 'subscribed', topics: [] }))).toEqual({ kind: 'other' });
    expect(parseFrame(frame({ topicName: 'v2.users.x.presence', eventBody: {} }))).toEqual({ kind: 'other' });
    expect(parseFrame('{').kind).toBe('invalid');
    expect(parseFrame(frame({ eventBody: {} })).kind).toBe('invalid');
    expect(parseFrame(frame({ topicName: `v2.analytics.queues.${QUEUE}.observations`, eventBody: { data: 'x' } })).kind).toBe('invalid');
    expect(parseFrame(frame({ topicName: 'v2.users.x.routingStatus', eventBody: { routingStatus: { startTime: 'yesterday' } } })).kind).toBe('invalid');
  });

  it('should answer any text with a frame kind and never throw', () => {
    const body = fc.oneof(fc.anything(), fc.record({ group: fc.anything(), data: fc.anything() }, { requiredKeys: [] }));
    const topics = fc.oneof(fc.string(), fc.constantFrom('channel.metadata', `v2.analytics.queues.${QUEUE}.observations`, 'v2.users.u.routingStatus'));
    const text = fc.oneof(fc.string(), fc.json(), fc.record({ topicName: topics, eventBody: body }, { requiredKeys: [] }).map((v) => JSON.stringify(v)));
    fc.assert(
      fc.property(text, (t) => {
        const parsed = parseFrame(t);
        expect(['heartbeat', 'socket-closing', 'queue-observations', 'routing-status', 'other', 'invalid']).toContain(parsed.kind);
        if (parsed.kind === 'queue-observations') {
          for (const m of parsed.metrics) for (const v of Object.values(m.stats)) expect(Number.isFinite(v)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
