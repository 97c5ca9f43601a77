import { describe, expect, it } from 'vitest';
import { leastSquares } from './least-squares.ts';

describe('leastSquares', () => {
  it('should recover the line through points that lie on it', () => {
    const fit = leastSquares([0, 1, 2, 3].map((x) => ({ x, y: 2 * x + 5 })));
    expect(fit?.slope).toBeCloseTo(2, 12);
    expect(fit?.intercept).toBeCloseTo(5, 12);
  });

  it('should give the best fit, not end minus start, for noisy points', () => {
    // y = x plus noise whose first and last points alone would say slope 0.
    const fit = leastSquares([
      { x: 0, y: 1 },
      { x: 1, y: 1 },
      { x: 2, y: 2 },
      { x: 3, y: 1 },
    ]);
    expect(fit?.slope).toBeCloseTo(0.1, 12);
    expect(fit?.intercept).toBeCloseTo(1.1, 12);
  });

  it('should say 0 for a flat series', () => {
    expect(leastSquares([1, 2, 3].map((x) => ({ x, y: 42 })))?.slope).toBe(0);
  });

  it('should stay exact for large x such as epoch milliseconds', () => {
    const t0 = 1_800_000_000_000;
    const fit = leastSquares([0, 60_000, 120_000, 180_000].map((dt) => ({ x: t0 + dt, y: 30 + dt / 60_000 })));
    expect(fit?.slope).toBeCloseTo(1 / 60_000, 15);
  });

  it('should give no slope with fewer than two points or a single x', () => {
    expect(leastSquares([])).toBeUndefined();
    expect(leastSquares([{ x: 1, y: 1 }])).toBeUndefined();
    expect(
      leastSquares([
        { x: 1, y: 1 },
        { x: 1, y: 3 },
      ]),
    ).toBeUndefined();
  });
});
