import { z } from 'zod';

/**
 * Which sources' identity providers this browser is signed in at and has not signed out of, so a
 * reload, a second tab or a kiosk page opened by the same person signs in on its own (`prompt=none`:
 * the provider's own session answers). No secret: only "signed in since", per source. Forgotten
 * on sign-out and on any refusal, so the app never loops through a provider that says no.
 */
export interface SignedInMemory {
  remembers(sourceId: string): boolean;
  remember(sourceId: string): void;
  forget(sourceId: string): void;
  forgetAll(): void;
}

export const SIGNED_IN_MEMORY_KEY = 'wallboard.auth.signed-in.v1';

const memorySchema = z.record(z.string().min(1).max(256), z.strictObject({ since: z.number().int().nonnegative() }));

type MemoryStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Stored data is an edge: read with zod; a value that does not parse counts as nothing remembered. */
export function createSignedInMemory(storage: MemoryStorage, now: () => number = Date.now): SignedInMemory {
  function read(): Record<string, { since: number }> {
    try {
      const raw = storage.getItem(SIGNED_IN_MEMORY_KEY);
      const parsed = memorySchema.safeParse(raw === null ? {} : JSON.parse(raw));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }
  function write(entries: Record<string, { since: number }>): void {
    try {
      if (Object.keys(entries).length === 0) storage.removeItem(SIGNED_IN_MEMORY_KEY);
      else storage.setItem(SIGNED_IN_MEMORY_KEY, JSON.stringify(entries));
    } catch {
      // Storage full or switched off: the next page asks for a sign-in, as it did before.
    }
  }
  return {
    remembers: (sourceId) => Object.hasOwn(read(), sourceId),
    remember(sourceId) {
      const entries = read();
      if (!Object.hasOwn(entries, sourceId)) write({ ...entries, [sourceId]: { since: now() } });
    },
    forget(sourceId) {
      const entries = read();
      if (!Object.hasOwn(entries, sourceId)) return;
      write(Object.fromEntries(Object.entries(entries).filter(([id]) => id !== sourceId)));
    },
    forgetAll: () => write({}),
  };
}

/** For pages that must not continue a sign-in on their own, and for tests. */
export const NO_SIGNED_IN_MEMORY: SignedInMemory = {
  remembers: () => false,
  remember: () => undefined,
  forget: () => undefined,
  forgetAll: () => undefined,
};
