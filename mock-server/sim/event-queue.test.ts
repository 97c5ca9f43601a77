import { describe, expect, it } from 'vitest';
import { createEventQueue } from './event-queue.ts';
import { createRng } from './rng.ts';

describe('createEventQueue', () => {
  it('should pop items in time order', () => {
    const q = createEventQueue<string>();
    q.push(30, 'c');
    q.push(10, 'a');
    q.push(20, 'b');
    expect(q.peekTime()).toBe(10);
    expect([q.pop()?.item, q.pop()?.item, q.pop()?.item]).toEqual(['a', 'b', 'c']);
    expect(q.pop()).toBeUndefined();
    expect(q.peekTime()).toBe(Infinity);
  });

  it('should pop items with equal times in insertion order', () => {
    const q = createEventQueue<number>();
    for (let i = 0; i < 50; i++) q.push(i % 3, i);
    const popped: number[] = [];
    while (q.size > 0) popped.push(q.pop()?.item ?? -1);
    const expected = [0, 1, 2].flatMap((t) => Array.from({ length: 50 }, (_, i) => i).filter((i) => i % 3 === t));
    expect(popped).toEqual(expected);
  });

  it('should agree with a stable sort for random interleaved pushes and pops', () => {
    const rng = createRng(1);
    const q = createEventQueue<number>();
    const reference: { time: number; id: number }[] = [];
    const fromQueue: number[] = [];
    const fromReference: number[] = [];
    let id = 0;
    for (let step = 0; step < 5_000; step++) {
      if (rng.chance(0.6) || reference.length === 0) {
        const time = rng.uniformInt(0, 200);
        q.push(time, id);
        reference.push({ time, id });
        id++;
      } else {
        fromQueue.push(q.pop()?.item ?? -1);
        reference.sort((x, y) => x.time - y.time || x.id - y.id);
        fromReference.push(reference.shift()?.id ?? -1);
      }
    }
    expect(fromQueue).toEqual(fromReference);
  });
});
