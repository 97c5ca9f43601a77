import type { FeedContext } from './gc-feed-context.ts';
import { createJob, type Job } from './gc-job.ts';
import { serverDateSchema } from './gc-rest-schemas.ts';

/** The server's clock is read again this often (clocks drift slowly; a simulated one may jump). */
export const CLOCK_PERIOD_MS = 10 * 60_000;

/**
 * Reads `GET /api/v2/date` (docs/vendors/genesys-cloud.md "The Genesys Cloud source in the app")
 * into the server clock. `onFirst` runs once after the first attempt, answered or not: without an
 * answer the browser's clock stands in for the server's.
 */
export function createClockFeed(context: FeedContext, onFirst: () => void): Job {
  let first = true;
  return createJob(context.timers, context.random, {
    async run() {
      const answer = await context.http.request('GET', '/api/v2/date', { schema: serverDateSchema });
      if (answer.ok) {
        context.answered();
        context.clock.observe(Date.parse(answer.value.currentDate), answer.sentAt, answer.receivedAt);
      } else if (answer.kind === 'unauthorized') {
        context.unauthorized(answer.message);
        return 'halt';
      }
      if (first) {
        first = false;
        onFirst();
      }
      return answer.ok || answer.kind !== 'transient' ? 'ok' : 'retry';
    },
    periodMs: () => CLOCK_PERIOD_MS,
    minGapMs: 1000,
    retry: { baseMs: 30_000, capMs: CLOCK_PERIOD_MS },
  });
}
