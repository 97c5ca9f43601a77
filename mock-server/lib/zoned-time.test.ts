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
});
