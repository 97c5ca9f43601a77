import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.ts';

describe('the rate limiter', () => {
  it('should admit the limit per caller per minute and tell how long to wait', () => {
    let now = 1_000_000;
    const limiter = createRateLimiter(() => now);
    expect([limiter.admit('a', 2), limiter.admit('a', 2)]).toEqual([{ ok: true }, { ok: true }]);
    now += 15_500;
    expect(limiter.admit('a', 2)).toEqual({ ok: false, retryAfterSec: 45 });
    expect(limiter.admit('b', 2)).toEqual({ ok: true });
    now += 44_500;
    expect(limiter.admit('a', 2)).toEqual({ ok: true });
    limiter.reset();
    expect([limiter.admit('a', 1), limiter.admit('a', 1)]).toEqual([{ ok: true }, { ok: false, retryAfterSec: 60 }]);
  });
});
