import type { AccessTokenIndex } from './access-token-index.ts';
import type { Principal, TokenCheck, TokenVerifier } from './auth-types.ts';
import { randomId } from './random-id.ts';
import type { RevocationStore } from './revocation-store.ts';
import { subjectKey } from './subject-key.ts';
import { decodeToken, encodeToken, type TokenPayload } from './token-codec.ts';

/** Whom a token is issued to. */
export interface TokenGrantee {
  readonly subject: string;
  readonly kind: 'user' | 'client';
  readonly tenant: string;
  readonly clientId: string;
  /** The sign-in session (the identity provider's cookie) the tokens descend from, if any. */
  readonly sessionId?: string | undefined;
}

export interface IssuedToken {
  readonly token: string;
  readonly payload: TokenPayload;
}

export interface IssuedRefreshToken extends IssuedToken {
  /** The rotation family, shared by every refresh token descending from one sign-in. */
  readonly family: string;
}

export type RefreshCheck =
  | { readonly ok: true; readonly payload: TokenPayload }
  | { readonly ok: false; readonly reason: 'invalid' | 'expired' | 'revoked' }
  | { readonly ok: false; readonly reason: 'reused'; readonly payload: TokenPayload };

export interface TokenIssuer extends TokenVerifier {
  readonly accessTtlSec: number;
  /** The highest `iat` handed out by this process, so a revocation cut-off can cover every token issued so far. */
  latestIssuedAt(): number;
  issueAccessToken(grantee: TokenGrantee): IssuedToken;
  /** A new refresh token; pass the family of the token being rotated, or none for a new sign-in. */
  issueRefreshToken(grantee: TokenGrantee, family?: string): IssuedRefreshToken;
  verifyRefreshToken(token: string): RefreshCheck;
}

export interface TokenIssuerDeps {
  /** Written into every token and required back: another identity provider's tokens are `invalid` here. */
  readonly issuer: string;
  readonly secret: Buffer;
  readonly revocations: RevocationStore;
  readonly index: AccessTokenIndex;
  readonly now: () => number;
  readonly accessTtlSec: number;
  readonly refreshTtlSec: number;
}

function granteeOf(payload: TokenPayload): TokenGrantee {
  return { subject: payload.sub, kind: payload.knd, tenant: payload.ten, clientId: payload.cid, sessionId: payload.sid };
}

export function createTokenIssuer(deps: TokenIssuerDeps): TokenIssuer {
  const { secret, revocations, index, now } = deps;
  let latestIssuedAt = 0;

  /**
   * Revocation cut-offs compare `iat <= cutOff`. A token issued after a cut-off, even in the same
   * millisecond (frozen test clocks, fast clients), gets an `iat` past it and so stays valid.
   */
  const issuedAt = (key: string): number =>
    Math.max(now(), revocations.revokedBefore() + 1, revocations.subjectRevokedBefore(key) + 1);

  const issue = (grantee: TokenGrantee, typ: 'access' | 'refresh', ttlSec: number, family?: string): IssuedToken => {
    const key = subjectKey(grantee);
    const payload: TokenPayload = {
      v: 1,
      iss: deps.issuer,
      typ,
      jti: randomId(),
      sub: grantee.subject,
      knd: grantee.kind,
      ten: grantee.tenant,
      cid: grantee.clientId,
      iat: issuedAt(key),
      exp: now() + ttlSec * 1000,
      ...(family === undefined ? {} : { fam: family }),
      ...(grantee.sessionId === undefined ? {} : { sid: grantee.sessionId }),
    };
    latestIssuedAt = Math.max(latestIssuedAt, payload.iat);
    if (typ === 'access') index.remember(key, payload.jti, payload.exp);
    return { token: encodeToken(payload, secret), payload };
  };

  return {
    accessTtlSec: deps.accessTtlSec,
    latestIssuedAt: () => latestIssuedAt,
    issueAccessToken: (grantee) => issue(grantee, 'access', deps.accessTtlSec),
    issueRefreshToken(grantee, family) {
      const fam = family ?? randomId();
      return { ...issue(grantee, 'refresh', deps.refreshTtlSec, fam), family: fam };
    },

    verifyAccessToken(token): TokenCheck {
      if (token === undefined || token.length === 0) return { ok: false, reason: 'missing' };
      const payload = decodeToken(token, secret);
      if (!payload || payload.iss !== deps.issuer || payload.typ !== 'access') return { ok: false, reason: 'invalid' };
      if (payload.exp <= now()) return { ok: false, reason: 'expired' };
      const key = subjectKey(granteeOf(payload));
      if (
        payload.iat <= revocations.revokedBefore() ||
        payload.iat <= revocations.subjectRevokedBefore(key) ||
        revocations.isAccessTokenRevoked(payload.jti)
      ) {
        return { ok: false, reason: 'revoked' };
      }
      index.remember(key, payload.jti, payload.exp);
      const principal: Principal = { ...granteeOf(payload), tokenId: payload.jti, expiresAt: payload.exp };
      return { ok: true, principal };
    },

    verifyRefreshToken(token): RefreshCheck {
      const payload = decodeToken(token, secret);
      if (!payload || payload.iss !== deps.issuer || payload.typ !== 'refresh' || payload.fam === undefined) {
        return { ok: false, reason: 'invalid' };
      }
      if (payload.exp <= now()) return { ok: false, reason: 'expired' };
      // Admin revoke-all deliberately does not apply here: it ends sessions' access tokens, not sign-ins.
      if (
        revocations.isRefreshFamilyRevoked(payload.fam) ||
        payload.iat <= revocations.subjectRevokedBefore(subjectKey(granteeOf(payload)))
      ) {
        return { ok: false, reason: 'revoked' };
      }
      if (revocations.isRefreshTokenUsed(payload.jti)) return { ok: false, reason: 'reused', payload };
      return { ok: true, payload };
    },
  };
}

export function refreshGrantee(payload: TokenPayload): TokenGrantee {
  return granteeOf(payload);
}
