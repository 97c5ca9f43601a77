import { randomId } from './random-id.ts';

/** What an authorization code is bound to; checked again when it is exchanged. */
export interface AuthorizationGrant {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly subject: string;
  readonly tenant: string;
  readonly codeChallenge: string | undefined;
  /** The sign-in session that approved it; the tokens bought with it name the session. */
  readonly sessionId?: string | undefined;
}

/** Tokens issued from a code, revoked if the code is replayed (RFC 6749 §4.1.2). */
export interface TokensFromCode {
  readonly accessTokenId: string;
  readonly accessExpiresAt: number;
  readonly refreshFamily: string;
}

export type CodeRedemption =
  | { readonly ok: true; readonly grant: AuthorizationGrant }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' }
  | { readonly ok: false; readonly reason: 'reused'; readonly issued: TokensFromCode | undefined };

export interface AuthorizationCodeStore {
  issue(grant: AuthorizationGrant): string;
  /** Consumes the code whatever happens next, so a failed exchange cannot be retried with guesses. */
  redeem(code: string): CodeRedemption;
  recordIssued(code: string, issued: TokensFromCode): void;
}

export const CODE_TTL_MS = 60_000;
/** Redeemed codes are remembered this long to recognize a replay (and not call it "unknown"). */
const USED_CODE_MEMORY_MS = 10 * 60_000;
/** Bounds memory if someone scripts the sign-in form. */
const MAX_ACTIVE_CODES = 10_000;

interface ActiveCode {
  readonly grant: AuthorizationGrant;
  readonly expiresAt: number;
}

interface UsedCode {
  readonly forgetAt: number;
  issued: TokensFromCode | undefined;
}

/**
 * Codes live in memory only: they expire after 60 s, so losing them on restart costs at most one
 * sign-in, while tokens (which must survive) are signed and need no store.
 */
export function createAuthorizationCodeStore(now: () => number): AuthorizationCodeStore {
  const active = new Map<string, ActiveCode>();
  const used = new Map<string, UsedCode>();

  const prune = (at: number): void => {
    for (const [code, entry] of active) if (entry.expiresAt <= at) active.delete(code);
    for (const [code, entry] of used) if (entry.forgetAt <= at) used.delete(code);
    while (active.size >= MAX_ACTIVE_CODES) {
      const oldest = active.keys().next();
      if (oldest.done) break;
      active.delete(oldest.value);
    }
  };

  return {
    issue(grant) {
      const at = now();
      prune(at);
      const code = randomId(32);
      active.set(code, { grant, expiresAt: at + CODE_TTL_MS });
      return code;
    },
    redeem(code) {
      const at = now();
      const entry = active.get(code);
      if (entry) {
        active.delete(code);
        used.set(code, { forgetAt: at + USED_CODE_MEMORY_MS, issued: undefined });
        return entry.expiresAt <= at ? { ok: false, reason: 'expired' } : { ok: true, grant: entry.grant };
      }
      const replay = used.get(code);
      if (replay && replay.forgetAt > at) return { ok: false, reason: 'reused', issued: replay.issued };
      return { ok: false, reason: 'unknown' };
    },
    recordIssued(code, issued) {
      const entry = used.get(code);
      if (entry) entry.issued = issued;
    },
  };
}
