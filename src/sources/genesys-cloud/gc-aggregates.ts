import { aggregateDatumSchema, aggregateGroupSchema, parseEach, resultsSchema, type AggregateDatum } from './gc-analytics-schemas.ts';
import { sameId } from './gc-frames.ts';
import type { GcFailure, GcHttp } from './gc-http.ts';

/** Where an object's totals are kept: `queue|<id>` or `skill|<id>` (lower-case id). */
export const totalsKey = (w: { readonly id: string; readonly spec: { readonly kind: string } }): string => `${w.spec.kind}|${w.id}`;

export const AGGREGATES_PERMISSION = 'analytics:conversationAggregate:view';
const METRICS = ['nOffered', 'tAnswered', 'tAbandon', 'oServiceLevel'] as const;

/** Today's totals of one queue, each metric as the answer gave it (absent: the answer did not say). */
export type QueueTotals = ReadonlyMap<string, AggregateDatum['stats']>;

export type AggregatesAnswer =
  | { readonly ok: true; readonly totals: ReadonlyMap<string, QueueTotals>; readonly bad: number }
  | ({ readonly ok: false } & GcFailure);

/** Queues by `queueId`; skills by `requestedRoutingSkillId` (a conversation that asked for two skills counts in both). */
export type AggregateDimension = 'queueId' | 'requestedRoutingSkillId';

export function aggregatesBody(dimension: AggregateDimension, ids: readonly string[], fromMs: number, toMs: number): unknown {
  return {
    interval: `${new Date(fromMs).toISOString()}/${new Date(toMs).toISOString()}`,
    groupBy: [dimension],
    filter: { type: 'or', predicates: ids.map((value) => ({ type: 'dimension', dimension, operator: 'matches', value })) },
    metrics: METRICS,
  };
}

function add(a: AggregateDatum['stats'] | undefined, b: AggregateDatum['stats']): AggregateDatum['stats'] {
  if (!a) return b;
  const sum = (x?: number, y?: number): number | undefined => (x === undefined ? y : y === undefined ? x : x + y);
  const numerator = sum(a.numerator, b.numerator);
  const denominator = sum(a.denominator, b.denominator);
  return {
    count: sum(a.count, b.count),
    sum: sum(a.sum, b.sum),
    numerator,
    denominator,
    ratio: numerator !== undefined && denominator ? numerator / denominator : undefined,
  };
}

/**
 * `POST /api/v2/analytics/conversations/aggregates/query` for today (docs/vendors/genesys-cloud.md
 * "Aggregates"): totals by queue or skill (lower-case id). Intervals of one group are added up.
 */
export async function queryAggregates(http: GcHttp, dimension: AggregateDimension, ids: readonly string[], fromMs: number, toMs: number): Promise<AggregatesAnswer> {
  const answer = await http.request('POST', '/api/v2/analytics/conversations/aggregates/query', {
    body: aggregatesBody(dimension, ids, fromMs, toMs),
    schema: resultsSchema,
    permission: AGGREGATES_PERMISSION,
  });
  if (!answer.ok) return answer;
  const groups = parseEach(answer.value.results, aggregateGroupSchema);
  let bad = groups.bad;
  const totals = new Map<string, Map<string, AggregateDatum['stats']>>();
  for (const group of groups.ok) {
    const value = group.group[dimension];
    if (typeof value !== 'string' || value === '') {
      bad++;
      continue;
    }
    const id = sameId(value);
    const metrics = totals.get(id) ?? new Map<string, AggregateDatum['stats']>();
    totals.set(id, metrics);
    for (const interval of group.data) {
      const data = parseEach(interval.metrics, aggregateDatumSchema);
      bad += data.bad;
      for (const d of data.ok) metrics.set(d.metric, add(metrics.get(d.metric), d.stats));
    }
  }
  return { ok: true, totals, bad };
}

/**
 * A statistic from today's totals; null when the answer did not give what it needs (a queue
 * without conversations today is not in the answer at all: unknown, never 0).
 */
export function totalsValue(totals: QueueTotals | undefined, statistic: string): number | null {
  const stats = (metric: string): AggregateDatum['stats'] | undefined => totals?.get(metric);
  switch (statistic) {
    case 'Total_Answered':
      return stats('tAnswered')?.count ?? null;
    case 'Total_Abandoned':
      return stats('tAbandon')?.count ?? null;
    case 'gc-offered':
      return stats('nOffered')?.count ?? null;
    case 'AverageWaitingTime': {
      const answered = stats('tAnswered');
      return answered?.count && answered.sum !== undefined ? Math.round(answered.sum / answered.count / 100) / 10 : null;
    }
    case 'ServiceLevel': {
      const sl = stats('oServiceLevel');
      const ratio = sl?.ratio ?? (sl?.numerator !== undefined && sl.denominator ? sl.numerator / sl.denominator : undefined);
      return ratio === undefined ? null : Math.round(ratio * 10_000) / 100;
    }
    default:
      return null;
  }
}
