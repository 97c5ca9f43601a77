import { describe, expect, it } from 'vitest';
import { elapsedInShiftMs, isAroundTheClock, nextLocalMinute, shiftLengthMs } from './shift-calendar.ts';

const HOUR = 3_600_000;

describe('shift-calendar', () => {
  it('should measure day shifts and shifts that wrap past midnight', () => {
    expect(shiftLengthMs({ startMinute: 8 * 60, endMinute: 18 * 60 })).toBe(10 * HOUR);
    expect(shiftLengthMs({ startMinute: 22 * 60, endMinute: 8 * 60 })).toBe(10 * HOUR);
    expect(isAroundTheClock({ startMinute: 0, endMinute: 0 })).toBe(true);
    expect(isAroundTheClock({ startMinute: 0, endMinute: 60 })).toBe(false);
  });

  it('should tell how far into a wrapping shift an instant is', () => {
    const night = { startMinute: 22 * 60, endMinute: 8 * 60 };
    const day = Date.UTC(2026, 2, 10);
    expect(elapsedInShiftMs(night, day + 3 * HOUR, 'UTC')).toBe(5 * HOUR);
    expect(elapsedInShiftMs(night, day + 22 * HOUR, 'UTC')).toBe(0);
    expect(elapsedInShiftMs(night, day + 8 * HOUR, 'UTC')).toBeUndefined();
    expect(elapsedInShiftMs(night, day + 12 * HOUR, 'UTC')).toBeUndefined();
  });

  it('should find the next occurrence of a local wall-clock minute strictly after an instant', () => {
    const day = Date.UTC(2026, 2, 10);
    expect(nextLocalMinute(day, 6 * 60, 'UTC')).toBe(day + 6 * HOUR);
    expect(nextLocalMinute(day + 6 * HOUR, 6 * 60, 'UTC')).toBe(day + 30 * HOUR);
    expect(nextLocalMinute(day + 7 * HOUR, 0, 'UTC')).toBe(day + 24 * HOUR);
  });

  it('should follow daylight saving time when finding local minutes', () => {
    // Europe/Berlin springs forward on 2026-03-29 at 02:00 local (01:00 UTC).
    const berlinMidnight = Date.UTC(2026, 2, 28, 23);
    expect(nextLocalMinute(berlinMidnight, 6 * 60, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 4));
    expect(nextLocalMinute(Date.UTC(2026, 2, 29, 4), 6 * 60, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 30, 4));
    expect(nextLocalMinute(Date.UTC(2026, 2, 28, 12), 6 * 60, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 4));
    // Falls back on 2026-10-25 at 03:00 local (01:00 UTC): 06:00 local is then 05:00 UTC.
    expect(nextLocalMinute(Date.UTC(2026, 9, 24, 12), 6 * 60, 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 25, 5));
    expect(nextLocalMinute(Date.UTC(2026, 9, 24, 12), 23 * 60, 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 24, 21));
  });
});
