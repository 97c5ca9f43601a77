import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authSettingsFrom, type AuthConfig } from './auth-settings.ts';
import { exchangeCode, readRedirectCallback, resetRedirectCallbacks } from './callback.ts';
import { savePendingSignIn, type PendingSignIn } from './pending-sign-in.ts';
import { createAddressBar, createFakeFetch, createMemoryStorage, jsonResponse, tokenBody, type FakeFetch } from './test-support/fake-fetch.ts';
import { handleRedirectCallback, type CallbackDeps } from './test-support/handle-callback.ts';

const ORIGIN = 'http://wallboard.test';
const TOKEN_PATH = '/auth/v3/oauth/token';
const codeConfig: AuthConfig = { apiKey: 'demo-key', auth: { clientId: 'wallboard', flow: 'code-pkce' } };
const implicitConfig: AuthConfig = { apiKey: 'demo-key', auth: { clientId: 'wallboard', flow: 'implicit' } };
const VERIFIER = 'v'.repeat(43);

function pendingFor(flow: PendingSignIn['flow'], state = 'good-state'): PendingSignIn {
  return {
    state,
    sourceId: 'default',
    flow,
    codeVerifier: flow === 'code-pkce' ? VERIFIER : undefined,
    redirectUri: `${ORIGIN}/auth/callback`,
    returnTo: '/kiosk?board=skills',
    createdAt: 0,
  };
}

describe('handleRedirectCallback', () => {
  let storage: Storage;
  let server: FakeFetch;

  beforeEach(() => {
    resetRedirectCallbacks();
    storage = createMemoryStorage();
    server = createFakeFetch(() => tokenBody('access-1', 'refresh-1', 60));
  });
  afterEach(() => resetRedirectCallbacks());

  function deps(config: AuthConfig = codeConfig): CallbackDeps {
    return { settings: authSettingsFrom(config, ORIGIN), fetch: server.fetch, storage, now: () => 1_000 };
  }

  it('should leave a normal page alone', async () => {
    const bar = createAddressBar(`${ORIGIN}/kiosk?board=queues&code=not-ours`);
    expect(await handleRedirectCallback(bar.location, bar.history, deps())).toEqual({ kind: 'none' });
    expect(bar.replaced).toEqual([]);
  });

  it('should exchange the code once with the stored verifier and go back where the user was', async () => {
    savePendingSignIn(storage, pendingFor('code-pkce'));
    const bar = createAddressBar(`${ORIGIN}/auth/callback?code=abc&state=good-state`);
    const result = await handleRedirectCallback(bar.location, bar.history, deps());
    expect(result).toEqual({ kind: 'signed-in', grant: { accessToken: 'access-1', refreshToken: 'refresh-1', expiresInSec: 60 }, returnTo: '/kiosk?board=skills' });
    const [exchange] = server.to(TOKEN_PATH);
    expect(exchange?.method).toBe('POST');
    expect(exchange?.headers.get('x-api-key')).toBe('demo-key');
    expect(exchange?.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded\b/);
    expect(Object.fromEntries(exchange?.form ?? [])).toEqual({
      grant_type: 'authorization_code',
      code: 'abc',
      redirect_uri: `${ORIGIN}/auth/callback`,
      code_verifier: VERIFIER,
      client_id: 'wallboard',
    });
    expect(bar.location.href).toBe(`${ORIGIN}/kiosk?board=skills`);
  });

  it('should strip code and state from the address bar before the exchange answers, keeping other params', async () => {
    savePendingSignIn(storage, pendingFor('code-pkce'));
    const bar = createAddressBar(`${ORIGIN}/auth/callback?lang=de&code=abc&state=good-state&iss=x`);
    const result = handleRedirectCallback(bar.location, bar.history, deps());
    expect(bar.location.href).toBe(`${ORIGIN}/kiosk?board=skills&lang=de`);
    expect(bar.location.href).not.toMatch(/code|state/);
    await result;
  });

  it('should refuse a forged state and not exchange the code', async () => {
    savePendingSignIn(storage, pendingFor('code-pkce'));
    const bar = createAddressBar(`${ORIGIN}/auth/callback?code=stolen&state=forged`);
    const result = await handleRedirectCallback(bar.location, bar.history, deps());
    expect(result).toEqual({ kind: 'failed', cause: { reason: 'state-mismatch' } });
    expect(server.requests).toEqual([]);
    expect(bar.location.href).toBe(`${ORIGIN}/`);
  });

  it('should refuse a callback this tab did not start, without exchanging the code', async () => {
    const bar = createAddressBar(`${ORIGIN}/auth/callback?code=abc&state=good-state`);
    const result = await handleRedirectCallback(bar.location, bar.history, deps());
    expect(result).toEqual({ kind: 'failed', cause: { reason: 'unexpected-callback' } });
    expect(server.requests).toEqual([]);
    expect(bar.location.href).toBe(`${ORIGIN}/`);
  });

  it('should use a pending attempt only once: a replayed callback is refused', async () => {
    savePendingSignIn(storage, pendingFor('code-pkce'));
    const first = createAddressBar(`${ORIGIN}/auth/callback?code=abc&state=good-state`);
    await handleRedirectCallback(first.location, first.history, deps());
    const replay = createAddressBar(`${ORIGIN}/auth/callback?code=def&state=good-state`);
    expect(await handleRedirectCallback(replay.location, replay.history, deps())).toEqual({ kind: 'failed', cause: { reason: 'unexpected-callback' } });
    expect(server.to(TOKEN_PATH)).toHaveLength(1);
  });

  it('should exchange a code exactly once when asked twice (StrictMode, a second session object)', async () => {
    const settings = deps().settings;
    const [a, b] = await Promise.all([
      exchangeCode(settings, server.fetch, pendingFor('code-pkce'), 'abc'),
      exchangeCode(settings, server.fetch, pendingFor('code-pkce'), 'abc'),
    ]);
    expect(server.to(TOKEN_PATH)).toHaveLength(1);
    expect(a).toEqual(b);
    expect(a.ok).toBe(true);
  });

  it('should tell which source a callback answers by its state', async () => {
    savePendingSignIn(storage, { ...pendingFor('code-pkce', 'engage-state'), sourceId: 'engage' });
    savePendingSignIn(storage, { ...pendingFor('code-pkce', 'cloud-state'), sourceId: 'cloud', returnTo: '/?board=cloud' });
    const bar = createAddressBar(`${ORIGIN}/auth/callback?code=abc&state=cloud-state`);
    const read = readRedirectCallback(bar.location, bar.history, { storage, now: () => 1_000, redirectPaths: ['/auth/callback'] });
    expect(read.kind === 'answered' && [read.pending.sourceId, read.answer]).toEqual(['cloud', { kind: 'code', code: 'abc' }]);
    expect(read.attempts.map((p) => p.sourceId)).toEqual(['engage']);
    expect(bar.location.href).toBe(`${ORIGIN}/?board=cloud`);
  });

  it("should show the server's error and exchange nothing", async () => {
    savePendingSignIn(storage, pendingFor('code-pkce'));
    const bar = createAddressBar(`${ORIGIN}/auth/callback?error=access_denied&error_description=User+said+no&state=good-state`);
    expect(await handleRedirectCallback(bar.location, bar.history, deps())).toEqual({
      kind: 'failed',
      cause: { reason: 'authorization-error', detail: 'User said no' },
    });
    expect(server.requests).toEqual([]);
    expect(bar.location.href).toBe(`${ORIGIN}/kiosk?board=skills`);
  });

  it('should report a refused exchange with the server description', async () => {
    server = createFakeFetch(() => jsonResponse({ error: 'invalid_grant', error_description: 'Authorization code expired' }, 400));
    savePendingSignIn(storage, pendingFor('code-pkce'));
    const bar = createAddressBar(`${ORIGIN}/auth/callback?code=old&state=good-state`);
    expect(await handleRedirectCallback(bar.location, bar.history, deps())).toEqual({
      kind: 'failed',
      cause: { reason: 'token-exchange-failed', detail: 'Authorization code expired' },
    });
  });

  it('should call a 403 Forbidden at the token endpoint a configuration error', async () => {
    server = createFakeFetch(() => jsonResponse({ message: 'Forbidden' }, 403));
    savePendingSignIn(storage, pendingFor('code-pkce'));
    const bar = createAddressBar(`${ORIGIN}/auth/callback?code=abc&state=good-state`);
    expect(await handleRedirectCallback(bar.location, bar.history, deps())).toEqual({ kind: 'failed', cause: { reason: 'configuration-error' } });
  });

  it('should take the implicit grant from the fragment and strip it at once', async () => {
    savePendingSignIn(storage, pendingFor('implicit'));
    const bar = createAddressBar(`${ORIGIN}/auth/callback#access_token=tok-1&token_type=bearer&expires_in=3600&scope=*&state=good-state`);
    const result = handleRedirectCallback(bar.location, bar.history, deps(implicitConfig));
    expect(bar.location.href).toBe(`${ORIGIN}/kiosk?board=skills`);
    expect(await result).toEqual({ kind: 'signed-in', grant: { accessToken: 'tok-1', expiresInSec: 3600 }, returnTo: '/kiosk?board=skills' });
    expect(server.requests).toEqual([]);
  });

  it('should refuse an implicit-grant fragment with a forged state', async () => {
    savePendingSignIn(storage, pendingFor('implicit'));
    const bar = createAddressBar(`${ORIGIN}/auth/callback#access_token=tok-1&token_type=bearer&expires_in=3600&state=forged`);
    expect(await handleRedirectCallback(bar.location, bar.history, deps(implicitConfig))).toEqual({ kind: 'failed', cause: { reason: 'state-mismatch' } });
    expect(bar.location.href).toBe(`${ORIGIN}/`);
  });

  it('should refuse a token in the fragment when this tab asked for a code (implicit grant off)', async () => {
    savePendingSignIn(storage, pendingFor('code-pkce'));
    const bar = createAddressBar(`${ORIGIN}/auth/callback#access_token=tok-1&token_type=bearer&expires_in=3600&state=good-state`);
    expect(await handleRedirectCallback(bar.location, bar.history, deps())).toEqual({ kind: 'failed', cause: { reason: 'unexpected-callback' } });
    expect(bar.location.href).not.toMatch(/tok-1/);
  });

  it('should refuse a malformed implicit fragment', async () => {
    savePendingSignIn(storage, pendingFor('implicit'));
    const bar = createAddressBar(`${ORIGIN}/auth/callback#access_token=tok-1&token_type=mac&expires_in=soon&state=good-state`);
    const result = await handleRedirectCallback(bar.location, bar.history, deps(implicitConfig));
    expect(result.kind === 'failed' && result.cause.reason).toBe('token-exchange-failed');
  });
});
