import { describe, expect, it } from 'vitest';
import { framesPerSecond, percentile, round1 } from './frame-rate.ts';

describe('framesPerSecond', () => {
  it('should count the callbacks inside the window per second of it', () => {
    const times = Array.from({ length: 121 }, (_, i) => 1000 + i * (1000 / 60));
    expect(framesPerSecond(times, 1000, 2000)).toBe(60);
  });

  it('should leave out callbacks outside the window and say 0 for an empty one', () => {
    expect(framesPerSecond([0, 100, 200, 900, 1000], 100, 1000)).toBeCloseTo(3.333, 3);
    expect(framesPerSecond([1, 2], 5, 5)).toBe(0);
  });
});

describe('percentile', () => {
  it('should report an observed value (nearest rank) of an unsorted sample', () => {
    const values = [9, 1, 5, 3, 7, 2, 8, 4, 6, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile([], 95)).toBe(0);
  });
});

describe('round1', () => {
  it('should keep one decimal', () => {
    expect(round1(12.345)).toBe(12.3);
    expect(round1(0.05)).toBe(0.1);
  });
});
