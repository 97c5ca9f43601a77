import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notifiedStatisticSchema, parseServiceState, parseStatisticUpdate } from './notification-schemas.ts';

/**
 * Properties of the CometD message schemas (docs/vendors/genesys-engage.md §2.9): any `data` gets an answer, a
 * StatisticUpdate keeps exactly the entries that have the four documented fields and counts the
 * rest, and a ServiceStateChange is either one of the two states or refused.
 */

const RUNS = { numRuns: 400 };

const anyInput = fc.oneof(fc.anything(), fc.jsonValue(), fc.json().map((text): unknown => JSON.parse(text)));
const garbage = fc.oneof(fc.anything(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, '', null, undefined, [], {}));

/** A statistic entry with each field right, wrong or missing. */
const nearMissStatistic = fc.record(
  {
    subscriptionId: fc.oneof(fc.string(), garbage),
    statisticId: fc.oneof(fc.string(), garbage),
    value: garbage,
    timestamp: fc.oneof(fc.double(), fc.integer(), garbage),
  },
  { requiredKeys: [] },
);
const entries = fc.array(fc.oneof(nearMissStatistic, garbage), { maxLength: 12 });

/** The two documented placements of `statistics`, with `name` and `topic` right, odd or missing. */
const nearMissUpdate = fc.oneof(
  fc.record(
    {
      name: fc.oneof(fc.constant('StatisticUpdate'), fc.string(), garbage),
      topic: fc.oneof(fc.constantFrom('/statistics/v3/updates', 'statistics/v3/updates'), garbage),
      data: fc.oneof(fc.record({ statistics: fc.oneof(entries, garbage) }, { requiredKeys: [] }), garbage),
    },
    { requiredKeys: [] },
  ),
  fc.record({ name: fc.option(fc.constant('StatisticUpdate'), { nil: undefined }), statistics: fc.oneof(entries, garbage) }, { requiredKeys: [] }),
);

function rawStatistics(data: unknown): unknown[] | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const record = data as Record<string, unknown>;
  const inner = record.data;
  if (inner !== null && typeof inner === 'object' && Array.isArray((inner as Record<string, unknown>).statistics)) {
    return (inner as Record<string, unknown>).statistics as unknown[];
  }
  return Array.isArray(record.statistics) ? record.statistics : undefined;
}

describe('parseStatisticUpdate (properties)', () => {
  it('should never throw and always answer ok or a reason, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(anyInput, nearMissUpdate), (data) => {
        const result = parseStatisticUpdate(data);
        if (!result.ok) expect(typeof result.reason).toBe('string');
        else {
          expect(Number.isInteger(result.malformed) && result.malformed >= 0).toBe(true);
          for (const statistic of result.statistics) {
            expect(statistic.subscriptionId.length).toBeGreaterThan(0);
            expect(statistic.statisticId.length).toBeGreaterThan(0);
            expect(Number.isFinite(statistic.timestamp)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('should keep every well-formed entry and count every other one, never losing one silently', () => {
    fc.assert(
      fc.property(nearMissUpdate, (data) => {
        const result = parseStatisticUpdate(data);
        if (!result.ok) return;
        const raw = rawStatistics(data);
        expect(raw).toBeDefined();
        const wellFormed = (raw ?? []).filter((entry) => notifiedStatisticSchema.safeParse(entry).success);
        expect(result.statistics.length).toBe(wellFormed.length);
        expect(result.statistics.length + result.malformed).toBe(raw?.length);
      }),
      RUNS,
    );
  });

  it('should accept both documented placements of a valid StatisticUpdate with every statistic', () => {
    const statistic = fc.record({
      subscriptionId: fc.string({ minLength: 1 }),
      statisticId: fc.string({ minLength: 1 }),
      value: fc.record({ intValue: fc.integer(), stringValue: fc.integer().map(String), timestamp: fc.nat() }),
      timestamp: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(statistic, { maxLength: 20 }), fc.boolean(), (statistics, nested) => {
        const data = nested ? { name: 'StatisticUpdate', topic: '/statistics/v3/updates', data: { statistics } } : { statistics };
        expect(parseStatisticUpdate(data)).toEqual({ ok: true, statistics, malformed: 0 });
      }),
      RUNS,
    );
  });
});

describe('parseServiceState (properties)', () => {
  const nearMissState = fc.oneof(
    fc.record(
      {
        name: fc.oneof(fc.constant('ServiceStateChange'), fc.string(), garbage),
        topic: garbage,
        data: fc.oneof(fc.record({ serviceState: fc.oneof(fc.constantFrom('AVAILABLE', 'UNAVAILABLE', 'available', 'Maintenance', ''), fc.string(), garbage) }), garbage),
      },
      { requiredKeys: [] },
    ),
    fc.record({ serviceState: fc.oneof(fc.constantFrom('AVAILABLE', 'UNAVAILABLE'), fc.string(), garbage) }, { requiredKeys: [] }),
  );

  it('should never throw and only ever report AVAILABLE or UNAVAILABLE', () => {
    fc.assert(
      fc.property(fc.oneof(anyInput, nearMissState), (data) => {
        const result = parseServiceState(data);
        if (result.ok) expect(['AVAILABLE', 'UNAVAILABLE']).toContain(result.state);
        else expect(typeof result.reason).toBe('string');
      }),
      RUNS,
    );
  });

  it('should read a documented ServiceStateChange in any letter case and either placement', () => {
    const casing = (word: string): fc.Arbitrary<string> =>
      fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }).map((upper) => [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''));
    const spelledState = fc.constantFrom('AVAILABLE', 'UNAVAILABLE').chain((state) => casing(state).map((spelled) => ({ state, spelled })));
    fc.assert(
      fc.property(spelledState, fc.boolean(), fc.constantFrom('/statistics/v3/service', 'statistics/v3/service'), ({ state, spelled }, nested, topic) => {
        const data = nested ? { data: { serviceState: spelled }, name: 'ServiceStateChange', topic } : { serviceState: spelled };
        expect(parseServiceState(data)).toEqual({ ok: true, state });
      }),
      { numRuns: 100 },
    );
  });
});
