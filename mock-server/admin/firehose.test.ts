import { describe, expect, it } from 'vitest';
import { firehoseValue } from './firehose.ts';

describe('firehoseValue', () => {
  it.each([1, 2, 536, 1000, 2500])('should change every statistic’s value on every round over %i statistics', (targets) => {
    for (let statistic = 0; statistic < Math.min(targets, 50); statistic++) {
      for (let round = 0; round < 5; round++) {
        const before = firehoseValue(round * targets + statistic, targets);
        const after = firehoseValue((round + 1) * targets + statistic, targets);
        expect(after).not.toBe(before);
        expect(after).toBeGreaterThanOrEqual(0);
        expect(after).toBeLessThan(1000);
      }
    }
  });
});
