import { describe, expect, it } from 'vitest';
import { backoffDelay, type RetryPolicy } from './backoff.ts';

const REST_RETRY: RetryPolicy = { baseMs: 1000, capMs: 30_000 };

describe('backoffDelay', () => {
  it('should stay within [0, min(cap, base × 2^attempt))', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const ceiling = Math.min(REST_RETRY.capMs, REST_RETRY.baseMs * 2 ** attempt);
      expect(backoffDelay(attempt, REST_RETRY, () => 0)).toBe(0);
      expect(backoffDelay(attempt, REST_RETRY, () => 0.999999)).toBeLessThan(ceiling);
      expect(backoffDelay(attempt, REST_RETRY, () => 0.5)).toBe(Math.floor(ceiling / 2));
    }
  });

  it('should grow exponentially until the cap', () => {
    const half = (attempt: number): number => backoffDelay(attempt, REST_RETRY, () => 0.5);
    expect([0, 1, 2, 3, 4, 5, 6].map(half)).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000]);
  });

  it('should stay finite and bounded for absurd attempts and random values', () => {
    expect(backoffDelay(10_000, REST_RETRY, () => 2)).toBeLessThan(REST_RETRY.capMs);
    expect(backoffDelay(-3, REST_RETRY, () => -1)).toBe(0);
  });

  it('should spread clients out (full jitter)', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4, REST_RETRY, random)));
    expect(delays.size).toBeGreaterThan(40);
  });
});
