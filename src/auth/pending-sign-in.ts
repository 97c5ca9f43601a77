import { z } from 'zod';

/**
 * One sign-in attempt in progress: what the callback must check (`state`), what the exchange
 * needs (verifier, redirect URI) and where the user was. Kept in `sessionStorage` (this tab only,
 * gone with it), never `localStorage`, and removed the moment a callback reads it.
 */
export const PENDING_SIGN_IN_KEY = 'wallboard.auth.pending-sign-in';

/** Codes live 60 s on the server; an attempt much older than that is abandoned, not resumed. */
const MAX_AGE_MS = 15 * 60 * 1000;

/** A same-origin path (`/kiosk?board=x`), never `//host` or a URL: it feeds `history.replaceState`. */
const returnPathSchema = z.string().regex(/^\/(?![/\\])/);

const pendingSignInSchema = z.object({
  state: z.string().min(1),
  flow: z.enum(['code-pkce', 'implicit']),
  codeVerifier: z.string().min(43).max(128).optional(),
  redirectUri: z.string().min(1),
  returnTo: returnPathSchema,
  createdAt: z.number(),
});

export type PendingSignIn = z.infer<typeof pendingSignInSchema>;

export type SessionStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function savePendingSignIn(storage: SessionStore, pending: PendingSignIn): void {
  storage.setItem(PENDING_SIGN_IN_KEY, JSON.stringify(pending));
}

/** Reads and removes the attempt in one go: a second callback finds nothing to match. */
export function takePendingSignIn(storage: SessionStore, now: number): PendingSignIn | undefined {
  const raw = storage.getItem(PENDING_SIGN_IN_KEY);
  storage.removeItem(PENDING_SIGN_IN_KEY);
  if (raw === null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = pendingSignInSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const age = now - parsed.data.createdAt;
  return age >= 0 && age <= MAX_AGE_MS ? parsed.data : undefined;
}

export function clearPendingSignIn(storage: SessionStore): void {
  storage.removeItem(PENDING_SIGN_IN_KEY);
}

/** Where to come back to: the current path, unless it is the callback path itself. */
export function safeReturnPath(path: string, redirectPath: string): string {
  const pathname = path.split(/[?#]/, 1)[0] ?? '';
  if (pathname === redirectPath && redirectPath !== '/') return '/';
  return returnPathSchema.safeParse(path).success ? path : '/';
}
