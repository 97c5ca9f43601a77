import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ObservationDatum, TopicMetric } from './gc-analytics-schemas.ts';
import { createQueueStore, secondsSinceOldest, summedAllQualifiers, summedCount } from './gc-queue-store.ts';

const NOW = Date.UTC(2026, 10, 23, 10, 30);
const Q = 'q1';
const iso = (ms: number): string => new Date(ms).toISOString();
const waiting = (count: number, ...ages: number[]): ObservationDatum => ({ metric: 'oWaiting', stats: { count }, observations: ages.map((a) => ({ observationDate: iso(NOW - a * 1000) })) });
const idle = (count: number, ...ages: number[]): ObservationDatum => ({
  metric: 'oOnQueueUsers',
  qualifier: 'IDLE',
  stats: { count },
  observations: ages.map((a) => ({ observationDate: iso(NOW - a * 1000) })),
});

/** The mock's answer shape: user metrics in a `{queueId}` group, conversations in `{queueId, mediaType}`. */
function answered(conversations: ObservationDatum[], users: ObservationDatum[]) {
  const store = createQueueStore();
  store.applyQuery(store.mark(), [Q], [
    { queueId: Q, mediaType: '', data: users },
    { queueId: Q, mediaType: 'voice', data: conversations },
  ], NOW);
  return store;
}

describe('the queue store', () => {
  it('should sum counts over media types and take the oldest wait from detail observations', () => {
    const store = createQueueStore();
    store.applyQuery(store.mark(), [Q], [
      { queueId: Q, mediaType: 'voice', data: [waiting(2, 90, 30)] },
      { queueId: Q, mediaType: 'callback', data: [waiting(1, 200)] },
    ], NOW);
    expect(summedCount(store.get(Q), 'oWaiting')).toBe(3);
    expect(secondsSinceOldest(store.get(Q), 'oldestWaiting', NOW + 5_000)).toBe(205);
  });

  it('should count a qualifier the answer does not list as 0, but a metric it does not list as unknown', () => {
    const store = answered([waiting(0)], [{ metric: 'oOnQueueUsers', qualifier: 'INTERACTING', stats: { count: 2 } }]);
    expect(summedCount(store.get(Q), 'oOnQueueUsers', 'IDLE')).toBe(0);
    expect(summedAllQualifiers(store.get(Q), 'oOnQueueUsers')).toBe(2);
    expect(summedCount(store.get(Q), 'oInteracting')).toBeUndefined();
    expect(secondsSinceOldest(store.get(Q), 'oldestWaiting', NOW)).toBe(0);
    expect(secondsSinceOldest(store.get(Q), 'oldestIdle', NOW)).toBe(0);
    const unknown = createQueueStore();
    unknown.applyQuery(unknown.mark(), [Q], [], NOW);
    expect(summedCount(unknown.get(Q), 'oOnQueueUsers', 'IDLE')).toBeUndefined();
    expect(secondsSinceOldest(unknown.get(Q), 'oldestWaiting', NOW)).toBeUndefined();
  });

  it('should keep user metrics apart from media types whatever group an event names', () => {
    const store = answered([waiting(1, 10)], [idle(1, 60)]);
    store.applyEvent(Q, 'voice', [{ metric: 'oOnQueueUsers', qualifier: 'IDLE', stats: { count: 2 } }], NOW);
    expect(summedCount(store.get(Q), 'oOnQueueUsers', 'IDLE')).toBe(2);
    expect(secondsSinceOldest(store.get(Q), 'oldestIdle', NOW)).toBe(60);
  });

  it('should keep the longest idle when agents only become idle, and not know it once one leaves', () => {
    const store = answered([], [idle(2, 300, 10)]);
    expect(store.applyEvent(Q, '', [{ metric: 'oOnQueueUsers', qualifier: 'IDLE', stats: { count: 3 } }], NOW)).toBe(false);
    expect(secondsSinceOldest(store.get(Q), 'oldestIdle', NOW)).toBe(300);
    expect(store.applyEvent(Q, '', [{ metric: 'oOnQueueUsers', qualifier: 'IDLE', stats: { count: 2 } }], NOW)).toBe(true);
    expect(secondsSinceOldest(store.get(Q), 'oldestIdle', NOW)).toBeUndefined();
    expect(store.applyEvent(Q, '', [{ metric: 'oOnQueueUsers', qualifier: 'IDLE', stats: { count: 0 } }], NOW)).toBe(false);
    expect(secondsSinceOldest(store.get(Q), 'oldestIdle', NOW)).toBe(0);
    store.applyEvent(Q, '', [{ metric: 'oOnQueueUsers', qualifier: 'IDLE', stats: { count: 1 } }], NOW + 4_000);
    expect(secondsSinceOldest(store.get(Q), 'oldestIdle', NOW + 10_000)).toBe(6);
  });

  it('should follow oLongestWaiting when the topic carries it (an epoch, or a duration below 1e11)', () => {
    const store = answered([waiting(1, 10)], []);
    store.applyEvent(Q, 'voice', [{ metric: 'oWaiting', stats: { count: 2 } }, { metric: 'oLongestWaiting', stats: { calculatedMetricValue: NOW - 45_000 } }], NOW);
    expect(secondsSinceOldest(store.get(Q), 'oldestWaiting', NOW)).toBe(45);
    // A drop with no oLongestWaiting beside it: the topic would have said if the oldest had left.
    expect(store.applyEvent(Q, 'voice', [{ metric: 'oWaiting', stats: { count: 1 } }], NOW)).toBe(false);
    expect(secondsSinceOldest(store.get(Q), 'oldestWaiting', NOW)).toBe(45);
    store.applyEvent(Q, 'voice', [{ metric: 'oLongestWaiting', stats: { calculatedMetricValue: 12_000 } }], NOW);
    expect(secondsSinceOldest(store.get(Q), 'oldestWaiting', NOW)).toBe(12);
    store.applyEvent(Q, 'voice', [{ metric: 'oWaiting', stats: { count: 0 } }, { metric: 'oLongestWaiting', stats: {} }], NOW);
    expect(secondsSinceOldest(store.get(Q), 'oldestWaiting', NOW)).toBe(0);
  });

  it('should apply again over a query answer the events that came while it was on its way', () => {
    const store = answered([waiting(1, 10)], []);
    store.applyEvent(Q, 'voice', [{ metric: 'oInteracting', stats: { count: 9 } }], NOW);
    const mark = store.mark();
    store.applyEvent(Q, 'voice', [{ metric: 'oWaiting', stats: { count: 4 } }], NOW);
    store.applyQuery(mark, [Q], [{ queueId: Q, mediaType: 'voice', data: [waiting(3, 20, 10, 5), { metric: 'oInteracting', stats: { count: 1 } }] }], NOW);
    expect(summedCount(store.get(Q), 'oWaiting')).toBe(4);
    expect(summedCount(store.get(Q), 'oInteracting')).toBe(1);
  });

  it('should never turn a count nobody told into a number', () => {
    const metric = fc.constantFrom('oWaiting', 'oInteracting', 'oAlerting', 'oOffQueueUsers');
    const datum = fc.record({ metric, stats: fc.record({ count: fc.nat(20) }) });
    fc.assert(
      fc.property(fc.array(datum, { maxLength: 6 }), fc.array(fc.array(datum, { maxLength: 3 }), { maxLength: 5 }), (query, events) => {
        const store = createQueueStore();
        store.applyQuery(store.mark(), [Q], query.length === 0 ? [] : [{ queueId: Q, mediaType: 'voice', data: query }], NOW);
        for (const e of events) store.applyEvent(Q, 'voice', e as TopicMetric[], NOW);
        for (const m of ['oWaiting', 'oInteracting', 'oAlerting', 'oOffQueueUsers']) {
          const pushed = events.flat().findLast((d) => d.metric === m);
          const queried = query.filter((d) => d.metric === m);
          const expected = pushed ? pushed.stats.count : queried.length > 0 ? queried.reduce((sum, d) => sum + d.stats.count, 0) : undefined;
          expect(summedCount(store.get(Q), m)).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
