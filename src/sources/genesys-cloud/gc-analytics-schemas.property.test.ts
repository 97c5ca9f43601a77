import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { observationDatumSchema, parseEach, topicMetricSchema } from './gc-analytics-schemas.ts';
import type { GcHttp } from './gc-http.ts';
import { queryObservations } from './gc-observations-query.ts';

const garbage = fc.oneof(fc.anything(), fc.constantFrom(Number.NaN, -1, '', null, [], {}));
const datum = fc.record(
  {
    metric: fc.oneof(fc.constantFrom('oWaiting', 'oOnQueueUsers'), garbage),
    qualifier: fc.oneof(fc.constantFrom('IDLE', 'INTERACTING'), garbage),
    stats: fc.oneof(fc.record({ count: fc.oneof(fc.nat(50), garbage) }, { requiredKeys: [] }), garbage),
    observations: fc.oneof(fc.array(fc.record({ observationDate: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), garbage) })), garbage),
  },
  { requiredKeys: [] },
);

/** A GcHttp that answers one JSON body, parsed with the schema asked for (as the real one does). */
function answering(body: unknown): GcHttp {
  return {
    async request(_method, _path, options = {}) {
      const parsed = options.schema?.safeParse(body);
      if (parsed && !parsed.success) return { ok: false, kind: 'transient', message: 'does not parse' };
      return { ok: true, value: parsed?.data as never, sentAt: 0, receivedAt: 0 };
    },
  };
}

describe('the analytics schemas (properties)', () => {
  it('should keep exactly the data that fit, each with a finite count, and count the rest', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(datum, garbage), { maxLength: 12 }), (items) => {
        const { ok, bad } = parseEach(items, observationDatumSchema);
        expect(ok.length + bad).toBe(items.length);
        expect(ok.length).toBe(items.filter((i) => observationDatumSchema.safeParse(i).success).length);
        for (const d of ok) if (d.stats.count !== undefined) expect(Number.isFinite(d.stats.count) && d.stats.count >= 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('should never let a non-number into a topic metric', () => {
    fc.assert(
      fc.property(fc.record({ metric: fc.string(), stats: fc.dictionary(fc.string(), fc.oneof(fc.double(), garbage)) }), (item) => {
        const parsed = topicMetricSchema.safeParse(item);
        if (parsed.success) for (const v of Object.values(parsed.data.stats)) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('should keep the good groups of an observations answer and count odd groups and data', async () => {
    const answer = await queryObservations(
      answering({
        results: [
          { group: { queueId: 'Q1', mediaType: 'voice' }, data: [{ metric: 'oWaiting', stats: { count: 2 } }, { metric: 'oWaiting', stats: { count: -1 } }] },
          { group: {}, data: [] },
          'junk',
          { group: { queueId: 'Q2' }, data: [{ metric: 'oOnQueueUsers', qualifier: 'IDLE', stats: { count: 1 }, observations: [{ observationDate: 'yesterday' }] }] },
        ],
      }),
      ['Q1', 'Q2'],
      { metrics: ['oWaiting'], detailMetrics: [] },
    );
    expect(answer).toEqual({ ok: true, bad: 4, groups: [{ queueId: 'q1', mediaType: 'voice', data: [{ metric: 'oWaiting', stats: { count: 2 } }] }, { queueId: 'q2', mediaType: '', data: [] }] });
  });
});
