import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttledSubscribe } from './throttled-subscribe.ts';

function source(): { subscribe: (l: () => void) => () => void; emit: () => void; listeners: () => number } {
  const listeners = new Set<() => void>();
  return {
    subscribe: (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    emit: () => {
      for (const l of listeners) l();
    },
    listeners: () => listeners.size,
  };
}

describe('throttledSubscribe', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('should tell at once, then at most once per interval, and never drop the last change', () => {
    const s = source();
    const calls: number[] = [];
    const unsubscribe = throttledSubscribe(s.subscribe, 1000)(() => calls.push(Date.now()));
    const start = Date.now();
    s.emit();
    expect(calls).toHaveLength(1);
    for (let i = 0; i < 40; i++) {
      vi.advanceTimersByTime(20);
      s.emit();
    }
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([start, start + 1000]);
    unsubscribe();
    expect(s.listeners()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('should keep calls at least an interval apart and follow every burst with a call, for any timing', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(3000), { minLength: 1, maxLength: 60 }), (gaps) => {
        const s = source();
        const calls: number[] = [];
        const stop = throttledSubscribe(s.subscribe, 1000)(() => calls.push(Date.now()));
        let lastEmit = 0;
        for (const gap of gaps) {
          vi.advanceTimersByTime(gap);
          s.emit();
          lastEmit = Date.now();
        }
        vi.advanceTimersByTime(1000);
        for (let i = 1; i < calls.length; i++) expect((calls[i] ?? 0) - (calls[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
        expect(calls.at(-1)).toBeGreaterThanOrEqual(lastEmit);
        stop();
      }),
    );
  });
});
