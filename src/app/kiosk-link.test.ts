import { describe, expect, it } from 'vitest';
import { parseKioskRoute } from '../kiosk/kiosk-route.ts';
import { kioskLinkFor } from './kiosk-link.ts';

describe('kioskLinkFor', () => {
  it('should give <origin>/kiosk?board=<id>', () => {
    expect(kioskLinkFor('http://localhost:8080', 'queues-copy')).toBe('http://localhost:8080/kiosk?board=queues-copy');
  });

  it('should be read back by the kiosk as that one board', () => {
    const url = new URL(kioskLinkFor('https://wallboard.example', 'queues-copy-2'));
    expect(url.pathname).toBe('/kiosk');
    expect(parseKioskRoute(url.search).boards).toEqual(['queues-copy-2']);
  });
});
