import { z } from 'zod';
import { AUTH_PREFIX, AUTHORIZE_PATH, TOKEN_PATH } from './auth-paths.ts';
import type { AuthOptions, AuthService } from './auth-types.ts';
import { createIdentityProvider } from './create-identity-provider.ts';
import { AUTH_V3_DIALECT } from './oauth-dialect.ts';
import { AUTH_V3_CLIENTS } from './oauth-clients.ts';
import { STATE_FILE } from './revocation-store.ts';
import { createSignOutRoutes } from './sign-out-routes.ts';
import { createUserInfoRoutes } from './userinfo-routes.ts';

/** The issuer of Auth v3 tokens; Genesys Cloud's login issues others. */
export const AUTH_V3_ISSUER = 'genesys-engage-auth-v3';
/** The sign-in session cookie of the Auth v3 sign-in page (sent to `/auth/v3/...` only). */
export const AUTH_V3_SESSION_COOKIE = 'auth_v3_session';

const apiKeySchema = z.string().min(1, 'apiKey must not be empty');

/**
 * The mock Authentication API v3. Tokens are HMAC-signed and revocations persisted under
 * `stateDir`, so a new service on the same folder (a restarted mock) accepts what the old one
 * issued and still refuses what it revoked.
 */
export function createAuthService(options: AuthOptions): AuthService {
  const apiKey = apiKeySchema.safeParse(options.apiKey);
  if (!apiKey.success) throw new Error(`createAuthService: ${apiKey.error.issues[0]?.message ?? 'invalid apiKey'}`);
  const provider = createIdentityProvider(
    {
      issuer: AUTH_V3_ISSUER,
      paths: { authorize: AUTHORIZE_PATH, token: TOKEN_PATH },
      apiKey: options.apiKey,
      clients: AUTH_V3_CLIENTS,
      dialect: AUTH_V3_DIALECT,
      signInTitle: 'Sign in',
      sessionCookie: { name: AUTH_V3_SESSION_COOKIE, path: AUTH_PREFIX },
      stateFile: STATE_FILE,
    },
    options,
  );
  return {
    routes: [...provider.oauthRoutes, ...createUserInfoRoutes(provider.ctx), ...createSignOutRoutes(provider.ctx)],
    verifyAccessToken: (token) => provider.verifyAccessToken(token),
    revokeAllAccessTokens: () => provider.revokeAllAccessTokens(),
    revokeAllTokens: () => provider.revokeAllTokens(),
    onRevoked: (listener) => provider.onRevoked(listener),
  };
}
