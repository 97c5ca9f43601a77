import { describe, expect, it } from 'vitest';
import { createRng } from './rng.ts';

function sample(n: number, draw: () => number): { mean: number; cv: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { mean, cv: Math.sqrt(sumSq / n - mean * mean) / mean };
}

describe('createRng', () => {
  it('should repeat the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
  });

  it('should give different sequences for neighbouring seeds', () => {
    const a = createRng(1);
    const b = createRng(2);
    const xs = Array.from({ length: 20 }, () => a.next());
    const ys = Array.from({ length: 20 }, () => b.next());
    expect(xs).not.toEqual(ys);
  });

  it('should draw uniforms in [0, 1) with mean about one half', () => {
    const rng = createRng(7);
    const xs = Array.from({ length: 50_000 }, () => rng.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(sample(xs.length, () => xs.pop() ?? 0).mean).toBeCloseTo(0.5, 2);
  });

  it('should draw exponentials with the requested mean', () => {
    const rng = createRng(3);
    const { mean, cv } = sample(50_000, () => rng.exponential(120));
    expect(mean).toBeGreaterThan(117);
    expect(mean).toBeLessThan(123);
    expect(cv).toBeCloseTo(1, 1);
  });

  it('should draw lognormals with the requested mean and coefficient of variation', () => {
    const rng = createRng(5);
    const { mean, cv } = sample(100_000, () => rng.lognormal(300, 0.7));
    expect(mean).toBeGreaterThan(295);
    expect(mean).toBeLessThan(305);
    expect(cv).toBeGreaterThan(0.65);
    expect(cv).toBeLessThan(0.75);
  });

  it('should draw uniform integers covering both bounds and nothing outside', () => {
    const rng = createRng(9);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) seen.add(rng.uniformInt(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('should pick every element of an array and refuse an empty one', () => {
    const rng = createRng(11);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) seen.add(rng.pick(['x', 'y', 'z']));
    expect(seen.size).toBe(3);
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});
