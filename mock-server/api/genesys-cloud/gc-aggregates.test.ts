import { describe, expect, it } from 'vitest';
import type { CallRecord } from './call-history.ts';
import { aggregateConversations, type AggregateQuery } from './gc-aggregates.ts';
import { parseDurationMs, parseInterval } from './gc-interval.ts';
import { matchesFilter } from './gc-query-filter.ts';

const H = 3_600_000;
const START = Date.UTC(2026, 10, 23);
const iso = (ms: number): string => new Date(ms).toISOString();

/** Two queues: q1 (skill s1) and q2 (skill s2). */
const calls: CallRecord[] = [
  { callId: 'c1', queueId: 'q1', arrivedAt: START + 10, answeredAt: START + 5010, waitMs: 5000, releasedAt: START + 65_010, talkMs: 60_000, wrappedUpAt: START + 75_010 },
  { callId: 'c2', queueId: 'q1', arrivedAt: START + H + 10, answeredAt: START + H + 30_010, waitMs: 30_000 },
  { callId: 'c3', queueId: 'q1', arrivedAt: START + H + 20, abandonedAt: START + H + 8020, waitMs: 8000 },
  { callId: 'c4', queueId: 'q2', arrivedAt: START + 2 * H, answeredAt: START + 2 * H + 1000, waitMs: 1000 },
];
const dims = (call: Readonly<CallRecord>): Record<string, string> => ({ queueId: call.queueId, mediaType: 'voice', requestedRoutingSkillId: call.queueId.replace('q', 's') });
const query = (q: Partial<AggregateQuery>): AggregateQuery => ({ start: START, end: START + 24 * H, groupBy: [], metrics: ['nOffered'], ...q });

describe('conversation aggregates', () => {
  it('should give count, sum, max and min per group over the interval', () => {
    const results = aggregateConversations(calls, query({ groupBy: ['queueId'], metrics: ['nOffered', 'tAnswered', 'tAbandon', 'tWait', 'tHandle'] }), dims);
    expect(results).toEqual([
      {
        group: { queueId: 'q1' },
        data: [
          {
            interval: `${iso(START)}/${iso(START + 24 * H)}`,
            metrics: [
              { metric: 'nOffered', stats: { count: 3 } },
              { metric: 'tAnswered', stats: { count: 2, sum: 35_000, max: 30_000, min: 5000 } },
              { metric: 'tAbandon', stats: { count: 1, sum: 8000, max: 8000, min: 8000 } },
              { metric: 'tWait', stats: { count: 3, sum: 43_000, max: 30_000, min: 5000 } },
              { metric: 'tHandle', stats: { count: 1, sum: 70_000, max: 70_000, min: 70_000 } },
            ],
          },
        ],
      },
      { group: { queueId: 'q2' }, data: [{ interval: `${iso(START)}/${iso(START + 24 * H)}`, metrics: [{ metric: 'nOffered', stats: { count: 1 } }, { metric: 'tAnswered', stats: { count: 1, sum: 1000, max: 1000, min: 1000 } }, { metric: 'tWait', stats: { count: 1, sum: 1000, max: 1000, min: 1000 } }] }] },
    ]);
  });

  it('should measure service level against the 20 s target, abandons in the denominator', () => {
    const [q1] = aggregateConversations(calls, query({ groupBy: ['requestedRoutingSkillId'], metrics: ['oServiceLevel'], filter: { type: 'and', predicates: [{ dimension: 'queueId', value: 'q1' }] } }), dims);
    expect(q1?.group).toEqual({ requestedRoutingSkillId: 's1' });
    expect(q1?.data[0]?.metrics).toEqual([{ metric: 'oServiceLevel', stats: { ratio: 1 / 3, numerator: 1, denominator: 3, target: 0.8 } }]);
  });

  it('should put each metric in the bucket of the instant it happened and leave empty buckets out', () => {
    const [all] = aggregateConversations(calls, query({ granularityMs: H, metrics: ['nOffered', 'tAbandon'] }), dims);
    expect(all?.group).toEqual({});
    expect(all?.data.map((d) => [d.interval, d.metrics.map((m) => `${m.metric}:${m.stats.count ?? ''}`)])).toEqual([
      [`${iso(START)}/${iso(START + H)}`, ['nOffered:1']],
      [`${iso(START + H)}/${iso(START + 2 * H)}`, ['nOffered:2', 'tAbandon:1']],
      [`${iso(START + 2 * H)}/${iso(START + 3 * H)}`, ['nOffered:1']],
    ]);
    expect(aggregateConversations(calls, query({ start: START + 3 * H }), dims)).toEqual([]);
  });
});

describe('query arguments', () => {
  it('should read ISO-8601 intervals and durations and refuse what is not one', () => {
    expect(parseInterval('2026-11-23T00:00:00.000Z/2026-11-24T00:00:00+01:00')).toEqual({ start: START, end: START + 23 * H });
    for (const bad of ['2026-11-23/2026-11-24', '2026-11-24T00:00:00Z/2026-11-23T00:00:00Z', 'yesterday', '2026-11-23T00:00:00Z']) {
      expect(typeof parseInterval(bad)).toBe('string');
    }
    expect([parseDurationMs('PT30M'), parseDurationMs('PT1H'), parseDurationMs('P1D'), parseDurationMs('P1W'), parseDurationMs('PT0.5S')]).toEqual([1_800_000, H, 24 * H, 7 * 24 * H, 500]);
    for (const bad of ['P1M', 'P1Y', 'PT', 'P', '30m', 'PT0S']) expect(parseDurationMs(bad)).toBeUndefined();
  });

  it('should combine predicates and clauses with and/or, exists and notExists', () => {
    const dimsOf = { queueId: 'Q1', mediaType: 'voice' };
    expect(matchesFilter({ type: 'or', predicates: [{ dimension: 'queueId', value: 'q2' }, { dimension: 'queueId', value: 'q1' }] }, dimsOf)).toBe(true);
    expect(matchesFilter({ type: 'and', predicates: [{ dimension: 'queueId', value: 'q1' }, { dimension: 'mediaType', value: 'chat' }] }, dimsOf)).toBe(false);
    expect(matchesFilter({ type: 'and', predicates: [{ dimension: 'mediaType', value: 'chat' }] }, dimsOf, ['mediaType'])).toBe(true);
    expect(
      matchesFilter(
        { type: 'and', predicates: [{ dimension: 'mediaType', operator: 'exists' }], clauses: [{ type: 'or', predicates: [{ dimension: 'queueId', value: 'x' }, { dimension: 'queueId', value: 'q1' }] }] },
        dimsOf,
      ),
    ).toBe(true);
    expect(matchesFilter({ type: 'and', predicates: [{ dimension: 'requestedRoutingSkillId', operator: 'notExists' }] }, dimsOf)).toBe(true);
  });
});
