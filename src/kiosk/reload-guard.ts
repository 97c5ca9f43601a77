import { z } from 'zod';

/**
 * A kiosk's last resort is a full reload; a page that breaks again on every load must not reload in
 * a loop. Reloads are spaced 1, 2, 4 … 30 minutes apart, and the count is forgotten after half an
 * hour without one. Kept in `sessionStorage`, which survives `location.reload()` in the same tab.
 */
export interface ReloadGuard {
  mayReload(now: number): boolean;
  recordReload(now: number): void;
}

export const RELOAD_GUARD_KEY = 'wallboard.kiosk.reloads.v1';
const FIRST_SPACING_MS = 60_000;
const MAX_SPACING_MS = 30 * 60_000;
const FORGET_AFTER_MS = 30 * 60_000;

const historySchema = z.strictObject({ count: z.number().int().min(0).max(1000), lastAt: z.number().nonnegative() });
type History = z.infer<typeof historySchema>;

type GuardStorage = Pick<Storage, 'getItem' | 'setItem'>;

function read(storage: GuardStorage): History | undefined {
  try {
    const raw = storage.getItem(RELOAD_GUARD_KEY);
    if (raw === null) return undefined;
    const parsed = historySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function spacingAfter(count: number): number {
  return Math.min(MAX_SPACING_MS, FIRST_SPACING_MS * 2 ** Math.min(Math.max(0, count - 1), 10));
}

export function createReloadGuard(storage: GuardStorage): ReloadGuard {
  return {
    mayReload(now) {
      const history = read(storage);
      if (!history || now - history.lastAt >= FORGET_AFTER_MS) return true;
      return now - history.lastAt >= spacingAfter(history.count);
    },
    recordReload(now) {
      const history = read(storage);
      const count = history && now - history.lastAt < FORGET_AFTER_MS ? history.count + 1 : 1;
      try {
        storage.setItem(RELOAD_GUARD_KEY, JSON.stringify({ count, lastAt: now }));
      } catch {
        // No storage: reloads are then only spaced by the self-healing ladder.
      }
    },
  };
}
