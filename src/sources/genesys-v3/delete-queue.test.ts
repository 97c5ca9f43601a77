import { describe, expect, it } from 'vitest';
import { createDeleteQueue, STRAY_DELETE_INTERVAL_MS } from './delete-queue.ts';

describe('createDeleteQueue', () => {
  it('should hand out each queued id once, and queue it again only when its DELETE failed', () => {
    const queue = createDeleteQueue(() => 0);
    queue.add('a');
    queue.add('b');
    queue.add('a');
    expect(queue.take()).toEqual(['a', 'b']);
    expect(queue.take()).toEqual([]);
    // Queued again while in flight: the DELETE in flight settles it.
    queue.add('a');
    expect(queue.take()).toEqual([]);
    queue.settle('a', false);
    queue.settle('b', true);
    expect(queue.has('b')).toBe(false);
    expect(queue.has('a')).toBe(true);
    expect(queue.take()).toEqual(['a']);
  });

  it('should call a subscription ours while its DELETE is queued or in flight', () => {
    const queue = createDeleteQueue(() => 0);
    queue.add('a');
    expect(queue.has('a')).toBe(true);
    queue.take();
    expect(queue.has('a')).toBe(true);
    queue.settle('a', true);
    expect(queue.has('a')).toBe(false);
  });

  it('should queue a stray at most once per interval, counting DELETEs answered or sent elsewhere', () => {
    let now = 0;
    const queue = createDeleteQueue(() => now);
    expect(queue.addStray('x')).toBe(true);
    expect(queue.addStray('x')).toBe(false);
    queue.take();
    now = 1000;
    queue.settle('x', true);
    now = STRAY_DELETE_INTERVAL_MS;
    expect(queue.addStray('x')).toBe(false);
    now = 1001 + STRAY_DELETE_INTERVAL_MS;
    expect(queue.addStray('x')).toBe(true);

    queue.noteSent('y');
    expect(queue.addStray('y')).toBe(false);
  });

  it('should forget everything queued or in flight on clear, answers to it included', () => {
    const queue = createDeleteQueue(() => 0);
    queue.add('a');
    queue.add('b');
    queue.take();
    queue.add('c');
    expect(queue.clear().sort()).toEqual(['a', 'b', 'c']);
    queue.settle('a', false);
    expect(queue.take()).toEqual([]);
    expect(queue.has('a')).toBe(false);
  });
});
