import type { AccessTokenIndex } from './access-token-index.ts';
import type { Principal } from './auth-types.ts';
import type { RevocationEvents } from './revocation-events.ts';
import type { RevocationStore } from './revocation-store.ts';
import { subjectKey } from './subject-key.ts';

/** Ends tokens before their expiry, persists why, and tells `onRevoked` listeners which ones. */
export interface TokenRevoker {
  /** Sign-out: the presented token, or with `global` every access and refresh token of that identity. */
  signOut(principal: Principal, global: boolean): void;
  /** Admin revoke-all: every access token issued so far; refresh tokens stay usable. */
  revokeAllAccessTokens(): void;
  /** One access token, e.g. one issued from an authorization code that was then replayed. */
  revokeAccessToken(tokenId: string, expiresAt: number): void;
  /** Every refresh token of one sign-in, after one of them was replayed (RFC 9700 §4.14.2). */
  revokeRefreshFamily(family: string): void;
  /** Rotation: a refresh token works once; presenting it again counts as a replay. */
  retireRefreshToken(tokenId: string, expiresAt: number): void;
}

export interface TokenRevokerDeps {
  readonly revocations: RevocationStore;
  readonly index: AccessTokenIndex;
  readonly events: RevocationEvents;
  readonly now: () => number;
  /**
   * The revocation cut-off: at least now, and never below an `iat` already issued (issuance may
   * bump `iat` a millisecond past an earlier cut-off, see token-issuer.ts).
   */
  readonly cutOff: () => number;
  readonly refreshTtlSec: number;
}

export function createTokenRevoker(deps: TokenRevokerDeps): TokenRevoker {
  const { revocations, index, events, now } = deps;
  return {
    signOut(principal, global) {
      revocations.revokeAccessToken(principal.tokenId, principal.expiresAt);
      if (!global) {
        events.emit([principal.tokenId]);
        return;
      }
      const key = subjectKey(principal);
      const ids = new Set([principal.tokenId, ...index.live(key, now())]);
      revocations.revokeSubject(key, deps.cutOff());
      events.emit([...ids]);
    },
    revokeAllAccessTokens() {
      revocations.revokeAllAccessTokens(deps.cutOff());
      events.emit('all');
    },
    revokeAccessToken(tokenId, expiresAt) {
      revocations.revokeAccessToken(tokenId, expiresAt);
      events.emit([tokenId]);
    },
    revokeRefreshFamily(family) {
      // No refresh token of the family can outlive a full refresh lifetime from now: none is issued any more.
      revocations.revokeRefreshFamily(family, now() + deps.refreshTtlSec * 1000);
    },
    retireRefreshToken(tokenId, expiresAt) {
      revocations.markRefreshTokenUsed(tokenId, expiresAt);
    },
  };
}
