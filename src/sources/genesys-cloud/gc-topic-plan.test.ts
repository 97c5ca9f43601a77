import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planTopics, topicsChanged } from './gc-topic-plan.ts';

describe('planTopics', () => {
  it('should keep topics on the channel that has them and fill room before opening a channel', () => {
    const plan = planTopics(
      [
        { id: 0, topics: new Set(['a', 'b', 'c']) },
        { id: 1, topics: new Set(['d']) },
      ],
      ['b', 'd', 'e', 'f', 'g'],
      3,
    );
    expect(plan.keep).toEqual(
      new Map([
        [0, ['b', 'e', 'f']],
        [1, ['d', 'g']],
      ]),
    );
    expect(plan.create).toEqual([]);
  });

  it('should open as many channels of at most 1,000 topics as needed', () => {
    const wanted = Array.from({ length: 2_500 }, (_, i) => `t${i}`);
    const plan = planTopics([], wanted);
    expect(plan.create.map((c) => c.length)).toEqual([1000, 1000, 500]);
  });

  it('should place every wanted topic exactly once, within the limit, moving none that stay wanted', () => {
    const topic = fc.integer({ min: 0, max: 60 }).map((n) => `t${n}`);
    const channels = fc.array(fc.uniqueArray(topic, { maxLength: 8 }), { maxLength: 4 });
    fc.assert(
      fc.property(channels, fc.uniqueArray(topic, { maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (existing, wanted, max) => {
        const current = existing.map((topics, id) => ({ id, topics: new Set(topics.slice(0, max)) }));
        const plan = planTopics(current, wanted, max);
        const placed = [...[...plan.keep.values()].flat(), ...plan.create.flat()];
        expect(placed.sort()).toEqual([...wanted].sort());
        for (const list of [...plan.keep.values(), ...plan.create]) expect(list.length).toBeLessThanOrEqual(max);
        const firstHolder = new Map<string, number>();
        for (const c of current) for (const t of c.topics) if (!firstHolder.has(t)) firstHolder.set(t, c.id);
        for (const [t, id] of firstHolder) if (wanted.includes(t)) expect(plan.keep.get(id)).toContain(t);
      }),
      { numRuns: 300 },
    );
  });
});

describe('topicsChanged', () => {
  it('should compare as sets', () => {
    expect(topicsChanged(new Set(['a', 'b']), ['b', 'a'])).toBe(false);
    expect(topicsChanged(new Set(['a']), ['a', 'b'])).toBe(true);
    expect(topicsChanged(new Set(['a', 'b']), ['a'])).toBe(true);
  });
});
