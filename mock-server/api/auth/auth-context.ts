import type { AuthorizationCodeStore } from './authorization-codes.ts';
import type { LoginSessions } from './login-sessions.ts';
import type { OAuthDialect } from './oauth-dialect.ts';
import type { ClientRegistry } from './oauth-clients.ts';
import type { TokenIssuer } from './token-issuer.ts';
import type { TokenRevoker } from './token-revoker.ts';

/** Where an identity provider's OAuth endpoints live (absolute paths on the mock). */
export interface OAuthPaths {
  readonly authorize: string;
  readonly token: string;
}

/** Everything the route factories need, built once per identity provider (`createIdentityProvider`). */
export interface AuthContext {
  readonly paths: OAuthPaths;
  /** The `x-api-key` its API calls need; undefined where the vendor has none (Genesys Cloud). */
  readonly apiKey: string | undefined;
  readonly dialect: OAuthDialect;
  /** The sign-in page's heading. */
  readonly signInTitle: string;
  readonly now: () => number;
  readonly clients: ClientRegistry;
  readonly redirectUris: () => readonly string[];
  readonly tokens: TokenIssuer;
  readonly revoker: TokenRevoker;
  readonly codes: AuthorizationCodeStore;
  readonly sessions: LoginSessions;
  /** Signs the `X-GWS-User` JWT of `/jwt-userinfo`. */
  readonly userJwtKey: Buffer;
}
