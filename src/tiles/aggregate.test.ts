import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, describeAggregate, type AggregateKind } from './aggregate.ts';

const values = fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }), { maxLength: 30 });

describe('aggregate', () => {
  it('should leave out objects without a value instead of counting them as 0', () => {
    expect(aggregate('sum', [{ value: 3 }, { value: null }, { value: 4 }])).toEqual({ value: 7, counted: 2 });
    expect(aggregate('mean', [{ value: 3 }, { value: null }, { value: 5 }])).toEqual({ value: 4, counted: 2 });
    expect(aggregate('max', [{ value: null }])).toEqual({ value: null, counted: 0 });
  });

  it('should weight a service level by answered calls, not take a plain mean of percentages', () => {
    // 90 % of 200 calls and 10 % of 2 calls: the center answered ~89 % in time, not 50 %.
    const result = aggregate('weighted-mean', [
      { value: 90, weight: 200 },
      { value: 10, weight: 2 },
    ]);
    expect(result.value).toBeCloseTo((90 * 200 + 10 * 2) / 202, 10);
    expect(aggregate('mean', [{ value: 90 }, { value: 10 }]).value).toBe(50);
    expect(aggregate('weighted-mean', [{ value: 90, weight: 0 }, { value: 80, weight: null }])).toEqual({ value: null, counted: 0 });
  });

  it.each<AggregateKind>(['sum', 'mean', 'max', 'min'])('%s should not depend on the order of the objects (property)', (kind) => {
    fc.assert(
      fc.property(values, fc.infiniteStream(fc.nat()), (vs, rnd) => {
        const parts = vs.map((value) => ({ value }));
        const shuffled = [...parts].sort(() => (rnd.next().value % 3) - 1);
        const a = aggregate(kind, parts);
        const b = aggregate(kind, shuffled);
        expect(b.counted).toBe(a.counted);
        if (a.value === null) expect(b.value).toBeNull();
        else expect(b.value).toBeCloseTo(a.value, 3);
      }),
    );
  });

  it('should keep a mean, a weighted mean, the max and the min within the values it combines (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ value: fc.double({ min: 0, max: 100, noNaN: true }), weight: fc.double({ min: 0, max: 1e4, noNaN: true }) }), { minLength: 1, maxLength: 30 }), (parts) => {
        const lo = Math.min(...parts.map((p) => p.value));
        const hi = Math.max(...parts.map((p) => p.value));
        for (const kind of ['mean', 'max', 'min'] as const) {
          const v = aggregate(kind, parts).value as number;
          expect(v).toBeGreaterThanOrEqual(lo - 1e-9);
          expect(v).toBeLessThanOrEqual(hi + 1e-9);
        }
        const weighted = aggregate('weighted-mean', parts);
        if (weighted.value !== null) {
          const used = parts.filter((p) => p.weight > 0).map((p) => p.value);
          expect(weighted.value).toBeGreaterThanOrEqual(Math.min(...used) - 1e-9);
          expect(weighted.value).toBeLessThanOrEqual(Math.max(...used) + 1e-9);
        }
      }),
    );
  });

  it('should give the plain mean when every weight is the same, and the sum when adding up (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.double({ min: 0.5, max: 1000, noNaN: true }), (vs, w) => {
        const weighted = aggregate('weighted-mean', vs.map((value) => ({ value, weight: w }))).value as number;
        expect(weighted).toBeCloseTo(aggregate('mean', vs.map((value) => ({ value }))).value as number, 6);
        expect(aggregate('sum', vs.map((value) => ({ value }))).value).toBeCloseTo(vs.reduce((a, b) => a + b, 0), 6);
      }),
    );
  });

  it('should say in words how the number was made', () => {
    expect(describeAggregate('sum', 4, 'queues')).toBe('sum of 4 queues');
    expect(describeAggregate('weighted-mean', 3, 'queues')).toBe('3 queues, weighted by answered calls');
  });
});
