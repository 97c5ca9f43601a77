import type { CallRecord } from './call-history.ts';
import { SERVICE_LEVEL } from './gc-directory.ts';
import { matchesFilter, type Dimensions, type QueryFilter } from './gc-query-filter.ts';

/**
 * Conversation aggregates over the calls remembered (docs/vendors/genesys-cloud.md): each metric
 * counts in the interval bucket of the instant it happened, as the platform attributes them:
 * nOffered at arrival; tAnswered (arrival → answer, ringing included) at the answer; tAbandon at the
 * abandon; tWait at whichever ends the wait; tHandle (talk + wrap-up) when wrap-up ends;
 * oServiceLevel = answered within the queue's target / (answered + abandoned).
 */
export const AGGREGATE_METRICS = ['nOffered', 'tAnswered', 'tAbandon', 'tWait', 'tHandle', 'oServiceLevel'] as const;
export type AggregateMetric = (typeof AGGREGATE_METRICS)[number];
export const AGGREGATE_DIMENSIONS = ['queueId', 'requestedRoutingSkillId', 'mediaType'] as const;
export type AggregateDimension = (typeof AGGREGATE_DIMENSIONS)[number];

export interface AggregateQuery {
  readonly start: number;
  readonly end: number;
  /** Bucket length; undefined: one bucket, the whole interval. */
  readonly granularityMs?: number;
  readonly groupBy: readonly AggregateDimension[];
  readonly filter?: QueryFilter;
  readonly metrics: readonly AggregateMetric[];
}

type Stats = { count: number; sum: number; max: number; min: number } | { numerator: number; denominator: number };

export interface AggregateResult {
  readonly group: Readonly<Record<string, string>>;
  readonly data: readonly { readonly interval: string; readonly metrics: readonly { readonly metric: AggregateMetric; readonly stats: Readonly<Record<string, number>> }[] }[];
}

/** What one call contributes: (metric, instant, value). */
function contributions(call: Readonly<CallRecord>): [AggregateMetric, number, number][] {
  const out: [AggregateMetric, number, number][] = [['nOffered', call.arrivedAt, 0]];
  const wait = call.waitMs ?? 0;
  if (call.answeredAt !== undefined) {
    out.push(['tAnswered', call.answeredAt, wait], ['tWait', call.answeredAt, wait]);
    out.push(['oServiceLevel', call.answeredAt, wait <= SERVICE_LEVEL.durationMs ? 1 : 0]);
  }
  if (call.abandonedAt !== undefined) out.push(['tAbandon', call.abandonedAt, wait], ['tWait', call.abandonedAt, wait], ['oServiceLevel', call.abandonedAt, 0]);
  if (call.wrappedUpAt !== undefined && call.releasedAt !== undefined) {
    out.push(['tHandle', call.wrappedUpAt, (call.talkMs ?? 0) + call.wrappedUpAt - call.releasedAt]);
  }
  return out;
}

function add(stats: Stats | undefined, metric: AggregateMetric, value: number): Stats {
  if (metric === 'oServiceLevel') {
    const s = (stats as { numerator: number; denominator: number } | undefined) ?? { numerator: 0, denominator: 0 };
    return { numerator: s.numerator + value, denominator: s.denominator + 1 };
  }
  const s = stats as { count: number; sum: number; max: number; min: number } | undefined;
  if (!s) return { count: 1, sum: value, max: value, min: value };
  return { count: s.count + 1, sum: s.sum + value, max: Math.max(s.max, value), min: Math.min(s.min, value) };
}

function wire(metric: AggregateMetric, stats: Stats): Readonly<Record<string, number>> {
  if ('numerator' in stats) {
    return { ratio: stats.numerator / stats.denominator, numerator: stats.numerator, denominator: stats.denominator, target: SERVICE_LEVEL.percentage };
  }
  return metric === 'nOffered' ? { count: stats.count } : stats;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Results for the calls given; `dimensionsOf` names a call's queue, skill and media type as the platform does. */
export function aggregateConversations(
  calls: Iterable<Readonly<CallRecord>>,
  query: AggregateQuery,
  dimensionsOf: (call: Readonly<CallRecord>) => Dimensions,
): AggregateResult[] {
  const { start, end, granularityMs, groupBy, filter, metrics } = query;
  const wanted = new Set(metrics);
  const bucketMs = granularityMs ?? end - start;
  const groups = new Map<string, { group: Record<string, string>; buckets: Map<number, Map<AggregateMetric, Stats>> }>();
  for (const call of calls) {
    const dims = dimensionsOf(call);
    if (!matchesFilter(filter, dims)) continue;
    for (const [metric, at, value] of contributions(call)) {
      if (!wanted.has(metric) || at < start || at >= end) continue;
      const key = groupBy.map((d) => dims[d] ?? '').join('|');
      let entry = groups.get(key);
      if (!entry) {
        entry = { group: Object.fromEntries(groupBy.flatMap((d) => (dims[d] === undefined ? [] : [[d, dims[d]]]))), buckets: new Map() };
        groups.set(key, entry);
      }
      const bucket = Math.floor((at - start) / bucketMs);
      let stats = entry.buckets.get(bucket);
      if (!stats) {
        stats = new Map();
        entry.buckets.set(bucket, stats);
      }
      stats.set(metric, add(stats.get(metric), metric, value));
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, { group, buckets }]) => ({
      group,
      data: [...buckets.entries()]
        .sort(([a], [b]) => a - b)
        .map(([bucket, stats]) => {
          const from = start + bucket * bucketMs;
          return {
            interval: `${iso(from)}/${iso(Math.min(end, from + bucketMs))}`,
            metrics: metrics.flatMap((metric) => {
              const s = stats.get(metric);
              return s ? [{ metric, stats: wire(metric, s) }] : [];
            }),
          };
        }),
    }));
}
