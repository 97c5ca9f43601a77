import type { TokenVerifier } from '../auth/auth-types.ts';
import { createIdentityProvider, type IdentityProviderOptions } from '../auth/create-identity-provider.ts';
import { GENESYS_CLOUD_DIALECT } from '../auth/oauth-dialect.ts';
import { GENESYS_CLOUD_CLIENTS } from '../auth/oauth-clients.ts';
import type { Route } from '../http-types.ts';
import { createLogoutRoute } from './login-logout-route.ts';
import { GC_AUTHORIZE_PATH, GC_LOGIN_PREFIX, GC_TOKEN_PATH } from './login-paths.ts';

/** The issuer of Genesys Cloud tokens in the mock; Auth v3 issues others. */
export const GC_ISSUER = 'genesys-cloud-login';
/** Its sign-in session cookie, sent to the login root only. */
export const GC_SESSION_COOKIE = 'gc_login_session';
/** Its revocation facts, beside Auth v3's under the same state folder. */
export const GC_STATE_FILE = 'genesys-cloud-auth-state.json';

/** Genesys Cloud's login: its routes, and the verifier its REST API and notifications accept tokens with. */
export interface GenesysCloudLogin extends TokenVerifier {
  /** `/genesys-cloud/login/oauth/authorize` (GET, POST), `/oauth/token`, `/logout`. */
  readonly routes: readonly Route[];
  revokeAllAccessTokens(): void;
  /** Also every demo user's refresh tokens and sign-in sessions. */
  revokeAllTokens(): void;
  onRevoked(listener: (tokenIds: readonly string[] | 'all') => void): () => void;
}

/**
 * The mock's Genesys Cloud login (`login.<region>`): the OAuth machinery of Auth v3 with Genesys
 * Cloud's clients (code + PKCE for the SPA, client credentials with HTTP Basic for tools), its
 * token answer and no API key. Its tokens open Genesys Cloud only; Engage refuses them.
 */
export function createGenesysCloudLogin(options: IdentityProviderOptions): GenesysCloudLogin {
  const provider = createIdentityProvider(
    {
      issuer: GC_ISSUER,
      paths: { authorize: GC_AUTHORIZE_PATH, token: GC_TOKEN_PATH },
      apiKey: undefined,
      clients: GENESYS_CLOUD_CLIENTS,
      dialect: GENESYS_CLOUD_DIALECT,
      signInTitle: 'Sign in to Genesys Cloud',
      sessionCookie: { name: GC_SESSION_COOKIE, path: GC_LOGIN_PREFIX },
      stateFile: GC_STATE_FILE,
    },
    options,
  );
  return {
    routes: [...provider.oauthRoutes, createLogoutRoute(provider.ctx)],
    verifyAccessToken: (token) => provider.verifyAccessToken(token),
    revokeAllAccessTokens: () => provider.revokeAllAccessTokens(),
    revokeAllTokens: () => provider.revokeAllTokens(),
    onRevoked: (listener) => provider.onRevoked(listener),
  };
}
