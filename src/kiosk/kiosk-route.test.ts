import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERVAL_SEC, isKioskPath, kioskHrefAt, kioskHrefFor, kioskThemeOverride, MAX_INTERVAL_SEC, MIN_INTERVAL_SEC, parseKioskRoute } from './kiosk-route.ts';

describe('parseKioskRoute', () => {
  it('should read one board', () => {
    expect(parseKioskRoute('?board=queues')).toStrictEqual({ boards: ['queues'], intervalMs: DEFAULT_INTERVAL_SEC * 1000, position: 0, health: false, theme: undefined });
  });

  it('should read a playlist, its interval and the position', () => {
    expect(parseKioskRoute('?playlist=queues,skills,agents&interval=12&at=2')).toEqual({
      boards: ['queues', 'skills', 'agents'],
      intervalMs: 12_000,
      position: 2,
      health: false,
    });
  });

  it('should clamp the interval to what a person can read and ignore a bad one', () => {
    expect(parseKioskRoute('?playlist=a,b&interval=1').intervalMs).toBe(MIN_INTERVAL_SEC * 1000);
    expect(parseKioskRoute('?playlist=a,b&interval=99999').intervalMs).toBe(MAX_INTERVAL_SEC * 1000);
    expect(parseKioskRoute('?playlist=a,b&interval=soon').intervalMs).toBe(DEFAULT_INTERVAL_SEC * 1000);
  });

  it('should drop ids that are not board ids, and duplicates', () => {
    expect(parseKioskRoute('?playlist=queues,../x,,Queues,queues,<b>').boards).toEqual(['queues']);
  });

  it('should start from the first board when the position is out of range', () => {
    expect(parseKioskRoute('?playlist=a,b&at=5').position).toBe(0);
    expect(parseKioskRoute('?playlist=a,b&at=-1').position).toBe(0);
    expect(parseKioskRoute('?playlist=a,b&at=1.5').position).toBe(0);
  });

  it('should turn the health overlay on with the flag', () => {
    expect(parseKioskRoute('?board=a&health').health).toBe(true);
    expect(parseKioskRoute('?board=a&health=1').health).toBe(true);
    expect(parseKioskRoute('?board=a&health=0').health).toBe(false);
  });

  it('should read a theme that overrides the stored choice, and ignore any other value', () => {
    expect(parseKioskRoute('?board=a&theme=light').theme).toBe('light');
    expect(parseKioskRoute('?board=a&theme=dark').theme).toBe('dark');
    expect(parseKioskRoute('?board=a&theme=system').theme).toBeUndefined();
    expect(parseKioskRoute('?board=a&theme=<b>').theme).toBeUndefined();
  });

  it('should never throw and always give a usable route, whatever the address', () => {
    fc.assert(
      fc.property(fc.string(), (search) => {
        const route = parseKioskRoute(search);
        expect(route.intervalMs).toBeGreaterThanOrEqual(MIN_INTERVAL_SEC * 1000);
        expect(route.intervalMs).toBeLessThanOrEqual(MAX_INTERVAL_SEC * 1000);
        expect(route.position === 0 || route.position < route.boards.length).toBe(true);
      }),
    );
  });
});

describe('kiosk addresses', () => {
  it('should recognise the kiosk path', () => {
    expect(isKioskPath('/kiosk')).toBe(true);
    expect(isKioskPath('/kiosk/')).toBe(true);
    expect(isKioskPath('/')).toBe(false);
    expect(isKioskPath('/kiosks')).toBe(false);
  });

  it('should take the theme from kiosk addresses only', () => {
    expect(kioskThemeOverride('/kiosk', '?board=a&theme=light')).toBe('light');
    // A TV is dark unless its address says otherwise, whatever its browser reports.
    expect(kioskThemeOverride('/kiosk', '?board=a')).toBe('dark');
    expect(kioskThemeOverride('/', '?theme=light')).toBeUndefined();
  });

  it('should keep the theme in the address when it sets the position', () => {
    expect(kioskHrefAt('?playlist=a,b&theme=light', 1)).toBe('/kiosk?playlist=a%2Cb&theme=light&at=1');
  });

  it('should keep the address and set the position', () => {
    expect(kioskHrefAt('?playlist=a,b&interval=10', 1)).toBe('/kiosk?playlist=a%2Cb&interval=10&at=1');
    expect(parseKioskRoute(new URL(kioskHrefAt('?playlist=a,b&interval=10', 1), 'http://x').search).position).toBe(1);
  });

  it('should build the kiosk link of one board and of a playlist', () => {
    expect(kioskHrefFor(['ops'])).toBe('/kiosk?board=ops');
    expect(kioskHrefFor(['a', 'b'], 20)).toBe('/kiosk?playlist=a,b&interval=20');
  });
});
