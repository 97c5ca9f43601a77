import type { KeptRefreshToken } from '../auth/kept-refresh-token.ts';
import { isKioskPath } from './kiosk-route.ts';

/**
 * The kept refresh token, scoped to kiosk mode: read and written only while the page is a kiosk
 * page. The sign-in callback lands on the redirect path and moves the address back to `/kiosk…`
 * before the tokens arrive, so the check is made when the token is written, not at start-up.
 * Forgetting is allowed anywhere.
 */
export function scopeToKiosk(kept: KeptRefreshToken, pathname: () => string): KeptRefreshToken {
  return {
    read: () => (isKioskPath(pathname()) ? kept.read() : undefined),
    write(refreshToken) {
      if (isKioskPath(pathname())) kept.write(refreshToken);
    },
    clear: () => kept.clear(),
  };
}
