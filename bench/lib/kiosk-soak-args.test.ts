import { describe, expect, it } from 'vitest';
import { parseKioskSoakArgs, startAtEpochMs } from './kiosk-soak-args.ts';

describe('parseKioskSoakArgs', () => {
  it('should default to the issue soak: 10 minutes at speed 60, 20 s per board', () => {
    expect(parseKioskSoakArgs([])).toEqual({ help: false, minutes: 10, speed: 60, intervalSec: 20, out: 'bench/results/kiosk-soak.json', dist: 'dist', startAt: '07:00' });
  });

  it('should read every option', () => {
    expect(parseKioskSoakArgs(['--minutes', '2', '--speed', '120', '--interval', '5', '--out', '/tmp/soak.json', '--dist', '/tmp/dist', '--start-at', 'now'])).toEqual({
      help: false,
      minutes: 2,
      speed: 120,
      intervalSec: 5,
      out: '/tmp/soak.json',
      dist: '/tmp/dist',
      startAt: 'now',
    });
  });

  it('should refuse what would make no soak', () => {
    expect(() => parseKioskSoakArgs(['--minutes', '0'])).toThrow(/--minutes/);
    expect(() => parseKioskSoakArgs(['--minutes', '1.5'])).toThrow(/--minutes/);
    expect(() => parseKioskSoakArgs(['--speed', '0'])).toThrow(/--speed/);
    expect(() => parseKioskSoakArgs(['--interval', '4'])).toThrow(/--interval/);
    expect(() => parseKioskSoakArgs(['--minutes'])).toThrow(/--minutes/);
    expect(() => parseKioskSoakArgs(['--out', '--minutes'])).toThrow(/--out/);
    expect(() => parseKioskSoakArgs(['--minuts', '2'])).toThrow(/unknown option "--minuts"/);
    expect(() => parseKioskSoakArgs(['--start-at', '7:00'])).toThrow(/--start-at/);
    expect(() => parseKioskSoakArgs(['--start-at', '24:00'])).toThrow(/--start-at/);
  });
});

describe('startAtEpochMs', () => {
  it('should give today at that local time, or nothing for now', () => {
    const now = new Date(2026, 10, 23, 15, 42, 7);
    expect(startAtEpochMs('07:00', now)).toBe(new Date(2026, 10, 23, 7, 0, 0).getTime());
    expect(startAtEpochMs('23:59', now)).toBe(new Date(2026, 10, 23, 23, 59, 0).getTime());
    expect(startAtEpochMs('now', now)).toBeUndefined();
  });
});
