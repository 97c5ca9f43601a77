import type { Route } from '../http-types.ts';

/** Who an access token was issued to. */
export interface Principal {
  /** `supervisor`, `kiosk`, … for users; the client id for client_credentials tokens. */
  readonly subject: string;
  readonly kind: 'user' | 'client';
  readonly tenant: string;
  readonly clientId: string;
  /** Unique id of this access token (used for sign-out and revocation). */
  readonly tokenId: string;
  /** Epoch ms (real clock). */
  readonly expiresAt: number;
  /** The identity provider's sign-in session the token descends from; signing out ends it. */
  readonly sessionId?: string | undefined;
}

export type TokenCheck =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly reason: 'missing' | 'invalid' | 'expired' | 'revoked' };

export interface TokenVerifier {
  /** Checks an access token (the bare token, without `Bearer `). */
  verifyAccessToken(token: string | undefined): TokenCheck;
}

export interface AuthService extends TokenVerifier {
  /** Every `/auth/v3/...` route. */
  readonly routes: readonly Route[];
  /**
   * `POST /mock/admin/tokens/revoke`: every access token issued so far becomes invalid. Refresh
   * tokens are deliberately NOT revoked, so a client recovers with one refresh (the 401 path the
   * wallboard must handle); use global sign-out to end a user's refresh tokens too.
   */
  revokeAllAccessTokens(): void;
  /** Also every demo user's refresh tokens: a client can no longer refresh and must sign in again. */
  revokeAllTokens(): void;
  /** Listeners learn of tokens that stop being valid before expiry (sign-out, revocation), e.g. to drop CometD sessions. */
  onRevoked(listener: (tokenIds: readonly string[] | 'all') => void): () => void;
}

export interface AuthOptions {
  /** Value every request must carry in `x-api-key`. */
  readonly apiKey: string;
  /** Access token lifetime in seconds (`--token-ttl`, default 3600). */
  readonly tokenTtlSec: number;
  /** Folder where the signing secret and revocation state persist across restarts. */
  readonly stateDir: string;
  /** Exact redirect URIs the `wallboard` public client may use; read at each request (the port is known late). */
  readonly redirectUris: () => readonly string[];
  /** Real clock; injectable for tests. */
  readonly now?: () => number;
  /** Refresh token lifetime in seconds; default 30 days so a wall screen survives long weekends. */
  readonly refreshTokenTtlSec?: number;
}
