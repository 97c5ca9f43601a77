import { describe, expect, it } from 'vitest';
import { planBreaks } from './break-plan.ts';
import { createRng } from './rng.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('planBreaks', () => {
  it('should plan two breaks and a lunch inside a full shift', () => {
    const rng = createRng(1);
    for (let i = 0; i < 200; i++) {
      const plan = planBreaks(rng, 0, 10 * HOUR, () => false);
      expect(plan.map((b) => b.reason)).toEqual(['Break', 'Lunch', 'Break']);
      for (const item of plan) {
        expect(item.at).toBeGreaterThan(0);
        expect(item.at + item.durationMs).toBeLessThan(10 * HOUR);
      }
      const [first, lunch] = plan;
      expect(first?.durationMs).toBeGreaterThanOrEqual(10 * MINUTE);
      expect(first?.durationMs).toBeLessThanOrEqual(15 * MINUTE);
      expect(lunch?.durationMs).toBeGreaterThanOrEqual(27 * MINUTE);
      expect(lunch?.durationMs).toBeLessThanOrEqual(35 * MINUTE);
    }
  });

  it('should add training, meetings or coaching only in office hours', () => {
    const rng = createRng(2);
    const extras = new Set<string>();
    let withExtra = 0;
    for (let i = 0; i < 300; i++) {
      const plan = planBreaks(rng, 0, 10 * HOUR, () => true);
      const extra = plan.filter((b) => b.reason !== 'Break' && b.reason !== 'Lunch');
      if (extra.length > 0) withExtra++;
      for (const b of extra) extras.add(b.reason);
      expect(planBreaks(rng, 0, 10 * HOUR, () => false)).toHaveLength(3);
    }
    expect([...extras].sort()).toEqual(['Coaching', 'Meeting', 'Training']);
    expect(withExtra).toBeGreaterThan(60);
    expect(withExtra).toBeLessThan(180);
  });

  it('should plan a single break for a short shift', () => {
    const plan = planBreaks(createRng(3), 0, 4 * HOUR, () => false);
    expect(plan.map((b) => b.reason)).toEqual(['Break']);
  });
});
