import { SIGN_OUT_PATH } from './auth-paths.ts';
import { apiUrl, type AuthSettings } from './auth-settings.ts';
import { clearPendingSignIn, type SessionStore } from './pending-sign-in.ts';
import type { TokenManager } from './token-manager.ts';

export interface SignOutDeps {
  readonly settings: Pick<AuthSettings, 'apiBaseUrl' | 'apiKey'>;
  readonly fetch: typeof fetch;
  readonly tokenManager: Pick<TokenManager, 'getAccessToken' | 'endSession'>;
  readonly storage: SessionStore;
}

/**
 * Signs out: the tokens are forgotten at once (the screen turns to sign-in without waiting for
 * the network), then the server is told to revoke the access token (`POST /auth/v3/sign-out`
 * needs x-api-key and the bearer, so it is a fetch, not a navigation). Its failure is ignored:
 * locally nothing is left either way.
 */
export async function signOut(deps: SignOutDeps): Promise<void> {
  const token = deps.tokenManager.getAccessToken();
  clearPendingSignIn(deps.storage);
  deps.tokenManager.endSession({ reason: 'signed-out' });
  if (token === null) return;
  try {
    await deps.fetch(apiUrl(deps.settings, SIGN_OUT_PATH), {
      method: 'POST',
      headers: { 'x-api-key': deps.settings.apiKey, authorization: `Bearer ${token}` },
      // Survives the tab being closed right after the click.
      keepalive: true,
    });
  } catch {
    // Offline or server down: the token dies with its expiry; nothing to show the user.
  }
}
