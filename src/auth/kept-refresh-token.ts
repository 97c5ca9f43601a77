import { z } from 'zod';

/**
 * Kiosk mode's one persistent credential: the current refresh token, so a TV survives reloads and
 * browser restarts without a person (docs/kiosk.md has the trade-off). Only kiosk pages create
 * this; the normal app keeps every token in memory. Stored data is an edge: read with zod, and a
 * value that does not parse is removed, never used.
 */
export interface KeptRefreshToken {
  read(): string | undefined;
  write(refreshToken: string): void;
  clear(): void;
}

export const KEPT_REFRESH_TOKEN_KEY = 'wallboard.kiosk.refresh-token.v1';

/**
 * The key of one source's kept token when several sources sign in (each provider rotates its own
 * refresh token); the single-source form keeps `KEPT_REFRESH_TOKEN_KEY`.
 */
export function keptRefreshTokenKey(sourceId: string): string {
  return `${KEPT_REFRESH_TOKEN_KEY}.${sourceId}`;
}

const keptSchema = z.strictObject({
  refreshToken: z.string().min(1).max(4096),
  savedAt: z.number().int().nonnegative(),
});

type KeptStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function createKeptRefreshToken(storage: KeptStorage, now: () => number = Date.now, key: string = KEPT_REFRESH_TOKEN_KEY): KeptRefreshToken {
  function clear(): void {
    try {
      storage.removeItem(key);
    } catch {
      // Storage switched off: nothing was kept either.
    }
  }
  return {
    read() {
      let raw: string | null;
      try {
        raw = storage.getItem(key);
      } catch {
        return undefined;
      }
      if (raw === null) return undefined;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        json = undefined;
      }
      const parsed = keptSchema.safeParse(json);
      if (parsed.success) return parsed.data.refreshToken;
      clear();
      return undefined;
    },
    write(refreshToken) {
      try {
        storage.setItem(key, JSON.stringify({ refreshToken, savedAt: now() }));
      } catch {
        // Full or switched off: the kiosk still works until the next reload, then asks for a sign-in.
      }
    },
    clear,
  };
}
