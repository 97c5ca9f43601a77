import { demoUsers } from './demo-identities.ts';
import { subjectKey } from './subject-key.ts';
import { z } from 'zod';
import { createAccessTokenIndex } from './access-token-index.ts';
import type { AuthContext } from './auth-context.ts';
import type { AuthOptions, AuthService } from './auth-types.ts';
import { createAuthorizationCodeStore } from './authorization-codes.ts';
import { createAuthorizeRoutes } from './authorize-routes.ts';
import { createClientRegistry } from './oauth-clients.ts';
import { createRevocationEvents } from './revocation-events.ts';
import { openRevocationStore } from './revocation-store.ts';
import { createSignOutRoutes } from './sign-out-routes.ts';
import { loadOrCreateSigningSecret } from './signing-secret.ts';
import { createTokenIssuer } from './token-issuer.ts';
import { createTokenRevoker } from './token-revoker.ts';
import { createTokenRoute } from './token-route.ts';
import { deriveUserJwtKey } from './user-jwt.ts';
import { createUserInfoRoutes } from './userinfo-routes.ts';

/** 30 days: a wall screen left alone over a long weekend still refreshes without a person. */
export const DEFAULT_REFRESH_TOKEN_TTL_SEC = 30 * 24 * 60 * 60;

const optionsSchema = z.object({
  apiKey: z.string().min(1, 'apiKey must not be empty'),
  tokenTtlSec: z.number().int('tokenTtlSec must be whole seconds').positive('tokenTtlSec must be positive'),
  stateDir: z.string().min(1, 'stateDir must not be empty'),
  refreshTokenTtlSec: z.number().int().positive().optional(),
});

/**
 * The mock Authentication API v3. Tokens are HMAC-signed and revocations persisted under
 * `stateDir`, so a new service on the same folder (a restarted mock) accepts what the old one
 * issued and still refuses what it revoked.
 */
export function createAuthService(options: AuthOptions): AuthService {
  const checked = optionsSchema.safeParse(options);
  if (!checked.success) throw new Error(`createAuthService: ${checked.error.issues[0]?.message ?? 'invalid options'}`);
  const now = options.now ?? Date.now;
  const refreshTtlSec = options.refreshTokenTtlSec ?? DEFAULT_REFRESH_TOKEN_TTL_SEC;

  const secret = loadOrCreateSigningSecret(options.stateDir);
  const revocations = openRevocationStore(options.stateDir, now);
  const index = createAccessTokenIndex(now);
  const events = createRevocationEvents();
  const tokens = createTokenIssuer({
    secret,
    revocations,
    index,
    now,
    accessTtlSec: options.tokenTtlSec,
    refreshTtlSec,
  });
  const revoker = createTokenRevoker({
    revocations,
    index,
    events,
    now,
    cutOff: () => Math.max(now(), tokens.latestIssuedAt()),
    refreshTtlSec,
  });

  const ctx: AuthContext = {
    apiKey: options.apiKey,
    now,
    clients: createClientRegistry(options.redirectUris),
    redirectUris: options.redirectUris,
    tokens,
    revoker,
    codes: createAuthorizationCodeStore(now),
    userJwtKey: deriveUserJwtKey(secret),
  };

  return {
    routes: [...createAuthorizeRoutes(ctx), createTokenRoute(ctx), ...createUserInfoRoutes(ctx), ...createSignOutRoutes(ctx)],
    verifyAccessToken: (token) => tokens.verifyAccessToken(token),
    revokeAllAccessTokens: () => revoker.revokeAllAccessTokens(),
    revokeAllTokens() {
      const cutOff = Math.max(now(), tokens.latestIssuedAt());
      for (const user of demoUsers()) revocations.revokeSubject(subjectKey({ kind: 'user', tenant: user.tenant, subject: user.username }), cutOff);
      revoker.revokeAllAccessTokens();
    },
    onRevoked: (listener) => events.subscribe(listener),
  };
}
