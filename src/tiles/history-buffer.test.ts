import { describe, expect, it } from 'vitest';
import { createHistoryBuffer } from './history-buffer.ts';

describe('history buffer', () => {
  it('should append only points newer than the last one', () => {
    const buffer = createHistoryBuffer({ maxPoints: 10, maxAgeMs: 60_000 });
    buffer.append('k', { t: 1000, v: 1 });
    buffer.append('k', { t: 1000, v: 2 });
    buffer.append('k', { t: 500, v: 3 });
    buffer.append('k', { t: 2000, v: null });
    expect(buffer.points('k')).toEqual([
      { t: 1000, v: 1 },
      { t: 2000, v: null },
    ]);
    expect(buffer.points('other')).toEqual([]);
  });

  it('should cap each key by count and by age', () => {
    const buffer = createHistoryBuffer({ maxPoints: 3, maxAgeMs: 25_000 });
    for (let t = 10_000; t <= 50_000; t += 10_000) buffer.append('k', { t, v: t / 1000 });
    expect(buffer.points('k').map((p) => p.t)).toEqual([30_000, 40_000, 50_000]);
    buffer.append('k', { t: 70_000, v: 1 });
    expect(buffer.points('k').map((p) => p.t)).toEqual([50_000, 70_000]);
  });

  it('should replace a key array rather than mutate it, and tell subscribers', () => {
    const buffer = createHistoryBuffer({ maxPoints: 3, maxAgeMs: 60_000 });
    let calls = 0;
    const unsubscribe = buffer.subscribe(() => calls++);
    buffer.append('k', { t: 1, v: 1 });
    const before = buffer.points('k');
    const version = buffer.version();
    buffer.append('k', { t: 2, v: 2 });
    expect(before).toHaveLength(1);
    expect(buffer.points('k')).not.toBe(before);
    expect(buffer.version()).toBe(version + 1);
    unsubscribe();
    buffer.append('k', { t: 3, v: 3 });
    expect(calls).toBe(2);
  });
});
