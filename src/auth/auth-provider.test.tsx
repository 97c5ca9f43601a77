import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StrictMode, type ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthGate } from './auth-gate.tsx';
import { AuthProvider } from './auth-provider.tsx';
import { createAuthSession, type AuthSession } from './auth-session.ts';
import type { AuthConfig } from './auth-settings.ts';
import { resetRedirectCallbacks } from './callback.ts';
import { savePendingSignIn } from './pending-sign-in.ts';
import {
  createAddressBar,
  createFakeFetch,
  createMemoryStorage,
  jsonResponse,
  tokenBody,
  type FakeAddressBar,
  type FakeFetch,
} from './test-support/fake-fetch.ts';
import { useAuth } from './use-auth.ts';
import { useUserInfo } from './userinfo.ts';

const ORIGIN = 'http://wallboard.test';
const config: AuthConfig = { apiKey: 'demo-key', auth: { clientId: 'wallboard', flow: 'code-pkce' } };

function Header(): ReactElement {
  const { signOut } = useAuth();
  const user = useUserInfo();
  return (
    <header>
      <span data-testid="user">{user.data?.displayName ?? ''}</span>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </header>
  );
}

describe('AuthProvider, AuthGate and SignInScreen', () => {
  let bar: FakeAddressBar;
  let server: FakeFetch;
  let storage: Storage;
  let session: AuthSession;
  /** Every status the session went through, to catch a flash of the wrong screen. */
  let statuses: string[];

  beforeEach(() => {
    resetRedirectCallbacks();
    // What the app remembers of a sign-in lives in localStorage: each test starts as a new browser.
    localStorage.clear();
    storage = createMemoryStorage();
    server = createFakeFetch((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/auth/v3/oauth/token') return tokenBody('access-1', 'refresh-1', 3600);
      if (path === '/auth/v3/userinfo') return jsonResponse({ username: 'supervisor', authorities: [{ name: 'ROLE_SUPERVISOR' }] });
      return jsonResponse({ status: { code: 0 } });
    });
  });
  afterEach(() => {
    cleanup();
    session.dispose();
  });

  function renderApp(href: string): void {
    bar = createAddressBar(href);
    session = createAuthSession({ config, location: bar.location, history: bar.history, storage, fetch: server.fetch });
    statuses = [session.getSnapshot().status];
    session.subscribe(() => statuses.push(session.getSnapshot().status));
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <AuthProvider session={session}>
            <AuthGate>
              <Header />
            </AuthGate>
          </AuthProvider>
        </QueryClientProvider>
      </StrictMode>,
    );
  }

  it('should show the sign-in screen first and go to the authorize URL only on click', async () => {
    renderApp(`${ORIGIN}/kiosk?board=queues`);
    expect(screen.getByRole('heading', { name: 'Wallboard' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(bar.assigned).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(bar.assigned).toHaveLength(1));
    const url = new URL(bar.assigned[0] ?? '');
    expect(url.pathname).toBe('/auth/v3/oauth/authorize');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(storage.length).toBe(1);
    expect(localStorage.length).toBe(0);
  });

  it('should exchange the code exactly once under StrictMode and show the app with the user name', async () => {
    savePendingSignIn(storage, {
      state: 's-1',
      sourceId: 'default',
      flow: 'code-pkce',
      codeVerifier: 'v'.repeat(43),
      redirectUri: `${ORIGIN}/auth/callback`,
      returnTo: '/kiosk?board=agents',
      createdAt: Date.now(),
    });
    renderApp(`${ORIGIN}/auth/callback?code=c-1&state=s-1`);
    expect(screen.getByRole('status').textContent).toBe('Signing in…');
    expect(bar.location.href).toBe(`${ORIGIN}/kiosk?board=agents`);

    await waitFor(() => expect(screen.getByTestId('user').textContent).toBe('supervisor'));
    expect(server.to('/auth/v3/oauth/token')).toHaveLength(1);
    expect(statuses).toEqual(['signing-in', 'signed-in']);
    expect(server.to('/auth/v3/userinfo')[0]?.headers.get('authorization')).toBe('Bearer access-1');
  });

  it('should show why a forged callback was refused', async () => {
    savePendingSignIn(storage, {
      state: 's-1',
      sourceId: 'default',
      flow: 'code-pkce',
      codeVerifier: 'v'.repeat(43),
      redirectUri: `${ORIGIN}/auth/callback`,
      returnTo: '/',
      createdAt: Date.now(),
    });
    renderApp(`${ORIGIN}/auth/callback?code=c-1&state=forged`);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("The sign-in response did not match this browser's request (state mismatch). Sign in again.");
    expect(alert.getAttribute('data-reason')).toBe('state-mismatch');
    expect(server.requests).toEqual([]);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('should show "session expired" after the session ends on its own', async () => {
    renderApp(`${ORIGIN}/`);
    act(() => session.tokenManager.signIn({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresInSec: 3600 }));
    await screen.findByTestId('user');
    act(() => session.tokenManager.endSession({ reason: 'session-expired' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Your session expired. Sign in again.');
  });

  it('should sign out at the server and come back to the sign-in screen', async () => {
    renderApp(`${ORIGIN}/`);
    act(() => session.tokenManager.signIn({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresInSec: 3600 }));
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    await screen.findByRole('button', { name: 'Sign in' });
    expect(screen.getByTestId('sign-in-reason').textContent).toBe('You signed out.');
    await waitFor(() => expect(server.to('/auth/v3/sign-out')).toHaveLength(1));
    expect(session.tokenManager.getAccessToken()).toBeNull();
  });
});
