import type { AuthorizedFetch } from './auth-http-client.ts';
import { createSessionGroup, type AuthSessionsDeps } from './auth-sessions.ts';
import { authSettingsFrom, type AuthConfig, type AuthSettings } from './auth-settings.ts';
import type { IdentityProviderSettings } from './identity-provider.ts';
import type { KeptRefreshToken } from './kept-refresh-token.ts';
import type { SignedOutCause } from './signed-out-reason.ts';
import type { TokenManager, Unsubscribe } from './token-manager.ts';

export type AuthStatus = 'signing-in' | 'signed-in' | 'signed-out';

export interface AuthSnapshot {
  readonly status: AuthStatus;
  /** Why we are signed out, when there is something to tell the user. */
  readonly cause: SignedOutCause | undefined;
  /** Changes with every sign-in; per-user caches key on it. */
  readonly sessionId: number;
}

/**
 * One source's sign-in state, outside React: created once at start-up, it completes the page's
 * sign-in (once, however often `start` is called — React StrictMode calls effects twice), owns the
 * token manager and the authorized fetch, and starts and ends sessions at its identity provider.
 */
export interface AuthSession<S extends IdentityProviderSettings = AuthSettings> {
  readonly settings: S;
  readonly tokenManager: TokenManager;
  readonly authorizedFetch: AuthorizedFetch;
  getSnapshot(): AuthSnapshot;
  subscribe(listener: () => void): Unsubscribe;
  /** Completes this page's sign-in (callback, sign-in that continues on its own, kept token); idempotent. */
  start(): Promise<void>;
  /** Goes to the authorization server; comes back to the current page. */
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  dispose(): void;
}

export interface AuthSessionDeps extends Omit<AuthSessionsDeps, 'keptRefreshToken'> {
  readonly config: AuthConfig;
  /**
   * Kiosk mode only: where the refresh token is kept so the page signs itself in again after a
   * reload or a browser restart (docs/kiosk.md). Absent: every token lives in memory only.
   */
  readonly keptRefreshToken?: KeptRefreshToken;
}

/** The session of the single-source configuration (a Genesys Engage source signing in at Auth v3). */
export function createAuthSession(deps: AuthSessionDeps): AuthSession {
  const { config, keptRefreshToken, ...rest } = deps;
  const location = deps.location ?? window.location;
  const settings = authSettingsFrom(config, new URL(location.href).origin);
  const group = createSessionGroup([settings], { ...rest, location, ...(keptRefreshToken ? { keptRefreshToken: () => keptRefreshToken } : {}) });
  const session = group.get(settings.sourceId);
  if (!session) throw new Error('the session group lost its only session');
  return session;
}
