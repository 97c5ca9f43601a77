import { describe, expect, it } from 'vitest';
import { DAY_PROFILE_MAX, dayProfileMultiplier } from './day-profile.ts';

const at = (hours: number, minutes = 0): number => dayProfileMultiplier((hours * 60 + minutes) * 60_000);

describe('dayProfileMultiplier', () => {
  it('should be low at night', () => {
    for (const hour of [0, 1, 2, 3, 4, 23]) {
      expect(at(hour)).toBeGreaterThan(0.1);
      expect(at(hour)).toBeLessThan(0.2);
    }
  });

  it('should peak at 10:30 and again around 14:30 with a lunchtime dip between', () => {
    expect(at(10, 30)).toBe(DAY_PROFILE_MAX);
    expect(at(10, 30)).toBeGreaterThan(at(9, 30));
    expect(at(10, 30)).toBeGreaterThan(at(11, 30));
    expect(at(14, 30)).toBeGreaterThan(at(13, 30));
    expect(at(14, 30)).toBeGreaterThan(at(15, 30));
    expect(at(13)).toBeLessThan(at(14, 30));
    expect(at(14, 30)).toBeGreaterThan(0.85);
  });

  it('should ramp up in the morning and decline in the evening', () => {
    expect(at(7)).toBeLessThan(at(8));
    expect(at(8)).toBeLessThan(at(9));
    expect(at(17)).toBeGreaterThan(at(19));
    expect(at(19)).toBeGreaterThan(at(21));
  });

  it('should stay within (0, DAY_PROFILE_MAX] and be continuous across midnight', () => {
    for (let minute = 0; minute < 24 * 60; minute++) {
      const m = dayProfileMultiplier(minute * 60_000);
      expect(m).toBeGreaterThan(0);
      expect(m).toBeLessThanOrEqual(DAY_PROFILE_MAX);
    }
    expect(dayProfileMultiplier(24 * 3_600_000 - 1)).toBeCloseTo(dayProfileMultiplier(0), 3);
  });
});
