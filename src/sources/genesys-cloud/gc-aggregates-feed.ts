import { queryAggregates, totalsKey, type AggregateDimension, type QueueTotals } from './gc-aggregates.ts';
import { outcomeOf, type FeedContext } from './gc-feed-context.ts';
import { createJob, type Job, type JobOutcome } from './gc-job.ts';
import { startOfDay } from './gc-midnight.ts';
import { chunks, QUEUES_PER_QUERY } from './gc-observations-query.ts';
import { RATE_LIMIT_RETRY } from './gc-request-gate.ts';
import type { Watched } from './gc-watch-book.ts';

/** Today's totals are read this often: the topic's aggregates cover the current half hour only. */
export const AGGREGATES_PERIOD_MS = 30_000;
const MIN_GAP_MS = 1000;

export interface AggregatesFeed {
  readonly totals: ReadonlyMap<string, QueueTotals>;
  soon(): void;
  resume(): void;
  stop(): void;
}

const DIMENSIONS: ReadonlyArray<readonly ['queue' | 'skill', AggregateDimension]> = [
  ['queue', 'queueId'],
  ['skill', 'requestedRoutingSkillId'],
];

/**
 * Today's totals and service level (docs/vendors/genesys-cloud.md "The Genesys Cloud source in the
 * app"): `conversations/aggregates/query` from midnight in `timeZone` to now on the server's clock,
 * grouped by queue (and by requested skill for skills), every 30 s and soon after a new one is watched.
 */
export function createAggregatesFeed(context: FeedContext, timeZone: string): AggregatesFeed {
  const totals = new Map<string, QueueTotals>();

  async function read(kind: 'queue' | 'skill', dimension: AggregateDimension, watched: readonly Watched[], from: number, to: number): Promise<JobOutcome> {
    const objects = new Map(watched.filter((w) => w.spec.kind === kind).map((w) => [w.id, w.spec.objectId]));
    for (const ids of chunks([...objects.keys()], QUEUES_PER_QUERY)) {
      const answer = await queryAggregates(context.http, dimension, ids.map((id) => objects.get(id) ?? id), from, to);
      const ofBatch = watched.filter((w) => w.spec.kind === kind && ids.includes(w.id));
      if (!answer.ok) {
        const outcome = outcomeOf(context, answer, ofBatch);
        if (outcome !== 'ok') return outcome;
        continue;
      }
      context.answered();
      // One the answer leaves out had nothing today, or is unknown: its totals are unknown, never 0.
      for (const id of ids) totals.set(`${kind}|${id}`, answer.totals.get(id) ?? new Map());
      if (answer.bad > 0) context.dropped('Genesys Cloud aggregate datum does not parse', answer.bad);
      context.emitter.emit(ofBatch, true);
    }
    return 'ok';
  }

  async function run(): Promise<JobOutcome> {
    const watched = context.book.of('aggregates').filter((w) => !context.book.refused(w.key));
    const wanted = new Set(watched.map(totalsKey));
    for (const key of totals.keys()) if (!wanted.has(key)) totals.delete(key);
    const now = context.clock.now();
    const from = startOfDay(now, timeZone);
    const to = Math.max(from + 1000, Math.ceil(now / 1000) * 1000);
    for (const [kind, dimension] of DIMENSIONS) {
      const outcome = await read(kind, dimension, watched, from, to);
      if (outcome !== 'ok') return outcome;
    }
    return 'ok';
  }

  const job: Job = createJob(context.timers, context.random, {
    run,
    periodMs: () => (context.book.of('aggregates').length === 0 ? undefined : AGGREGATES_PERIOD_MS),
    minGapMs: MIN_GAP_MS,
    retry: RATE_LIMIT_RETRY,
  });

  return { totals, soon: () => job.soon(), resume: () => job.resume(), stop: () => job.stop() };
}
