import type { TopicMetric } from './gc-analytics-schemas.ts';
import { outcomeOf, type FeedContext } from './gc-feed-context.ts';
import { createJob, type Job, type JobOutcome } from './gc-job.ts';
import { chunks, queryObservations, QUEUES_PER_QUERY, type ObservationsAsk } from './gc-observations-query.ts';
import type { QueueStore } from './gc-queue-store.ts';
import { RATE_LIMIT_RETRY } from './gc-request-gate.ts';
import { createTimerSlot } from './gc-timer-slot.ts';
import type { Watched } from './gc-watch-book.ts';

/** Re-query while the topics push (they only tell changes: this catches what they cannot). */
export const OBSERVATIONS_PERIOD_MS = 60_000;
/** Poll while the sockets are down. */
export const OBSERVATIONS_POLL_MS = 10_000;
/** A re-read because the oldest wait or longest idle became unknown comes at most this often. */
export const DETAIL_REFRESH_GAP_MS = 10_000;
const MIN_GAP_MS = 1000;

export interface ObservationsFeed {
  /** Read the watched queues soon (new queues, a reconnect). */
  soon(): void;
  /** The sockets went up or down: the period changed. */
  reschedule(): void;
  /** A topic event for a queue. */
  event(queueId: string, mediaType: string, metrics: readonly TopicMetric[]): void;
  resume(): void;
  stop(): void;
}

function askFor(watched: readonly Watched[], alertingRefused: boolean): ObservationsAsk {
  const wants = (statistic: string): boolean => watched.some((w) => w.spec.statistic === statistic);
  const metrics = ['oWaiting', 'oInteracting', 'oOnQueueUsers', 'oOffQueueUsers'];
  // Not in the platform's list of queue observation metrics, though the topic has it: asked only when shown.
  if (wants('gc-alerting') && !alertingRefused) metrics.push('oAlerting');
  const detailMetrics = [...(wants('CurrMaxCallWaitingTime') ? ['oWaiting'] : []), ...(wants('LongestIdleTime') ? ['oOnQueueUsers'] : [])];
  return { metrics, detailMetrics };
}

/**
 * Queue observations (docs/vendors/genesys-cloud.md "The Genesys Cloud source in the app"): topic
 * events applied as they come, `observations/query` at start, after every reconnect and every 60 s
 * (every 10 s while the sockets are down), and within 10 s of an event after which the oldest wait
 * or longest idle is unknown.
 */
export function createObservationsFeed(context: FeedContext, store: QueueStore): ObservationsFeed {
  let alertingRefused = false;
  let lastRunAt = Number.NEGATIVE_INFINITY;
  const detail = createTimerSlot(context.timers);

  async function run(): Promise<JobOutcome> {
    lastRunAt = context.timers.now();
    const watched = context.book.of('observations').filter((w) => !context.book.refused(w.key));
    const queues = new Map(watched.map((w) => [w.id, w.spec.objectId]));
    const ask = askFor(watched, alertingRefused);
    for (const ids of chunks([...queues.keys()], QUEUES_PER_QUERY)) {
      const mark = store.mark();
      const answer = await queryObservations(context.http, ids.map((id) => queues.get(id) ?? id), ask);
      const ofBatch = watched.filter((w) => ids.includes(w.id));
      if (!answer.ok) {
        store.applyQuery(mark, [], [], context.clock.now());
        if (answer.kind === 'rejected' && ask.metrics.includes('oAlerting')) {
          // An org that does not accept oAlerting here: only the statistic that needs it is refused.
          alertingRefused = true;
          context.refuse(ofBatch.filter((w) => w.spec.statistic === 'gc-alerting'), `Genesys Cloud does not answer oAlerting here: ${answer.message}`);
          return 'retry';
        }
        const outcome = outcomeOf(context, answer, ofBatch);
        if (outcome !== 'ok') return outcome;
        continue;
      }
      context.answered();
      store.applyQuery(mark, ids, answer.groups, context.clock.now());
      if (answer.bad > 0) context.dropped('Genesys Cloud observation datum does not parse', answer.bad);
      context.emitter.emit(ofBatch, true);
    }
    return 'ok';
  }

  const job: Job = createJob(context.timers, context.random, {
    run,
    periodMs: () => (context.book.of('observations').length === 0 ? undefined : context.pushing() ? OBSERVATIONS_PERIOD_MS : OBSERVATIONS_POLL_MS),
    minGapMs: MIN_GAP_MS,
    retry: RATE_LIMIT_RETRY,
  });

  function refreshDetail(): void {
    if (!detail.pending()) detail.set(Math.max(0, lastRunAt + DETAIL_REFRESH_GAP_MS - context.timers.now()), () => job.soon());
  }

  return {
    soon: () => job.soon(),
    reschedule: () => job.reschedule(),
    event(queueId, mediaType, metrics) {
      const watched = context.book.of('observations', queueId);
      if (watched.length === 0) return;
      const unsure = store.applyEvent(queueId, mediaType, metrics, context.clock.now());
      context.emitter.emit(watched, false);
      if (unsure && watched.some((w) => w.spec.statistic === 'CurrMaxCallWaitingTime' || w.spec.statistic === 'LongestIdleTime')) refreshDetail();
    },
    resume() {
      alertingRefused = false;
      job.resume();
    },
    stop() {
      job.stop();
      detail.clear();
    },
  };
}
