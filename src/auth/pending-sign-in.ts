import { z } from 'zod';

/**
 * Sign-in attempts of this tab, keyed by their `state`: what the callback must check, what the
 * exchange needs (verifier, redirect URI), which source they sign in and where the user was.
 * Several sources share one callback path, so the `state` tells which attempt (and so which
 * source's identity provider) a callback answers. Kept in `sessionStorage` (this tab only, gone
 * with it), never `localStorage`.
 *
 * An attempt that came back with a code while another source still had to sign in keeps the code
 * here for the few seconds until every source has one (`code`): tokens are only ever held in
 * memory, so they are fetched on the page that stays.
 */
export const PENDING_SIGN_IN_KEY = 'wallboard.auth.pending-sign-in';

/** Codes live 60 s on the server; an attempt much older than that is abandoned, not resumed. */
const MAX_AGE_MS = 15 * 60 * 1000;

/** A same-origin path (`/kiosk?board=x`), never `//host` or a URL: it feeds `history.replaceState`. */
const returnPathSchema = z.string().regex(/^\/(?![/\\])/);

const pendingSignInSchema = z.object({
  state: z.string().min(1),
  sourceId: z.string().min(1),
  flow: z.enum(['code-pkce', 'implicit']),
  codeVerifier: z.string().min(43).max(128).optional(),
  redirectUri: z.string().min(1),
  returnTo: returnPathSchema,
  createdAt: z.number(),
  /** A sign-in that continues on its own (`prompt=none`), not one a person asked for. */
  silent: z.boolean().optional(),
  /** The code the provider answered with, waiting until the other sources have theirs. */
  code: z.string().min(1).max(2048).optional(),
});

export type PendingSignIn = z.infer<typeof pendingSignInSchema>;

export type SessionStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function readAll(storage: SessionStore): PendingSignIn[] {
  let raw: string | null;
  try {
    raw = storage.getItem(PENDING_SIGN_IN_KEY);
  } catch {
    return [];
  }
  if (raw === null) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(json)) return [];
  // One bad entry (edited storage, an older build) must not cost the others.
  return json.flatMap((entry: unknown) => {
    const parsed = pendingSignInSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

function writeAll(storage: SessionStore, attempts: readonly PendingSignIn[]): void {
  try {
    if (attempts.length === 0) storage.removeItem(PENDING_SIGN_IN_KEY);
    else storage.setItem(PENDING_SIGN_IN_KEY, JSON.stringify(attempts));
  } catch {
    // Storage switched off: the callback will find no attempt and say so.
  }
}

/** Adds an attempt; an earlier one of the same source is dropped (one attempt per source and tab). */
export function savePendingSignIn(storage: SessionStore, pending: PendingSignIn): void {
  writeAll(storage, [...readAll(storage).filter((p) => p.sourceId !== pending.sourceId), pending]);
}

/** Reads and removes every attempt in one go, leaving out those too old to finish. */
export function takePendingSignIns(storage: SessionStore, now: number): PendingSignIn[] {
  const attempts = readAll(storage);
  try {
    storage.removeItem(PENDING_SIGN_IN_KEY);
  } catch {
    // Nothing could have been stored either.
  }
  return attempts.filter((p) => now - p.createdAt >= 0 && now - p.createdAt <= MAX_AGE_MS);
}

/** Forgets the attempts of one source (it signed out), or all of them. */
export function clearPendingSignIn(storage: SessionStore, sourceId?: string): void {
  writeAll(storage, sourceId === undefined ? [] : readAll(storage).filter((p) => p.sourceId !== sourceId));
}

/** Where to come back to: the current path, unless it is the callback path itself. */
export function safeReturnPath(path: string, redirectPath: string): string {
  const pathname = path.split(/[?#]/, 1)[0] ?? '';
  if (pathname === redirectPath && redirectPath !== '/') return '/';
  return returnPathSchema.safeParse(path).success ? path : '/';
}
