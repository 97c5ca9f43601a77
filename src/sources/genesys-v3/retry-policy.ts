/** Exponential back-off bounds: the n-th retry waits at most `min(capMs, baseMs × 2ⁿ)`. */
export interface RetryPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

/** REST retries (5xx, network errors): 1 s doubling to 30 s, as the fault table of issue 5 asks. */
export const REST_RETRY: RetryPolicy = { baseMs: 1000, capMs: 30_000 };

/** Re-subscribing a CometD channel that was refused on a live session: quicker, the session is up. */
export const CHANNEL_RETRY: RetryPolicy = { baseMs: 500, capMs: 10_000 };

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

/** A statistic the server refused is asked for again this often, in case the refusal was passing (a gateway 403, an object being set up). */
export const REFUSAL_RETRY_MS = 5 * 60_000;

/**
 * The next retry of refused statistics: REFUSAL_RETRY_MS ± 20 %, so wallboards refused at the same
 * moment do not all ask again at the same moment.
 */
export function refusalRetryDelay(random: () => number): number {
  const pick = Math.min(Math.max(random(), 0), 1);
  return Math.round(REFUSAL_RETRY_MS * (0.8 + 0.4 * pick));
}
