import { backoffDelay, type RetryPolicy } from '../../lib/backoff.ts';
import type { GcTimers } from './gc-timers.ts';

/** Requests in flight at once when all is well. */
const CONCURRENCY = 4;
/** After a 429, requests go one at a time until this many have succeeded: no burst on recovery. */
const CALM_SUCCESSES = 5;
/** 429 without `Retry-After`: 2 s doubling to 60 s, with jitter. */
export const RATE_LIMIT_RETRY: RetryPolicy = { baseMs: 2000, capMs: 60_000 };

/**
 * The one door every request of a source goes through (docs/vendors/genesys-cloud.md "Rate limits
 * and errors"): at most CONCURRENCY at once; a 429 closes it for `Retry-After` (else a jittered
 * back-off) for every request, and it reopens one request at a time.
 */
export interface RequestGate {
  /** Resolves when the request may go (call the release once it is answered); undefined once closed. */
  acquire(): Promise<(() => void) | undefined>;
  /** A 429: close the door for `retryAfterMs` (undefined: back off). */
  rateLimited(retryAfterMs: number | undefined): void;
  succeeded(): void;
  /** Lets no request through any more: the waiting ones get undefined. */
  close(): void;
}

export function createRequestGate(timers: GcTimers, random: () => number): RequestGate {
  const waiting: Array<(release: (() => void) | undefined) => void> = [];
  let inFlight = 0;
  let notBefore = 0;
  let calm = 0;
  let limitedInARow = 0;
  let timer: unknown;
  let closed = false;

  const limit = (): number => (calm > 0 ? 1 : CONCURRENCY);

  function pump(): void {
    if (closed) return;
    const wait = notBefore - timers.now();
    if (wait > 0) {
      if (timer === undefined) {
        timer = timers.setTimeout(() => {
          timer = undefined;
          pump();
        }, wait);
      }
      return;
    }
    while (waiting.length > 0 && inFlight < limit()) {
      inFlight++;
      let released = false;
      waiting.shift()?.(() => {
        if (released) return;
        released = true;
        inFlight--;
        pump();
      });
    }
  }

  return {
    acquire() {
      if (closed) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        waiting.push(resolve);
        pump();
      });
    },
    rateLimited(retryAfterMs) {
      const wait = retryAfterMs ?? Math.max(RATE_LIMIT_RETRY.baseMs, backoffDelay(limitedInARow, RATE_LIMIT_RETRY, random));
      limitedInARow++;
      calm = CALM_SUCCESSES;
      notBefore = Math.max(notBefore, timers.now() + wait);
    },
    succeeded() {
      limitedInARow = 0;
      if (calm > 0) calm--;
    },
    close() {
      closed = true;
      for (const resolve of waiting.splice(0)) resolve(undefined);
      if (timer !== undefined) timers.clearTimeout(timer);
    },
  };
}
