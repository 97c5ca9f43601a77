import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Threshold } from '../boards/board-schema.ts';
import { levelFor } from './level-for.ts';
import { INITIAL_THRESHOLD_STATE, nextThresholdState, type ThresholdState } from './threshold-state.ts';

const queueThresholds: readonly Threshold[] = [
  { when: 'above', value: 5, level: 'warning' },
  { when: 'above', value: 10, level: 'critical' },
];

function run(values: readonly (number | null)[], thresholds: readonly Threshold[], band: number): ThresholdState[] {
  const states: ThresholdState[] = [];
  let state = INITIAL_THRESHOLD_STATE;
  values.forEach((value, t) => {
    state = nextThresholdState(state, value, thresholds, band, t * 1000);
    states.push(state);
  });
  return states;
}

const thresholdArb = fc.record({
  when: fc.constantFrom('above' as const, 'below' as const),
  value: fc.integer({ min: -50, max: 150 }),
  level: fc.constantFrom('warning' as const, 'critical' as const),
});

describe('nextThresholdState', () => {
  it('should stay breached while the value wiggles inside the band, and clear once it is back past it', () => {
    const levels = run([3, 6, 5, 5.5, 4.5, 5.2, 3.9, 6], queueThresholds, 1).map((s) => s.level);
    expect(levels).toEqual(['ok', 'warning', 'warning', 'warning', 'warning', 'warning', 'ok', 'warning']);
  });

  it('should escalate and step down through the levels with the band on each threshold', () => {
    const levels = run([11, 9.5, 8.9, 4.5, 3.9], queueThresholds, 1).map((s) => s.level);
    expect(levels).toEqual(['critical', 'critical', 'warning', 'warning', 'ok']);
  });

  it('should work the other way round for thresholds below (a service level under its target)', () => {
    const sl: readonly Threshold[] = [{ when: 'below', value: 80, level: 'warning' }];
    expect(run([85, 79, 81, 82.5, 79.9], sl, 2).map((s) => s.level)).toEqual(['ok', 'warning', 'warning', 'ok', 'warning']);
  });

  it('should keep the time of the breach through an escalation and forget it when the breach ends', () => {
    const states = run([1, 6, 7, 12, 4.8, 4.4, 6], queueThresholds, 0.5);
    expect(states.map((s) => s.breachedSince)).toEqual([undefined, 1000, 1000, 1000, 1000, undefined, 6000]);
  });

  it('should say none without a value or thresholds, and start over after', () => {
    expect(run([12, null, 6], queueThresholds, 1).map((s) => s.level)).toEqual(['critical', 'none', 'warning']);
    expect(nextThresholdState(INITIAL_THRESHOLD_STATE, 5, [], 1, 0).level).toBe('none');
  });

  it('should return the same object when nothing changed, so a tile does not re-render for it', () => {
    const a = nextThresholdState(INITIAL_THRESHOLD_STATE, 6, queueThresholds, 1, 0);
    expect(nextThresholdState(a, 5.5, queueThresholds, 1, 1000)).toBe(a);
  });

  it('should be levelFor when there is no band, whatever came before (property)', () => {
    fc.assert(
      fc.property(fc.array(thresholdArb, { minLength: 1, maxLength: 4 }), fc.array(fc.double({ min: -100, max: 200, noNaN: true }), { minLength: 1, maxLength: 30 }), (thresholds, values) => {
        const states = run(values, thresholds, 0);
        states.forEach((state, i) => expect(state.level).toBe(levelFor(values[i], thresholds)));
      }),
    );
  });

  it('should agree with levelFor once the value is further than the band from every threshold (property)', () => {
    fc.assert(
      fc.property(
        fc.array(thresholdArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.double({ min: -100, max: 200, noNaN: true }), { maxLength: 30 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: -100, max: 200, noNaN: true }),
        (thresholds, history, band, last) => {
          fc.pre(thresholds.every((t) => Math.abs(last - t.value) > band));
          const states = run([...history, last], thresholds, band);
          expect(states.at(-1)?.level).toBe(levelFor(last, thresholds));
        },
      ),
    );
  });

  it('should never change level while the value moves less than the band around a crossed threshold (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0.5, max: 5, noNaN: true }), fc.array(fc.double({ min: 0, max: 0.99, noNaN: true }), { minLength: 1, maxLength: 40 }), (line, band, wiggles) => {
        const thresholds: readonly Threshold[] = [{ when: 'above', value: line, level: 'warning' }];
        // Cross clearly, then wiggle anywhere from just under the line minus the band up to the line.
        const values = [line + band + 1, ...wiggles.map((w) => line - band * w)];
        const levels = run(values, thresholds, band).map((s) => s.level);
        expect(new Set(levels)).toEqual(new Set(['warning']));
      }),
    );
  });
});
