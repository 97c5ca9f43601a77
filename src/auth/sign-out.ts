import type { IdentityProviderSettings } from './identity-provider.ts';
import { clearPendingSignIn, type SessionStore } from './pending-sign-in.ts';
import type { TokenManager } from './token-manager.ts';

export interface SignOutDeps {
  readonly settings: Pick<IdentityProviderSettings, 'sourceId' | 'kind' | 'signOutUrl' | 'headers'>;
  readonly fetch: typeof fetch;
  readonly tokenManager: Pick<TokenManager, 'getAccessToken' | 'endSession'>;
  readonly storage: SessionStore;
}

/** Tells the provider; its failure is ignored: locally nothing is left either way. */
async function tellProvider(deps: SignOutDeps, token: string): Promise<void> {
  const { settings } = deps;
  try {
    if (settings.kind === 'auth-v3') {
      // `POST /auth/v3/sign-out` needs x-api-key and the bearer, so it is a fetch, not a navigation;
      // the mock ends the provider's sign-in session with the token.
      await deps.fetch(settings.signOutUrl, {
        method: 'POST',
        headers: { ...settings.headers, authorization: `Bearer ${token}` },
        // Survives the tab being closed right after the click.
        keepalive: true,
      });
    } else {
      // Genesys Cloud's `/logout` ends the login's own session (its cookie); the SDK navigates
      // there, which would leave the page and every other source's session. A no-cors request
      // carries the cookie where the browser lets it; the access token dies with its expiry.
      await deps.fetch(settings.signOutUrl, { method: 'GET', mode: 'no-cors', credentials: 'include', keepalive: true });
    }
  } catch {
    // Offline or server down: nothing to show the user.
  }
}

/**
 * Signs out of one source: the tokens are forgotten at once (the screen turns to sign-in without
 * waiting for the network), then the provider is told.
 */
export async function signOut(deps: SignOutDeps): Promise<void> {
  const token = deps.tokenManager.getAccessToken();
  clearPendingSignIn(deps.storage, deps.settings.sourceId);
  deps.tokenManager.endSession({ reason: 'signed-out' });
  if (token === null) return;
  await tellProvider(deps, token);
}
