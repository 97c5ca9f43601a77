/** Exponential back-off bounds: the n-th retry waits at most `min(capMs, baseMs × 2ⁿ)`. */
export interface RetryPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

/**
 * "Full jitter" (a uniform pick in [0, ceiling)): many wallboards that lost the same server
 * spread their retries instead of returning all at once.
 * `attempt` counts from 0; `random` returns [0, 1) like Math.random.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  // 2^30 already passes any sane cap; clamping keeps the arithmetic finite for absurd attempts.
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const pick = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.floor(pick * ceiling);
}
