import type { RetryPolicy } from '../../lib/backoff.ts';

/** REST retries (5xx, network errors): 1 s doubling to 30 s, as the fault table of issue 5 asks. */
export const REST_RETRY: RetryPolicy = { baseMs: 1000, capMs: 30_000 };

/** Re-subscribing a CometD channel that was refused on a live session: quicker, the session is up. */
export const CHANNEL_RETRY: RetryPolicy = { baseMs: 500, capMs: 10_000 };

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
