/**
 * Requests per minute per caller, on the real clock: the first request opens a one-minute window,
 * requests past the limit in it are refused with the seconds until it closes (`Retry-After`).
 */
export interface RateLimiter {
  admit(caller: string, limitPerMinute: number): { readonly ok: true } | { readonly ok: false; readonly retryAfterSec: number };
  reset(): void;
}

const WINDOW_MS = 60_000;
/** Windows kept before the expired ones are swept, so many short-lived tokens cannot grow it without end. */
const SWEEP_AT = 10_000;

export function createRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    admit(caller, limitPerMinute) {
      const t = now();
      if (windows.size >= SWEEP_AT) for (const [k, w] of windows) if (t - w.start >= WINDOW_MS) windows.delete(k);
      let window = windows.get(caller);
      if (!window || t - window.start >= WINDOW_MS) {
        window = { start: t, count: 0 };
        windows.set(caller, window);
      }
      if (window.count >= limitPerMinute) return { ok: false, retryAfterSec: Math.max(1, Math.ceil((window.start + WINDOW_MS - t) / 1000)) };
      window.count++;
      return { ok: true };
    },
    reset() {
      windows.clear();
    },
  };
}
