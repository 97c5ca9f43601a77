import { describe, expect, it } from 'vitest';
import { formatNumber, judge } from './budget-table.ts';

describe('budget table', () => {
  it('should print a ratio that misses its budget so that it reads as a miss', () => {
    expect(formatNumber(51.8 / 60.1)).toBe('0.86');
    expect(judge(51.8 / 60.1, { kind: 'min', limit: 0.9 })).toBe('MISSED');
  });

  it('should print whole numbers whole, large ones grouped, others with one decimal', () => {
    expect(formatNumber(579_503)).toBe('579,503');
    expect(formatNumber(8.4)).toBe('8.4');
    expect(formatNumber(146.6)).toBe('147');
  });
});
