// @vitest-environment node
// Node, not jsdom: the mock core reads its files through Node URLs, which jsdom's URL breaks.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAuthSessions, type AuthSessions } from './auth-sessions.ts';
import { resetRedirectCallbacks } from './callback.ts';
import type { SourceAuthConfig } from './identity-provider.ts';
import { createSignedInMemory, type SignedInMemory } from './signed-in-memory.ts';
import { createAddressBar, createMemoryStorage, type FakeAddressBar } from './test-support/fake-fetch.ts';
import { createRealMock, visitSignIn, type RealMock } from './test-support/real-mock.ts';

/**
 * Two sources signing in at the real mock's two identity providers (Auth v3 and Genesys Cloud's
 * login) on one page, through its MSW handlers; MSW keeps the providers' session cookies the way
 * a browser does. Each test is a fresh browser: its own origin, so no cookie of another test.
 */
const server = setupServer();
let origins = 0;

describe('several identity providers on one page, against the real mock', () => {
  let origin: string;
  let mock: RealMock;
  let sources: readonly SourceAuthConfig[];
  let localStore: Storage;
  let tabStore: Storage;
  let memory: SignedInMemory;
  let bar: FakeAddressBar;
  let sessions: AuthSessions;
  let authorizeVisits: string[];

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(async () => {
    resetRedirectCallbacks();
    origin = `http://wallboard-${++origins}.test`;
    mock = await createRealMock(origin);
    server.use(...mock.handlers);
    sources = [
      { id: 'engage', kind: 'genesys-v3', apiKey: 'wallboard-demo-key', auth: { clientId: 'wallboard', flow: 'code-pkce' } },
      { id: 'cloud', kind: 'genesys-cloud', apiBaseUrl: '/genesys-cloud', loginBaseUrl: '/genesys-cloud/login', auth: { clientId: 'wallboard', flow: 'code-pkce' } },
    ];
    localStore = createMemoryStorage();
    tabStore = createMemoryStorage();
    memory = createSignedInMemory(localStore);
    authorizeVisits = [];
  });
  afterEach(() => {
    sessions.dispose();
    server.resetHandlers();
    mock.core.stop();
  });
  afterAll(() => server.close());

  /** A page load at `href` in this tab: new sessions, nothing in memory but what storage keeps. */
  async function load(href: string): Promise<void> {
    sessions?.dispose();
    bar = createAddressBar(href);
    sessions = createAuthSessions(sources, { location: bar.location, history: bar.history, storage: tabStore, signedInMemory: memory, fetch: (input, init) => fetch(input, init) });
    await sessions.start();
  }

  /** Follows every navigation the page makes to a provider (typing the password where a form shows) until one stays. */
  async function settle(): Promise<number> {
    let formsShown = 0;
    for (let hops = 0; hops < 10; hops++) {
      const target = bar.assigned.at(-1);
      if (target === undefined) return formsShown;
      authorizeVisits.push(target);
      const visit = await visitSignIn(target);
      if (visit.formShown) formsShown++;
      if (visit.location === null) throw new Error(`the provider did not send the browser back from ${target}`);
      await load(visit.location);
    }
    throw new Error('the page kept leaving for a provider');
  }

  const statusOf = (id: string): string | undefined => sessions.get(id)?.getSnapshot().status;
  const tokenOf = (id: string): string => sessions.get(id)?.tokenManager.getAccessToken() ?? '';

  async function signInToBoth(): Promise<void> {
    await load(`${origin}/?board=mixed`);
    await sessions.get('engage')?.signIn();
    expect(await settle()).toBe(1);
    expect(statusOf('engage')).toBe('signed-in');
    await sessions.get('cloud')?.signIn();
    // The Genesys Cloud form; then Engage continues on its own, as the page left it for Genesys Cloud.
    expect(await settle()).toBe(1);
  }

  it('should route each callback to its own source by state and sign both in, each with its own provider\'s token', async () => {
    await signInToBoth();
    expect([statusOf('engage'), statusOf('cloud')]).toEqual(['signed-in', 'signed-in']);
    expect(bar.location.href).toBe(`${origin}/?board=mixed`);
    expect(mock.core.auth.verifyAccessToken(tokenOf('engage')).ok).toBe(true);
    expect(mock.core.genesysCloudAuth.verifyAccessToken(tokenOf('cloud')).ok).toBe(true);
    expect(mock.core.auth.verifyAccessToken(tokenOf('cloud')).ok).toBe(false);
    expect(mock.core.genesysCloudAuth.verifyAccessToken(tokenOf('engage')).ok).toBe(false);
    const me = await sessions.get('engage')?.authorizedFetch('/auth/v3/userinfo');
    expect(me?.status).toBe(200);
    expect(authorizeVisits.map((url) => new URL(url).pathname)).toEqual([
      '/auth/v3/oauth/authorize',
      '/genesys-cloud/login/oauth/authorize',
      '/auth/v3/oauth/authorize',
    ]);
    expect(new URL(authorizeVisits[2] ?? '').searchParams.get('prompt')).toBe('none');
  });

  it('should sign both in again after a reload without a password, one provider per page load', async () => {
    await signInToBoth();
    authorizeVisits = [];
    await load(`${origin}/kiosk?board=mixed`);
    expect([statusOf('engage'), statusOf('cloud')]).toEqual(['signing-in', 'signing-in']);
    expect(await settle()).toBe(0);
    expect([statusOf('engage'), statusOf('cloud')]).toEqual(['signed-in', 'signed-in']);
    expect(authorizeVisits.map((url) => new URL(url).searchParams.get('prompt'))).toEqual(['none', 'none']);
    expect(bar.location.href).toBe(`${origin}/kiosk?board=mixed`);
    // What stays in the browser: no token anywhere, only "signed in" per source.
    expect(JSON.stringify([localStore.getItem('wallboard.auth.signed-in.v1'), tabStore.length])).not.toMatch(/token|eyJ/i);
    expect(tabStore.length).toBe(0);
  });

  it('should not loop when the providers refuse: one prompt=none each, then the Sign in button', async () => {
    await signInToBoth();
    mock.core.auth.revokeAllTokens();
    mock.core.genesysCloudAuth.revokeAllTokens();
    authorizeVisits = [];
    await load(`${origin}/`);
    expect(await settle()).toBe(0);
    expect(authorizeVisits).toHaveLength(2);
    expect(sessions.get('engage')?.getSnapshot()).toMatchObject({ status: 'signed-out', cause: undefined });
    expect(statusOf('cloud')).toBe('signed-out');

    authorizeVisits = [];
    await load(`${origin}/`);
    expect(await settle()).toBe(0);
    expect(authorizeVisits).toEqual([]);
    expect([statusOf('engage'), statusOf('cloud')]).toEqual(['signed-out', 'signed-out']);
  });

  it('should forget a source that signed out, and its provider should ask for the password again', async () => {
    await signInToBoth();
    await sessions.get('cloud')?.signOut();
    expect(statusOf('cloud')).toBe('signed-out');
    await load(`${origin}/`);
    expect(await settle()).toBe(0);
    expect([statusOf('engage'), statusOf('cloud')]).toEqual(['signed-in', 'signed-out']);
    // Genesys Cloud's /logout ended its session: signing in shows the form.
    await sessions.get('cloud')?.signIn();
    expect(await settle()).toBe(1);
    expect([statusOf('engage'), statusOf('cloud')]).toEqual(['signed-in', 'signed-in']);
  });
});
