import { describe, expect, it } from 'vitest';
import { REFUSAL_RETRY_MS, refusalRetryDelay } from './retry-policy.ts';

describe('refusalRetryDelay', () => {
  it('should be about five minutes, jittered by ±20 %', () => {
    expect(REFUSAL_RETRY_MS).toBe(300_000);
    expect(refusalRetryDelay(() => 0)).toBe(240_000);
    expect(refusalRetryDelay(() => 0.5)).toBe(300_000);
    expect(refusalRetryDelay(() => 1)).toBe(360_000);
    expect(refusalRetryDelay(() => 7)).toBe(360_000);
  });
});
