import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuthSession } from './auth-session.ts';
import { createAuthSessions, type AuthSessions } from './auth-sessions.ts';
import { resetRedirectCallbacks } from './callback.ts';
import type { SourceAuthConfig } from './identity-provider.ts';
import { createKeptRefreshToken } from './kept-refresh-token.ts';
import { PENDING_SIGN_IN_KEY, savePendingSignIn, takePendingSignIns } from './pending-sign-in.ts';
import { createSignedInMemory, SIGNED_IN_MEMORY_KEY, type SignedInMemory } from './signed-in-memory.ts';
import { createAddressBar, createFakeFetch, createMemoryStorage, tokenBody, type FakeAddressBar, type FakeFetch } from './test-support/fake-fetch.ts';

const ORIGIN = 'http://wallboard.test';
const sources: readonly SourceAuthConfig[] = [
  { id: 'engage', kind: 'genesys-v3', apiKey: 'demo-key', auth: { clientId: 'wallboard', flow: 'code-pkce' } },
  { id: 'cloud', kind: 'genesys-cloud', apiBaseUrl: 'https://api.cloud.test', loginBaseUrl: 'https://login.cloud.test', auth: { clientId: 'gc', flow: 'code-pkce' } },
  { id: 'stats', kind: 'gws' },
];

describe('createAuthSessions: sign-ins that continue on their own, without loops', () => {
  let bar: FakeAddressBar;
  let tab: Storage;
  let local: Storage;
  let memory: SignedInMemory;
  let server: FakeFetch;
  let sessions: AuthSessions | undefined;

  beforeEach(() => {
    resetRedirectCallbacks();
    tab = createMemoryStorage();
    local = createMemoryStorage();
    memory = createSignedInMemory(local);
    server = createFakeFetch(() => tokenBody('access-1', 'refresh-1', 3600));
  });
  afterEach(() => sessions?.dispose());

  async function load(href: string): Promise<AuthSessions> {
    sessions?.dispose();
    bar = createAddressBar(href);
    sessions = createAuthSessions(sources, { location: bar.location, history: bar.history, storage: tab, signedInMemory: memory, fetch: server.fetch });
    await sessions.start();
    return sessions;
  }

  it('should make a session for each source that signs in in the browser, and none for gws', async () => {
    const page = await load(`${ORIGIN}/`);
    expect([...page.sessions.keys()]).toEqual(['engage', 'cloud']);
    expect(page.get('cloud')?.settings).toMatchObject({ kind: 'genesys-cloud', headers: {} });
    expect(bar.assigned).toEqual([]);
  });

  it('should send a remembered source to its provider with prompt=none, and wait for the Sign in button after login_required', async () => {
    memory.remember('cloud');
    const page = await load(`${ORIGIN}/?board=b`);
    expect(page.get('cloud')?.getSnapshot().status).toBe('signing-in');
    expect(page.get('engage')?.getSnapshot().status).toBe('signed-out');
    const sent = new URL(bar.assigned[0] ?? '');
    expect(`${sent.origin}${sent.pathname}`).toBe('https://login.cloud.test/oauth/authorize');
    expect(sent.searchParams.get('prompt')).toBe('none');

    const refused = await load(`${ORIGIN}/auth/callback?error=login_required&state=${sent.searchParams.get('state') ?? ''}`);
    expect(refused.get('cloud')?.getSnapshot()).toMatchObject({ status: 'signed-out', cause: undefined });
    expect(bar.assigned).toEqual([]);
    expect(bar.location.href).toBe(`${ORIGIN}/?board=b`);
    expect(memory.remembers('cloud')).toBe(false);
    await load(`${ORIGIN}/?board=b`);
    expect(bar.assigned).toEqual([]);
  });

  it('should tell the person why when a sign-in they asked for is refused', async () => {
    const page = await load(`${ORIGIN}/`);
    await page.get('engage')?.signIn();
    const state = new URL(bar.assigned[0] ?? '').searchParams.get('state') ?? '';
    const back = await load(`${ORIGIN}/auth/callback?error=access_denied&error_description=No&state=${state}`);
    expect(back.get('engage')?.getSnapshot()).toMatchObject({ status: 'signed-out', cause: { reason: 'authorization-error', detail: 'No' } });
  });

  it('should forget a source whose silent sign-in never came back (Back pressed on a provider page) and not try again', async () => {
    memory.remember('engage');
    await load(`${ORIGIN}/`);
    expect(bar.assigned).toHaveLength(1);
    const again = await load(`${ORIGIN}/`);
    expect(bar.assigned).toEqual([]);
    expect(again.get('engage')?.getSnapshot().status).toBe('signed-out');
    expect(memory.remembers('engage')).toBe(false);
  });

  it('should keep a code that came back until the last remembered source has one, then exchange both on one page', async () => {
    memory.remember('engage');
    memory.remember('cloud');
    await load(`${ORIGIN}/`);
    const first = new URL(bar.assigned[0] ?? '');
    expect(first.pathname).toBe('/auth/v3/oauth/authorize');
    await load(`${ORIGIN}/auth/callback?code=engage-code&state=${first.searchParams.get('state') ?? ''}`);
    expect(server.requests).toEqual([]);
    const second = new URL(bar.assigned[0] ?? '');
    expect(second.origin).toBe('https://login.cloud.test');
    await load(`${ORIGIN}/auth/callback?code=cloud-code&state=${second.searchParams.get('state') ?? ''}`);
    expect(server.requests.map((r) => [r.url, r.form.get('code')])).toEqual([
      [`${ORIGIN}/auth/v3/oauth/token`, 'engage-code'],
      ['https://login.cloud.test/oauth/token', 'cloud-code'],
    ]);
    expect(server.requests[0]?.headers.get('x-api-key')).toBe('demo-key');
    expect(server.requests[1]?.headers.has('x-api-key')).toBe(false);
    expect(sessions?.get('engage')?.getSnapshot().status).toBe('signed-in');
    expect(sessions?.get('cloud')?.getSnapshot().status).toBe('signed-in');
    expect(tab.getItem(PENDING_SIGN_IN_KEY)).toBeNull();
  });

  it('should forget every source when a callback answers no attempt of this tab (no loop on lost storage)', async () => {
    memory.remember('engage');
    memory.remember('cloud');
    const page = await load(`${ORIGIN}/auth/callback?code=lost&state=lost`);
    expect(page.get('engage')?.getSnapshot()).toMatchObject({ status: 'signed-out', cause: { reason: 'unexpected-callback' } });
    expect(bar.assigned).toEqual([]);
    expect(local.getItem(SIGNED_IN_MEMORY_KEY)).toBeNull();
    expect(server.requests).toEqual([]);
  });

  it('should forget a source whose code could not be exchanged', async () => {
    server = createFakeFetch(() => new Response(JSON.stringify({ error: 'invalid_grant' }), { status: 400, headers: { 'content-type': 'application/json' } }));
    memory.remember('engage');
    savePendingSignIn(tab, { state: 's', sourceId: 'engage', flow: 'code-pkce', codeVerifier: 'v'.repeat(43), redirectUri: `${ORIGIN}/auth/callback`, returnTo: '/', createdAt: Date.now(), silent: true });
    const page = await load(`${ORIGIN}/auth/callback?code=c&state=s`);
    expect(page.get('engage')?.getSnapshot()).toMatchObject({ status: 'signed-out', cause: { reason: 'token-exchange-failed' } });
    expect(memory.remembers('engage')).toBe(false);
    expect(takePendingSignIns(tab, Date.now())).toEqual([]);
  });

  it('should remember a sign-in, and forget it on sign-out and when the session ends', async () => {
    const page = await load(`${ORIGIN}/`);
    const engage = page.get('engage');
    engage?.tokenManager.signIn({ accessToken: 'a', refreshToken: 'r', expiresInSec: 3600 });
    expect(memory.remembers('engage')).toBe(true);
    expect(local.getItem(SIGNED_IN_MEMORY_KEY)).not.toMatch(/"a"|"r"|token/);
    await engage?.signOut();
    expect(memory.remembers('engage')).toBe(false);
    engage?.tokenManager.signIn({ accessToken: 'a', refreshToken: 'r', expiresInSec: 3600 });
    engage?.tokenManager.endSession({ reason: 'session-expired' });
    expect(memory.remembers('engage')).toBe(false);
  });
});

describe('createAuthSession (one source) on a kiosk page', () => {
  beforeEach(() => {
    resetRedirectCallbacks();
    localStorage.clear();
  });
  afterEach(() => localStorage.clear());

  it('should keep its refresh token and no "signed in" memory: the kept token does that job', () => {
    const bar = createAddressBar(`${ORIGIN}/kiosk?board=queues`);
    const kiosk = createMemoryStorage();
    const session = createAuthSession({
      config: { apiKey: 'demo-key', auth: { clientId: 'wallboard', flow: 'code-pkce' } },
      location: bar.location,
      history: bar.history,
      storage: createMemoryStorage(),
      keptRefreshToken: createKeptRefreshToken(kiosk),
      fetch: createFakeFetch(() => tokenBody('a', 'r')).fetch,
    });
    session.tokenManager.signIn({ accessToken: 'a', refreshToken: 'r', expiresInSec: 3600 });
    expect(createKeptRefreshToken(kiosk).read()).toBe('r');
    expect(localStorage.getItem(SIGNED_IN_MEMORY_KEY)).toBeNull();
    session.dispose();
  });

  it('should remember a normal page\'s sign-in in localStorage by default', () => {
    const bar = createAddressBar(`${ORIGIN}/`);
    const session = createAuthSession({ config: { apiKey: 'demo-key', auth: { clientId: 'wallboard', flow: 'code-pkce' } }, location: bar.location, history: bar.history, storage: createMemoryStorage() });
    session.tokenManager.signIn({ accessToken: 'a', refreshToken: 'r', expiresInSec: 3600 });
    expect(JSON.parse(localStorage.getItem(SIGNED_IN_MEMORY_KEY) ?? '{}')).toEqual({ default: { since: expect.any(Number) } });
    session.dispose();
  });

  it('should never remember an implicit-grant sign-in (it could not wait for a chain of silent sign-ins)', () => {
    const bar = createAddressBar(`${ORIGIN}/`);
    const session = createAuthSession({ config: { apiKey: 'demo-key', auth: { clientId: 'wallboard', flow: 'implicit' } }, location: bar.location, history: bar.history, storage: createMemoryStorage() });
    session.tokenManager.signIn({ accessToken: 'a', expiresInSec: 3600 });
    expect(localStorage.getItem(SIGNED_IN_MEMORY_KEY)).toBeNull();
    session.dispose();
  });
});
