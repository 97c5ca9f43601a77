import { describe, expect, it } from 'vitest';
import { DEFAULT_HYSTERESIS, hysteresisFor } from './hysteresis.ts';

describe('hysteresisFor', () => {
  it('should take the format’s default when no threshold sets a band', () => {
    expect(hysteresisFor(undefined, 'count')).toBe(1);
    expect(hysteresisFor([{ when: 'below', value: 80, level: 'warning' }], 'percent')).toBe(DEFAULT_HYSTERESIS.percent);
  });

  it('should take the widest band a threshold of the tile sets, 0 included', () => {
    expect(hysteresisFor([{ when: 'above', value: 30, level: 'warning', hysteresis: 10 }, { when: 'above', value: 60, level: 'critical', hysteresis: 5 }], 'duration')).toBe(10);
    expect(hysteresisFor([{ when: 'above', value: 3, level: 'warning', hysteresis: 0 }], 'count')).toBe(0);
  });
});
