import type { AuthorizationCodeStore } from './authorization-codes.ts';
import type { ClientRegistry } from './oauth-clients.ts';
import type { TokenIssuer } from './token-issuer.ts';
import type { TokenRevoker } from './token-revoker.ts';

/** Everything the route factories need, built once by `createAuthService`. */
export interface AuthContext {
  readonly apiKey: string;
  readonly now: () => number;
  readonly clients: ClientRegistry;
  readonly redirectUris: () => readonly string[];
  readonly tokens: TokenIssuer;
  readonly revoker: TokenRevoker;
  readonly codes: AuthorizationCodeStore;
  /** Signs the `X-GWS-User` JWT of `/jwt-userinfo`. */
  readonly userJwtKey: Buffer;
}
