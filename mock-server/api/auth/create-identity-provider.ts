import { z } from 'zod';
import type { Route } from '../http-types.ts';
import { createAccessTokenIndex } from './access-token-index.ts';
import type { AuthContext, OAuthPaths } from './auth-context.ts';
import type { TokenVerifier } from './auth-types.ts';
import { createAuthorizationCodeStore } from './authorization-codes.ts';
import { createAuthorizeRoutes } from './authorize-routes.ts';
import { demoUsers } from './demo-identities.ts';
import { createLoginSessions } from './login-sessions.ts';
import type { OAuthDialect } from './oauth-dialect.ts';
import { createClientRegistry, type OAuthClient } from './oauth-clients.ts';
import { createRevocationEvents } from './revocation-events.ts';
import { openRevocationStore } from './revocation-store.ts';
import { loadOrCreateSigningSecret } from './signing-secret.ts';
import { subjectKey } from './subject-key.ts';
import { createTokenIssuer } from './token-issuer.ts';
import { createTokenRevoker } from './token-revoker.ts';
import { createTokenRoute } from './token-route.ts';
import { deriveUserJwtKey } from './user-jwt.ts';

/** 30 days: a wall screen left alone over a long weekend still refreshes without a person. */
export const DEFAULT_REFRESH_TOKEN_TTL_SEC = 30 * 24 * 60 * 60;

/** What makes one identity provider of the mock differ from another; the OAuth machinery is shared. */
export interface IdentityProviderProfile {
  /** Written into its tokens; a verifier accepts only its own issuer's. */
  readonly issuer: string;
  readonly paths: OAuthPaths;
  /** Every API route of it needs this `x-api-key`; undefined: none (Genesys Cloud). */
  readonly apiKey: string | undefined;
  readonly clients: readonly OAuthClient[];
  readonly dialect: OAuthDialect;
  readonly signInTitle: string;
  /** The sign-in session cookie: its name, and the path prefix the browser sends it to. */
  readonly sessionCookie: { readonly name: string; readonly path: string };
  /** Its revocation facts' file under the state folder. */
  readonly stateFile: string;
}

export interface IdentityProviderOptions {
  /** Access token lifetime in seconds (`--token-ttl`). */
  readonly tokenTtlSec: number;
  /** Folder where the signing secret and revocation state persist across restarts. */
  readonly stateDir: string;
  /** Exact redirect URIs its clients may use; read at each request (the port is known late). */
  readonly redirectUris: () => readonly string[];
  /** Real clock; injectable for tests. */
  readonly now?: () => number;
  readonly refreshTokenTtlSec?: number;
}

/** One running identity provider: its shared context for vendor-specific routes, plus the OAuth routes. */
export interface IdentityProvider extends TokenVerifier {
  readonly ctx: AuthContext;
  /** `…/oauth/authorize` (GET, POST) and `…/oauth/token`. */
  readonly oauthRoutes: readonly Route[];
  /** Every access token issued so far becomes invalid; refresh tokens and sign-in sessions stay. */
  revokeAllAccessTokens(): void;
  /** Also every demo user's refresh tokens and sign-in sessions. */
  revokeAllTokens(): void;
  onRevoked(listener: (tokenIds: readonly string[] | 'all') => void): () => void;
}

const optionsSchema = z.object({
  tokenTtlSec: z.number().int('tokenTtlSec must be whole seconds').positive('tokenTtlSec must be positive'),
  stateDir: z.string().min(1, 'stateDir must not be empty'),
  refreshTokenTtlSec: z.number().int().positive().optional(),
});

/**
 * The OAuth machinery every identity provider of the mock shares: signed tokens (one signing
 * secret per state folder), revocations persisted per provider, authorization codes, clients and
 * sign-in sessions. Tokens carry the provider's issuer, so each provider's verifier refuses the others'.
 */
export function createIdentityProvider(profile: IdentityProviderProfile, options: IdentityProviderOptions): IdentityProvider {
  const checked = optionsSchema.safeParse(options);
  if (!checked.success) throw new Error(`${profile.issuer}: ${checked.error.issues[0]?.message ?? 'invalid options'}`);
  const now = options.now ?? Date.now;
  const refreshTtlSec = options.refreshTokenTtlSec ?? DEFAULT_REFRESH_TOKEN_TTL_SEC;

  const secret = loadOrCreateSigningSecret(options.stateDir);
  const revocations = openRevocationStore(options.stateDir, now, profile.stateFile);
  const index = createAccessTokenIndex(now);
  const events = createRevocationEvents();
  const tokens = createTokenIssuer({ issuer: profile.issuer, secret, revocations, index, now, accessTtlSec: options.tokenTtlSec, refreshTtlSec });
  const sessions = createLoginSessions({
    issuer: profile.issuer,
    secret,
    revocations,
    now,
    cookieName: profile.sessionCookie.name,
    cookiePath: profile.sessionCookie.path,
  });
  const cutOff = (): number => Math.max(now(), tokens.latestIssuedAt(), sessions.latestIssuedAt());
  const revoker = createTokenRevoker({ revocations, index, events, now, cutOff, refreshTtlSec });

  const ctx: AuthContext = {
    paths: profile.paths,
    apiKey: profile.apiKey,
    dialect: profile.dialect,
    signInTitle: profile.signInTitle,
    now,
    clients: createClientRegistry(options.redirectUris, profile.clients),
    redirectUris: options.redirectUris,
    tokens,
    revoker,
    codes: createAuthorizationCodeStore(now),
    sessions,
    userJwtKey: deriveUserJwtKey(secret),
  };

  return {
    ctx,
    oauthRoutes: [...createAuthorizeRoutes(ctx), createTokenRoute(ctx)],
    verifyAccessToken: (token) => tokens.verifyAccessToken(token),
    revokeAllAccessTokens: () => revoker.revokeAllAccessTokens(),
    revokeAllTokens() {
      // A subject cut-off ends the user's refresh tokens and sign-in sessions alike.
      const at = cutOff();
      for (const user of demoUsers()) revocations.revokeSubject(subjectKey({ kind: 'user', tenant: user.tenant, subject: user.username }), at);
      revoker.revokeAllAccessTokens();
    },
    onRevoked: (listener) => events.subscribe(listener),
  };
}
