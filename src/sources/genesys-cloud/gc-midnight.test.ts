import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startOfDay } from './gc-midnight.ts';

describe('startOfDay', () => {
  it('should find midnight in the zone', () => {
    expect(startOfDay(Date.UTC(2026, 10, 23, 10, 30), 'UTC')).toBe(Date.UTC(2026, 10, 23));
    expect(startOfDay(Date.UTC(2026, 10, 23, 10, 30), 'Europe/Berlin')).toBe(Date.UTC(2026, 10, 22, 23));
    expect(startOfDay(Date.UTC(2026, 10, 23, 3, 0), 'America/New_York')).toBe(Date.UTC(2026, 10, 22, 5));
  });

  it('should find midnight on the days the clocks change', () => {
    // Berlin moved to summer time at 02:00 on 29 March 2026: midnight was still +01:00.
    expect(startOfDay(Date.UTC(2026, 2, 29, 12), 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 28, 23));
    expect(startOfDay(Date.UTC(2026, 9, 25, 12), 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 24, 22));
  });

  it('should be at most a day before the instant, at 00:00 local time', () => {
    const zones = fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), zones, (at, zone) => {
        const start = startOfDay(at, zone);
        expect(start).toBeLessThanOrEqual(at);
        expect(at - start).toBeLessThan(25 * 3_600_000);
        const wall = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(start));
        expect(wall).toBe('00:00');
      }),
      { numRuns: 300 },
    );
  });
});
