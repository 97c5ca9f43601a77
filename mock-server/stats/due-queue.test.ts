import { describe, expect, it } from 'vitest';
import { createRng } from '../sim/rng.ts';
import { createDueQueue } from './due-queue.ts';

describe('due queue', () => {
  it('should hand out nothing before its instant and everything due at or before now', () => {
    const queue = createDueQueue<string>();
    queue.add('b', 2000);
    queue.add('a', 1000);
    queue.add('c', 3000);
    expect(queue.takeDue(999)).toEqual([]);
    expect(queue.takeDue(1000)).toEqual(['a']);
    expect(queue.takeDue(2500)).toEqual(['b']);
    expect(queue.size()).toBe(1);
    expect(queue.takeDue(10_000)).toEqual(['c']);
    expect(queue.size()).toBe(0);
  });

  it('should give the earliest instant first and keep the order of adding within one', () => {
    const queue = createDueQueue<string>();
    queue.add('late-1', 5000);
    queue.add('early-1', 1000);
    queue.add('late-2', 5000);
    queue.add('early-2', 1000);
    expect(queue.takeDue(5000)).toEqual(['early-1', 'early-2', 'late-1', 'late-2']);
  });

  it('should forget a deleted item, also when its bucket is filled again', () => {
    const queue = createDueQueue<string>();
    queue.add('a', 1000);
    queue.add('b', 1000);
    expect(queue.delete('a', 1000)).toBe(true);
    expect(queue.delete('a', 1000)).toBe(false);
    expect(queue.delete('b', 2000)).toBe(false);
    expect(queue.delete('b', 1000)).toBe(true);
    expect(queue.size()).toBe(0);
    queue.add('c', 1000);
    expect(queue.takeDue(1000)).toEqual(['c']);
    expect(queue.takeDue(1000)).toEqual([]);
  });

  it('should take items re-added while a tick works through them only at their new instant', () => {
    const queue = createDueQueue<number>();
    queue.add(1, 1000);
    for (const item of queue.takeDue(1000)) queue.add(item, 2000);
    expect(queue.takeDue(1999)).toEqual([]);
    expect(queue.takeDue(2000)).toEqual([1]);
  });

  it('should agree with sorting everything by instant', () => {
    const rng = createRng(7);
    const queue = createDueQueue<number>();
    const expected: Array<{ item: number; at: number }> = [];
    for (let item = 0; item < 2000; item++) {
      const at = rng.uniformInt(0, 49) * 1000;
      queue.add(item, at);
      expected.push({ item, at });
    }
    for (const e of expected.filter((_, i) => i % 7 === 0)) queue.delete(e.item, e.at);
    const kept = expected.filter((_, i) => i % 7 !== 0);
    // A stable sort by instant: insertion order within one.
    const sorted = [...kept].sort((x, y) => x.at - y.at);
    const taken: number[] = [];
    for (let now = 0; now <= 51_000; now += 3000) taken.push(...queue.takeDue(now));
    expect(taken).toEqual(sorted.map((e) => e.item));
    expect(queue.size()).toBe(0);
  });
});
