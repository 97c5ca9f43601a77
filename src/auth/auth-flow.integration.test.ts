// @vitest-environment node
// Node, not jsdom: the mock core reads its files through Node URLs, which jsdom's URL breaks.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthSession, type AuthSession } from './auth-session.ts';
import type { AuthConfig } from './auth-settings.ts';
import { resetRedirectCallbacks } from './callback.ts';
import { createKeptRefreshToken } from './kept-refresh-token.ts';
import { createAddressBar, createMemoryStorage, type FakeAddressBar } from './test-support/fake-fetch.ts';
import { createRealMock, signInAtMock } from './test-support/real-mock.ts';

/** The whole sign-in against the real mock authorization server (its MSW handlers). */
const ORIGIN = 'http://wallboard.test';
const API_KEY = 'wallboard-demo-key';
const { core, handlers } = await createRealMock(ORIGIN);
const server = setupServer(...handlers);

const codeConfig: AuthConfig = { apiKey: API_KEY, auth: { clientId: 'wallboard', flow: 'code-pkce' } };

describe('sign-in against the mock Auth v3', () => {
  let bar: FakeAddressBar;
  let session: AuthSession;
  let sent: string[];
  let storage: Storage;

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    resetRedirectCallbacks();
    sent = [];
    bar = createAddressBar(`${ORIGIN}/kiosk?board=agents`);
  });
  afterEach(() => session.dispose());
  afterAll(() => {
    server.close();
    core.stop();
  });

  function createSession(config: AuthConfig = codeConfig): AuthSession {
    storage = createMemoryStorage();
    return createAuthSession({
      config,
      location: bar.location,
      history: bar.history,
      storage,
      fetch: (input, init) => {
        sent.push(new URL(input instanceof Request ? input.url : input).pathname);
        return fetch(input, init);
      },
    });
  }

  /** What the browser does between "Sign in" and the callback: the mock's form, submitted. */
  async function signInAtTheMock(session: AuthSession): Promise<string> {
    await session.signIn();
    const { location } = await signInAtMock(ORIGIN, bar.assigned.at(-1) ?? '');
    if (!location) throw new Error('the mock did not redirect');
    return location;
  }

  async function revokeAllAccessTokens(): Promise<void> {
    expect((await fetch(`${ORIGIN}/mock/admin/tokens/revoke`, { method: 'POST' })).status).toBe(200);
  }

  it('should sign in with code + PKCE, clean the address bar and call the API', async () => {
    session = createSession();
    bar.location.href = await signInAtTheMock(session);
    expect(bar.location.href).toMatch(/^http:\/\/wallboard\.test\/auth\/callback\?code=/);

    await session.start();
    expect(session.getSnapshot().status).toBe('signed-in');
    expect(bar.location.href).toBe(`${ORIGIN}/kiosk?board=agents`);
    expect(sent.filter((path) => path === '/auth/v3/oauth/token')).toHaveLength(1);

    const me = await session.authorizedFetch('/auth/v3/userinfo');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: 'supervisor' });
  });

  it('should never log a token nor leave one in storage or the address bar', async () => {
    const logged: unknown[][] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const spies = methods.map((method) => vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args)));
    try {
      session = createSession();
      bar.location.href = await signInAtTheMock(session);
      await session.start();
      await revokeAllAccessTokens();
      await session.authorizedFetch('/auth/v3/userinfo');
      const token = session.tokenManager.getAccessToken() ?? '';
      expect(token).not.toBe('');
      expect(JSON.stringify(logged)).not.toContain(token);
      expect(storage.length).toBe(0);
      expect(bar.replaced.join(' ')).not.toMatch(/code=|access_token|state=/);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('should survive revoked access tokens with one refresh (rotation, no family revocation)', async () => {
    session = createSession();
    bar.location.href = await signInAtTheMock(session);
    await session.start();
    const first = session.tokenManager.getAccessToken();

    await revokeAllAccessTokens();
    const results = await Promise.all([1, 2, 3].map(() => session.authorizedFetch('/auth/v3/userinfo')));
    expect(results.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(sent.filter((path) => path === '/auth/v3/oauth/token')).toHaveLength(2);
    expect(session.tokenManager.getAccessToken()).not.toBe(first);

    // The rotated refresh token works again: the family was not revoked.
    await revokeAllAccessTokens();
    expect((await session.authorizedFetch('/auth/v3/userinfo')).status).toBe(200);
    expect(session.getSnapshot().status).toBe('signed-in');
  });

  it('should refuse a forged state and never send the code to the token endpoint', async () => {
    session = createSession();
    const back = new URL(await signInAtTheMock(session));
    back.searchParams.set('state', 'forged-state');
    bar.location.href = back.href;

    await session.start();
    expect(session.getSnapshot()).toMatchObject({ status: 'signed-out', cause: { reason: 'state-mismatch' } });
    expect(sent).not.toContain('/auth/v3/oauth/token');
    expect(bar.location.href).toBe(`${ORIGIN}/`);
  });

  it('should sign out at the server: the old token is dead afterwards', async () => {
    session = createSession();
    bar.location.href = await signInAtTheMock(session);
    await session.start();
    const token = session.tokenManager.getAccessToken() ?? '';

    await session.signOut();
    expect(sent.at(-1)).toBe('/auth/v3/sign-out');
    expect(session.getSnapshot()).toMatchObject({ status: 'signed-out', cause: { reason: 'signed-out' } });
    const stale = await fetch(`${ORIGIN}/auth/v3/userinfo`, { headers: { 'x-api-key': API_KEY, authorization: `Bearer ${token}` } });
    expect(stale.status).toBe(401);
  });

  it('should sign in with the implicit grant when the config turns it on', async () => {
    session = createSession({ apiKey: API_KEY, auth: { clientId: 'wallboard', flow: 'implicit' } });
    const back = await signInAtTheMock(session);
    expect(new URL(bar.assigned[0] ?? '').searchParams.get('response_type')).toBe('token');
    expect(back).toMatch(/#access_token=/);
    bar.location.href = back;

    await session.start();
    expect(session.getSnapshot().status).toBe('signed-in');
    expect(bar.location.href).toBe(`${ORIGIN}/kiosk?board=agents`);
    expect(sent).not.toContain('/auth/v3/oauth/token');
    expect((await session.authorizedFetch('/auth/v3/userinfo')).status).toBe(200);
  });

  it('should return to sign-in with session-expired when the implicit token is revoked', async () => {
    session = createSession({ apiKey: API_KEY, auth: { clientId: 'wallboard', flow: 'implicit' } });
    bar.location.href = await signInAtTheMock(session);
    await session.start();

    await revokeAllAccessTokens();
    expect((await session.authorizedFetch('/auth/v3/userinfo')).status).toBe(401);
    expect(session.getSnapshot()).toMatchObject({ status: 'signed-out', cause: { reason: 'session-expired' } });
  });

  describe('kiosk mode: the refresh token kept across reloads', () => {
    let kioskStorage: Storage;

    function createKioskSession(): AuthSession {
      storage = createMemoryStorage();
      return createAuthSession({
        config: codeConfig,
        location: bar.location,
        history: bar.history,
        storage,
        keptRefreshToken: createKeptRefreshToken(kioskStorage),
        fetch: (input, init) => {
          sent.push(new URL(input instanceof Request ? input.url : input).pathname);
          return fetch(input, init);
        },
      });
    }

    beforeEach(() => {
      kioskStorage = createMemoryStorage();
    });

    it('should sign itself in again after a reload, with one refresh grant and no sign-in page', async () => {
      session = createKioskSession();
      bar.location.href = await signInAtTheMock(session);
      await session.start();
      expect(session.getSnapshot().status).toBe('signed-in');
      const keptAfterSignIn = createKeptRefreshToken(kioskStorage).read();
      expect(keptAfterSignIn).toBeDefined();

      // The page reloads: a new session object, nothing in memory, the same kiosk storage.
      session.dispose();
      const assignedBefore = bar.assigned.length;
      sent = [];
      session = createKioskSession();
      expect(session.getSnapshot().status).toBe('signing-in');
      await session.start();
      expect(session.getSnapshot().status).toBe('signed-in');
      expect(bar.assigned).toHaveLength(assignedBefore);
      expect(sent).toEqual(['/auth/v3/oauth/token']);
      expect((await session.authorizedFetch('/auth/v3/userinfo')).status).toBe(200);
      // Rotation: the kept token is the new one; the old one is spent.
      const keptAfterReload = createKeptRefreshToken(kioskStorage).read();
      expect(keptAfterReload).toBeDefined();
      expect(keptAfterReload).not.toBe(keptAfterSignIn);
    });

    it('should show the sign-in screen with session-expired, and forget the kept token, when the server no longer grants it', async () => {
      session = createKioskSession();
      bar.location.href = await signInAtTheMock(session);
      await session.start();
      session.dispose();
      const revoked = await fetch(`${ORIGIN}/mock/admin/tokens/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshTokens: true }),
      });
      expect(revoked.status).toBe(200);

      session = createKioskSession();
      await session.start();
      expect(session.getSnapshot()).toMatchObject({ status: 'signed-out', cause: { reason: 'session-expired' } });
      expect(createKeptRefreshToken(kioskStorage).read()).toBeUndefined();
    });

    it('should forget the kept token on sign-out', async () => {
      session = createKioskSession();
      bar.location.href = await signInAtTheMock(session);
      await session.start();
      await session.signOut();
      expect(kioskStorage.length).toBe(0);
    });
  });
});
