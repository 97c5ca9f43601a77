import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authSettingsFrom } from './auth-settings.ts';
import { createFakeFetch, deferred, jsonResponse, tokenBody, type FakeFetch, type FakeRoute } from './test-support/fake-fetch.ts';
import { createTokenManager, type AuthState, type TokenManager } from './token-manager.ts';

const settings = authSettingsFrom({ apiKey: 'demo-key', auth: { clientId: 'wallboard', flow: 'code-pkce' } }, 'http://wallboard.test');
const TOKEN_PATH = '/auth/v3/oauth/token';

describe('createTokenManager', () => {
  let server: FakeFetch;
  let manager: TokenManager;
  let issued: number;

  /** A token server with rotation: every refresh answers a new access and refresh token. */
  const rotating: FakeRoute = () => {
    issued += 1;
    return tokenBody(`access-${issued}`, `refresh-${issued}`, 100);
  };

  function start(route: FakeRoute = rotating): void {
    server = createFakeFetch(route);
    manager = createTokenManager({ settings, fetch: server.fetch });
  }

  beforeEach(() => {
    vi.useFakeTimers();
    issued = 1;
  });
  afterEach(() => {
    manager.dispose();
    vi.useRealTimers();
  });

  describe('resume (kiosk mode: a session from a kept refresh token)', () => {
    it('should start a new session with one refresh grant and tell the kept-token listener each rotation', async () => {
      start();
      const kept: (string | undefined)[] = [];
      manager.onRefreshTokenChange((token) => kept.push(token));
      expect(await manager.resume('refresh-1')).toBe('signed-in');
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]?.form.get('refresh_token')).toBe('refresh-1');
      expect(manager.getState()).toEqual({ status: 'signed-in' });
      expect(manager.getAccessToken()).toBe('access-2');
      expect(manager.getSessionId()).toBe(1);
      await vi.advanceTimersByTimeAsync(80_000);
      expect(kept).toEqual(['refresh-2', 'refresh-3']);
    });

    it('should end in signed-out with session-expired when the server refuses the kept token', async () => {
      start(() => jsonResponse({ error: 'invalid_grant', error_description: 'Refresh token revoked' }, 400));
      const kept: (string | undefined)[] = [];
      manager.onRefreshTokenChange((token) => kept.push(token));
      expect(await manager.resume('refresh-1')).toBe('refused');
      expect(manager.getState()).toEqual({ status: 'signed-out', cause: { reason: 'session-expired', detail: 'Refresh token revoked' } });
      expect(kept).toEqual([undefined]);
    });

    it('should leave things as they were when the token endpoint cannot be reached', async () => {
      start(() => new Response('busy', { status: 503 }));
      const kept: (string | undefined)[] = [];
      manager.onRefreshTokenChange((token) => kept.push(token));
      expect(await manager.resume('refresh-1')).toBe('transient');
      expect(manager.getState().status).toBe('signed-out');
      expect(kept).toEqual([]);
    });

    it('should let a sign-in that happened meanwhile win over a late resume answer', async () => {
      const answer = deferred<Response>();
      start(() => answer.promise);
      const resumed = manager.resume('refresh-old');
      manager.signIn({ accessToken: 'access-new', refreshToken: 'refresh-new', expiresInSec: 100 });
      answer.resolve(tokenBody('access-late', 'refresh-late'));
      expect(await resumed).toBe('transient');
      expect(manager.getAccessToken()).toBe('access-new');
    });
  });

  it('should hold the access token in memory and report signed-in', () => {
    start();
    const states: AuthState[] = [];
    manager.onStateChange((state) => states.push(state));
    manager.signIn({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresInSec: 100 });
    expect(manager.getAccessToken()).toBe('access-1');
    expect(manager.getState()).toEqual({ status: 'signed-in' });
    expect(states).toEqual([{ status: 'signed-in' }]);
    expect(manager.getSessionId()).toBe(1);
    expect(sessionStorage.length + localStorage.length).toBe(0);
  });

  it('should refresh at 80 % of expires_in and keep the rotated refresh token', async () => {
    start();
    const tokens: (string | null)[] = [];
    manager.onTokenChange((token) => tokens.push(token));
    manager.signIn({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresInSec: 100 });

    await vi.advanceTimersByTimeAsync(79_999);
    expect(server.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(1);
    expect(Object.fromEntries(server.requests[0]?.form ?? [])).toEqual({ grant_type: 'refresh_token', refresh_token: 'refresh-1', client_id: 'wallboard' });
    expect(server.requests[0]?.headers.get('x-api-key')).toBe('demo-key');
    expect(manager.getAccessToken()).toBe('access-2');

    await vi.advanceTimersByTimeAsync(80_000);
    expect(server.requests[1]?.form.get('refresh_token')).toBe('refresh-2');
    expect(tokens).toEqual(['access-1', 'access-2', 'access-3']);
    expect(manager.getSessionId()).toBe(1);
  });

  it('should share one refresh request between concurrent callers (single flight)', async () => {
    const answer = deferred<Response>();
    start(() => answer.promise);
    manager.signIn({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresInSec: 100 });
    const calls = [manager.refresh(), manager.refresh(), manager.handleUnauthorized('access-1'), manager.handleUnauthorized('access-1')];
    // The request leaves a few microtasks later (the OAuth client prepares it asynchronously).
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests).toHaveLength(1);
    answer.resolve(tokenBody('access-2', 'refresh-2'));
    expect(await Promise.all(calls)).toEqual([true, true, true, true]);
    expect(server.requests).toHaveLength(1);
    expect(manager.getAccessToken()).toBe('access-2');
  });

  it('should not refresh again for a 401 on a token that was already replaced', async () => {
    start();
    manager.signIn({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresInSec: 100 });
    expect(await manager.handleUnauthorized('access-1')).toBe(true);
    expect(await manager.handleUnauthorized('access-1')).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('should sign out with session-expired when the refresh is refused', async () => {
    start(() => jsonResponse({ error: 'invalid_grant', error_description: 'Refresh token revoked' }, 400));
    const tokens: (string | null)[] = [];
    manager.onTokenChange((token) => tokens.push(token));
    manager.signIn({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresInSec: 100 });
    expect(await manager.handleUnauthorized('access-1')).toBe(false);
    expect(manager.getState()).toEqual({ status: 'signed-out', cause: { reason: 'session-expired', detail: 'Refresh token revoked' } });
    expect(manager.getAccessToken()).toBeNull();
    expect(tokens).toEqual(['access-1', null]);
  });

  it('should sign out with configuration-error when the token endpoint refuses the API key', async () => {
    start(() => jsonResponse({ message: 'Forbidden' }, 403));
    manager.signIn({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresInSec: 100 });
    await manager.refresh();
    expect(manager.getState()).toEqual({ status: 'signed-out', cause: { reason: 'configuration-error' } });
  });

  it('should stay signed in and retry later when the refresh fails for a passing reason', async () => {
    let failures = 1;
    start((request) => {
      if (failures-- > 0) return new Response('busy', { status: 503 });
      return rotating(request);
    });
    manager.signIn({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresInSec: 100 });
    await vi.advanceTimersByTimeAsync(80_000);
    expect(server.requests).toHaveLength(1);
    expect(manager.getState().status).toBe('signed-in');
    expect(manager.getAccessToken()).toBe('access-1');
    // 20 s of lifetime left: the retry comes after half of it.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.form.get('refresh_token')).toBe('refresh-1');
    expect(manager.getAccessToken()).toBe('access-2');
  });

  it('should end an implicit-grant session when its token expires (no refresh token)', async () => {
    start();
    manager.signIn({ accessToken: 'implicit-1', expiresInSec: 100 });
    await vi.advanceTimersByTimeAsync(99_999);
    expect(manager.getState().status).toBe('signed-in');
    await vi.advanceTimersByTimeAsync(1);
    expect(manager.getState()).toEqual({ status: 'signed-out', cause: { reason: 'session-expired' } });
    expect(server.requests).toEqual([]);
  });

  it('should treat a 401 without a refresh token as the end of the session', async () => {
    start();
    manager.signIn({ accessToken: 'implicit-1', expiresInSec: 100 });
    expect(await manager.handleUnauthorized('implicit-1')).toBe(false);
    expect(manager.getState()).toEqual({ status: 'signed-out', cause: { reason: 'session-expired' } });
    expect(server.requests).toEqual([]);
  });

  it('should ignore a refresh answer that arrives after sign-out', async () => {
    const answer = deferred<Response>();
    start(() => answer.promise);
    manager.signIn({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresInSec: 100 });
    const refreshing = manager.refresh();
    manager.endSession({ reason: 'signed-out' });
    answer.resolve(tokenBody('access-2', 'refresh-2'));
    expect(await refreshing).toBe(false);
    expect(manager.getAccessToken()).toBeNull();
    expect(manager.getState()).toEqual({ status: 'signed-out', cause: { reason: 'signed-out' } });
  });

  it('should stop its timers once signed out', async () => {
    start();
    manager.signIn({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresInSec: 100 });
    manager.endSession({ reason: 'signed-out' });
    await vi.advanceTimersByTimeAsync(500_000);
    expect(server.requests).toEqual([]);
  });

  it('should keep notifying the other listeners when one throws', () => {
    start();
    const seen: (string | null)[] = [];
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    manager.onTokenChange(() => {
      throw new Error('boom');
    });
    manager.onTokenChange((token) => seen.push(token));
    manager.signIn({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresInSec: 100 });
    expect(seen).toEqual(['access-1']);
    const logged = JSON.stringify(vi.mocked(console.error).mock.calls);
    expect(logged).not.toContain('access-1');
    vi.mocked(console.error).mockRestore();
  });

  it('should let a listener unsubscribe', () => {
    start();
    const seen: (string | null)[] = [];
    const stop = manager.onTokenChange((token) => seen.push(token));
    stop();
    manager.signIn({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresInSec: 100 });
    expect(seen).toEqual([]);
  });

  it('should use the injected clock and timers', async () => {
    vi.useRealTimers();
    const timers: { ms: number; run: () => void }[] = [];
    server = createFakeFetch(rotating);
    manager = createTokenManager({
      settings,
      fetch: server.fetch,
      now: () => 0,
      setTimer: (run, ms) => timers.push({ ms, run }),
      clearTimer: () => undefined,
    });
    manager.signIn({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresInSec: 43_199 });
    expect(timers.map((timer) => timer.ms)).toEqual([43_199_000 * 0.8]);
    timers[0]?.run();
    await vi.waitFor(() => expect(manager.getAccessToken()).toBe('access-2'));
    expect(server.to(TOKEN_PATH)).toHaveLength(1);
  });
});
