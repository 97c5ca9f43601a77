import { describe, expect, it } from 'vitest';
import { createSessionOutbox, type OutgoingNotification } from './session-outbox.ts';

const update = (n: number): OutgoingNotification => ({ kind: 'update', channel: '/statistics/v3/updates', data: n });
const service = (state: string): OutgoingNotification => ({ kind: 'service', channel: '/statistics/v3/service', data: state });

describe('createSessionOutbox', () => {
  it('should drop the oldest updates past the bound and report how many', () => {
    const outbox = createSessionOutbox(2);
    expect([outbox.push(update(1)), outbox.push(update(2)), outbox.push(update(3))]).toEqual([0, 0, 1]);
    expect(outbox.size).toBe(2);
    expect(outbox.drain().map((n) => n.data)).toEqual([2, 3]);
    expect(outbox.size).toBe(0);
  });

  it('should never drop a ServiceStateChange to make room', () => {
    const outbox = createSessionOutbox(2);
    outbox.push(service('UNAVAILABLE'));
    outbox.push(update(1));
    outbox.push(update(2));
    outbox.push(service('AVAILABLE'));
    expect(outbox.drain().map((n) => n.data)).toEqual(['UNAVAILABLE', 'AVAILABLE']);
  });
});
