import { describe, expect, it } from 'vitest';
import { msSinceLocalMidnight, startOfLocalDay, zoneOffsetMs } from './zoned-time.ts';

describe('zoned-time', () => {
  it('should compute minutes since midnight in UTC', () => {
    const t = Date.UTC(2026, 10, 23, 9, 30, 15, 250);
    expect(msSinceLocalMidnight(t, 'UTC')).toBe(((9 * 60 + 30) * 60 + 15) * 1000 + 250);
    expect(startOfLocalDay(t, 'UTC')).toBe(Date.UTC(2026, 10, 23));
  });

  it('should follow daylight saving time in a zone that has it', () => {
    const winter = Date.UTC(2026, 0, 15, 12);
    const summer = Date.UTC(2026, 6, 15, 12);
    expect(zoneOffsetMs(winter, 'Europe/Berlin')).toBe(3_600_000);
    expect(zoneOffsetMs(summer, 'Europe/Berlin')).toBe(7_200_000);
    expect(startOfLocalDay(summer, 'Europe/Berlin')).toBe(Date.UTC(2026, 6, 14, 22));
  });

  it('should find local midnight on a daylight-saving day', () => {
    const noonAfterSpringForward = Date.UTC(2026, 2, 29, 10); // 12:00 CEST
    expect(startOfLocalDay(noonAfterSpringForward, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 28, 23)); // 00:00 CET
    const noonAfterFallBack = Date.UTC(2026, 9, 25, 11); // 12:00 CET
    expect(startOfLocalDay(noonAfterFallBack, 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 24, 22)); // 00:00 CEST
  });

  it('should give what formatting the instant gives, at every minute around transitions, also of half-hour ones', () => {
    // Without the cache: the zone's wall clock at t, read back as if it were UTC.
    const formatted = (t: number, timeZone: string): number => {
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }).formatToParts(new Date(t));
      const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
      return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - (t - (t % 1000));
    };
    const around: Array<[string, number]> = [
      ['Europe/Berlin', Date.UTC(2026, 2, 29, 1)],
      ['Europe/Berlin', Date.UTC(2026, 9, 25, 1)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15)], // 30-minute shift at 02:00 local (15:00 UTC)
      ['Australia/Lord_Howe', Date.UTC(2026, 9, 3, 15, 30)], // 02:00 +10:30 is half past a UTC hour
      ['Asia/Kathmandu', Date.UTC(2026, 0, 1, 0)],
      ['UTC', 0],
    ];
    for (const [zone, transition] of around) {
      for (let t = transition - 2 * 3_600_000; t <= transition + 2 * 3_600_000; t += 60_000 + 7) {
        expect(zoneOffsetMs(t, zone)).toBe(formatted(t, zone));
      }
    }
  });
});
