import { ApiKeyRejectedError, NotSignedInError } from './auth-errors.ts';
import { isApiKeyRejection } from './api-key-rejection.ts';
import { apiUrl } from './auth-settings.ts';
import type { IdentityProviderSettings } from './identity-provider.ts';
import type { TokenManager } from './token-manager.ts';

/**
 * `fetch` for API calls: `path` is relative to `apiBaseUrl` (`/statistics/v3/…`) or absolute. It
 * sends the provider's headers (Engage's `x-api-key`) and the bearer token.
 * Resolves with the Response (including 4xx/5xx other than below) and rejects with:
 * - `ApiKeyRejectedError` on `403 {"message":"Forbidden"}` where an API key is sent (never retried);
 * - `NotSignedInError` when there is no access token (nothing is sent).
 * A 401 is answered here and only here: one refresh (shared with concurrent callers), one retry;
 * a second 401 ends the session (`session-expired`) and the 401 Response is returned.
 * Bodies must be replayable (string, URLSearchParams, Blob, FormData), not streams.
 */
export type AuthorizedFetch = (path: string, init?: RequestInit) => Promise<Response>;

function withAuthHeaders(init: RequestInit | undefined, providerHeaders: Readonly<Record<string, string>>, token: string): RequestInit {
  const headers = new Headers(init?.headers);
  for (const [name, value] of Object.entries(providerHeaders)) headers.set(name, value);
  headers.set('authorization', `Bearer ${token}`);
  return { ...init, headers };
}

export function createAuthorizedFetch(
  tokenManager: Pick<TokenManager, 'getAccessToken' | 'handleUnauthorized' | 'endSession'>,
  settings: Pick<IdentityProviderSettings, 'apiBaseUrl' | 'headers'>,
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
): AuthorizedFetch {
  async function send(url: string, init: RequestInit | undefined, token: string): Promise<Response> {
    const response = await fetchFn(url, withAuthHeaders(init, settings.headers, token));
    if ('x-api-key' in settings.headers && (await isApiKeyRejection(response))) throw new ApiKeyRejectedError(url);
    return response;
  }

  return async (path, init) => {
    const url = apiUrl(settings, path);
    const token = tokenManager.getAccessToken();
    if (token === null) throw new NotSignedInError();
    const first = await send(url, init, token);
    if (first.status !== 401) return first;

    const renewed = await tokenManager.handleUnauthorized(token);
    const next = tokenManager.getAccessToken();
    if (!renewed || next === null) return first;
    const second = await send(url, init, next);
    // A fresh token refused too: nothing more a client can do but ask the user to sign in.
    if (second.status === 401 && tokenManager.getAccessToken() === next) tokenManager.endSession({ reason: 'session-expired' });
    return second;
  };
}
