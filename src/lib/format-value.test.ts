import { describe, expect, it } from 'vitest';
import { formatAge, formatDuration, formatValue, NO_VALUE } from './format-value.ts';

describe('formatValue', () => {
  it('should format percentages given as 0–100', () => {
    expect(formatValue(83.33, 'percent', 'en-US')).toBe('83%');
    expect(formatValue(100, 'percent', 'en-US')).toBe('100%');
    expect(formatValue(83.33, 'percent', 'de-DE')).toBe('83\u00a0%'); // German puts a no-break space before %
  });

  it('should format counts with grouping and no fractions', () => {
    expect(formatValue(1234, 'count', 'en-US')).toBe('1,234');
    expect(formatValue(0, 'count', 'en-US')).toBe('0');
  });

  it('should format durations as m:ss under an hour and h:mm:ss above', () => {
    expect(formatValue(5, 'duration', 'en-US')).toBe('0:05');
    expect(formatValue(125.9, 'duration', 'en-US')).toBe('2:05');
    expect(formatValue(3600, 'duration', 'en-US')).toBe('1:00:00');
    expect(formatDuration(3 * 3600 + 7 * 60 + 9, 'en-US')).toBe('3:07:09');
    expect(formatDuration(-4, 'en-US')).toBe('0:00');
  });

  it('should never show a minus zero', () => {
    expect(formatValue(-0, 'count', 'en-US')).toBe('0');
    expect(formatValue(-0.2, 'percent', 'en-US')).toBe('0%');
  });

  it('should show no value as a dash, never as 0', () => {
    for (const format of ['percent', 'count', 'duration', 'decimal'] as const) {
      expect(formatValue(null, format)).toBe(NO_VALUE);
      expect(formatValue(Number.NaN, format)).toBe(NO_VALUE);
      expect(formatValue(Number.POSITIVE_INFINITY, format)).toBe(NO_VALUE);
    }
  });

  it('should say how old a value is', () => {
    expect(formatAge(12_400, 'en-US')).toBe('12s');
    expect(formatAge(4 * 60_000 + 5000, 'en-US')).toBe('4m');
    expect(formatAge(2 * 3_600_000, 'en-US')).toBe('2h');
  });
});
