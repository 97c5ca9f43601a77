import { describe, expect, it } from 'vitest';
import type { Threshold } from '../boards/board-schema.ts';
import { levelFor } from './level-for.ts';

const serviceLevel: Threshold[] = [
  { when: 'below', value: 90, level: 'warning' },
  { when: 'below', value: 80, level: 'critical' },
];
const inQueue: Threshold[] = [
  { when: 'above', value: 6, level: 'critical' },
  { when: 'above', value: 3, level: 'warning' },
];

describe('levelFor', () => {
  it('should be none without thresholds or without a value', () => {
    expect(levelFor(50, undefined)).toBe('none');
    expect(levelFor(50, [])).toBe('none');
    expect(levelFor(null, serviceLevel)).toBe('none');
    expect(levelFor(undefined, serviceLevel)).toBe('none');
    expect(levelFor(Number.NaN, serviceLevel)).toBe('none');
  });

  it('should judge "below" strictly: the threshold itself is not crossed', () => {
    expect(levelFor(95, serviceLevel)).toBe('ok');
    expect(levelFor(90, serviceLevel)).toBe('ok');
    expect(levelFor(89.9, serviceLevel)).toBe('warning');
    expect(levelFor(80, serviceLevel)).toBe('warning');
    expect(levelFor(79, serviceLevel)).toBe('critical');
  });

  it('should judge "above" strictly, whatever order the thresholds are listed in', () => {
    expect(levelFor(0, inQueue)).toBe('ok');
    expect(levelFor(3, inQueue)).toBe('ok');
    expect(levelFor(4, inQueue)).toBe('warning');
    expect(levelFor(7, inQueue)).toBe('critical');
  });

  it('should let critical win over warning when both are crossed', () => {
    const both: Threshold[] = [
      { when: 'above', value: 10, level: 'warning' },
      { when: 'below', value: 50, level: 'critical' },
    ];
    expect(levelFor(20, both)).toBe('critical');
    expect(levelFor(60, both)).toBe('warning');
  });
});
