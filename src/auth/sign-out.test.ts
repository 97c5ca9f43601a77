import { describe, expect, it } from 'vitest';
import { authSettingsFrom } from './auth-settings.ts';
import { PENDING_SIGN_IN_KEY } from './pending-sign-in.ts';
import { signOut } from './sign-out.ts';
import { createFakeFetch, createMemoryStorage, jsonResponse, type FakeFetch, type FakeRoute } from './test-support/fake-fetch.ts';
import { createTokenManager, type TokenManager } from './token-manager.ts';

const settings = authSettingsFrom({ apiKey: 'demo-key', auth: { clientId: 'wallboard', flow: 'code-pkce' } }, 'http://wallboard.test');

function signedIn(route: FakeRoute): { server: FakeFetch; tokenManager: TokenManager; storage: Storage } {
  const server = createFakeFetch(route);
  const tokenManager = createTokenManager({ settings, fetch: server.fetch });
  tokenManager.signIn({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresInSec: 3600 });
  const storage = createMemoryStorage();
  storage.setItem(PENDING_SIGN_IN_KEY, '{}');
  return { server, tokenManager, storage };
}

describe('signOut', () => {
  it('should call POST /auth/v3/sign-out with the API key and bearer, then forget everything', async () => {
    const { server, tokenManager, storage } = signedIn(() => jsonResponse({ status: { code: 0 } }));
    await signOut({ settings, fetch: server.fetch, tokenManager, storage });
    expect(server.requests.map((request) => [request.method, request.url])).toEqual([['POST', 'http://wallboard.test/auth/v3/sign-out']]);
    expect(server.requests[0]?.headers.get('x-api-key')).toBe('demo-key');
    expect(server.requests[0]?.headers.get('authorization')).toBe('Bearer access-1');
    expect(tokenManager.getAccessToken()).toBeNull();
    expect(tokenManager.getState()).toEqual({ status: 'signed-out', cause: { reason: 'signed-out' } });
    expect(storage.length).toBe(0);
    tokenManager.dispose();
  });

  it('should sign out locally even when the server cannot be reached', async () => {
    const { server, tokenManager, storage } = signedIn(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(signOut({ settings, fetch: server.fetch, tokenManager, storage })).resolves.toBeUndefined();
    expect(tokenManager.getState().status).toBe('signed-out');
    expect(tokenManager.getAccessToken()).toBeNull();
    tokenManager.dispose();
  });

  it('should sign out locally when the server answers 401', async () => {
    const { server, tokenManager, storage } = signedIn(() => jsonResponse({ status: { code: 401 } }, 401));
    await signOut({ settings, fetch: server.fetch, tokenManager, storage });
    expect(tokenManager.getState()).toEqual({ status: 'signed-out', cause: { reason: 'signed-out' } });
    tokenManager.dispose();
  });
});
