import { describe, expect, it } from 'vitest';
import { createWindowStarts, parseGrowingWindowProfile, windowStart } from './time-profile.ts';

function profile(text: string): NonNullable<ReturnType<typeof parseGrowingWindowProfile>> {
  const p = parseGrowingWindowProfile(text);
  if (!p) throw new Error(`bad profile ${text}`);
  return p;
}

describe('growing-window time profiles', () => {
  it('should parse both spellings of the documents and refuse nonsense', () => {
    expect(parseGrowingWindowProfile('0:00')).toEqual({ offsetMs: 0, periodMs: 86_400_000 });
    expect(parseGrowingWindowProfile('00:00')).toEqual({ offsetMs: 0, periodMs: 86_400_000 });
    expect(parseGrowingWindowProfile('0:00+1:00')).toEqual({ offsetMs: 0, periodMs: 3_600_000 });
    for (const bad of ['', '24:00', '7', '0:00+0:00', '0:00+0:07', 'a:b', '0:00+1:00+1:00']) {
      expect(parseGrowingWindowProfile(bad)).toBeUndefined();
    }
  });

  it('should start daily and hourly windows at their last reset', () => {
    const t = Date.UTC(2026, 10, 23, 14, 25);
    expect(windowStart(profile('0:00'), t, 'UTC')).toBe(Date.UTC(2026, 10, 23));
    expect(windowStart(profile('0:00+1:00'), t, 'UTC')).toBe(Date.UTC(2026, 10, 23, 14));
    expect(windowStart(profile('6:00'), Date.UTC(2026, 10, 23, 5), 'UTC')).toBe(Date.UTC(2026, 10, 22, 6));
    expect(windowStart(profile('0:30+8:00'), Date.UTC(2026, 10, 23, 20), 'UTC')).toBe(Date.UTC(2026, 10, 23, 16, 30));
  });

  it('should reset at local wall-clock times on daylight-saving days', () => {
    // 2026-03-29 Europe/Berlin: clocks jump from 02:00 CET to 03:00 CEST.
    const afternoon = Date.UTC(2026, 2, 29, 13); // 15:00 CEST
    expect(windowStart(profile('6:00'), afternoon, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 4)); // 06:00 CEST
    expect(windowStart(profile('0:00+8:00'), afternoon, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 6)); // 08:00 CEST
    expect(windowStart(profile('0:00'), afternoon, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 28, 23)); // 00:00 CET
  });

  it('should give what windowStart gives for every profile, one instant after another', () => {
    const profiles = ['0:00', '0:00+1:00', '1:00', '0:30+0:15', '6:00', '0:00+8:00'].map(profile);
    const starts = createWindowStarts('Europe/Berlin');
    // Across the spring-forward night and the hour after it, asking for each profile twice per instant.
    for (let t = Date.UTC(2026, 2, 28, 23, 50); t <= Date.UTC(2026, 2, 29, 2, 10); t += 5 * 60_000 + 1) {
      for (const p of [...profiles, ...profiles]) expect(starts(p, t)).toBe(windowStart(p, t, 'Europe/Berlin'));
    }
  });
});

