import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  API_KEY,
  basicAuth,
  createPkcePair,
  createTestClock,
  header,
  makeStateDir,
  redirectOf,
  REDIRECT_URI,
  removeStateDirs,
  ROOT_REDIRECT_URI,
  setCookieValue,
  type TestClock,
} from '../auth/auth-test-kit.ts';
import { AUTH_PREFIX } from '../auth/auth-paths.ts';
import type { AuthService } from '../auth/auth-types.ts';
import { createAuthService } from '../auth/create-auth-service.ts';
import type { ApiResponse } from '../http-types.ts';
import { createRouter, dispatch, type Router } from '../router.ts';
import { GC_AUTHORIZE_PATH, GC_LOGIN_PREFIX, GC_LOGOUT_PATH, GC_TOKEN_PATH } from './login-paths.ts';
import { createGenesysCloudLogin, GC_SESSION_COOKIE, type GenesysCloudLogin } from './login-service.ts';

const ORIGIN = 'http://localhost:8080';
const TTL_SEC = 900;
const SERVICE = basicAuth('wallboard-service', 'wallboard-service-secret');

interface Call {
  readonly method?: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly cookies?: Readonly<Record<string, string>>;
}

interface TokenAnswer {
  readonly access_token: string;
  readonly token_type: string;
  readonly expires_in: number;
  readonly refresh_token?: string;
}

/** Genesys Cloud's login and Engage's Auth v3 on one state folder, as the mock runs them. */
describe('Genesys Cloud login (/genesys-cloud/login)', () => {
  let stateDir: string;
  let clock: TestClock;
  let login: GenesysCloudLogin;
  let engage: AuthService;
  let router: Router;

  function start(): void {
    const options = { tokenTtlSec: TTL_SEC, stateDir, redirectUris: () => [REDIRECT_URI, ROOT_REDIRECT_URI], now: () => clock.now() };
    login = createGenesysCloudLogin(options);
    engage = createAuthService({ ...options, apiKey: API_KEY });
    router = createRouter([...login.routes, ...engage.routes], [GC_LOGIN_PREFIX, AUTH_PREFIX]);
  }

  beforeEach(async () => {
    stateDir = await makeStateDir();
    clock = createTestClock();
    start();
  });
  afterEach(removeStateDirs);

  async function send(call: Call): Promise<ApiResponse> {
    const url = new URL(call.path, ORIGIN);
    const response = await dispatch(router, {
      method: call.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: call.headers ?? {},
      cookies: call.cookies ?? {},
      body: call.body,
      origin: ORIGIN,
    });
    if (!response) throw new Error(`nothing served ${call.path}`);
    return response;
  }

  const token = (form: Record<string, string>, authorization?: string): Promise<ApiResponse> =>
    send({ method: 'POST', path: GC_TOKEN_PATH, body: form, ...(authorization ? { headers: { authorization } } : {}) });

  function authorizePath(params: Record<string, string>): string {
    return `${GC_AUTHORIZE_PATH}?${new URLSearchParams({ client_id: 'wallboard', redirect_uri: REDIRECT_URI, response_type: 'code', ...params }).toString()}`;
  }

  /** The sign-in form posted as the page sends it; returns the code and the session cookie. */
  async function signIn(challenge: string, username = 'supervisor'): Promise<{ code: string; cookies: Record<string, string> }> {
    const page = await send({ path: authorizePath({ state: 's', code_challenge: challenge, code_challenge_method: 'S256' }) });
    expect(page.status).toBe(200);
    for (const name of ['tenant', 'username', 'password']) expect(page.text).toContain(`name="${name}"`);
    expect(page.text).toContain(`<form method="post" action="${GC_AUTHORIZE_PATH}">`);
    expect(page.text?.match(/<button/g)).toHaveLength(1);
    const posted = await send({
      method: 'POST',
      path: GC_AUTHORIZE_PATH,
      body: { client_id: 'wallboard', redirect_uri: REDIRECT_URI, response_type: 'code', state: 's', code_challenge: challenge, code_challenge_method: 'S256', tenant: 'demo', username, password: username },
    });
    const back = redirectOf(posted);
    expect(back.searchParams.get('state')).toBe('s');
    return { code: back.searchParams.get('code') ?? '', cookies: { [GC_SESSION_COOKIE]: setCookieValue(posted, GC_SESSION_COOKIE) ?? '' } };
  }

  async function signInWithPkce(): Promise<TokenAnswer & { cookies: Record<string, string> }> {
    const pkce = createPkcePair();
    const { code, cookies } = await signIn(pkce.challenge);
    const answer = await token({ grant_type: 'authorization_code', client_id: 'wallboard', code, redirect_uri: REDIRECT_URI, code_verifier: pkce.verifier });
    expect(answer.status).toBe(200);
    return { ...(answer.json as TokenAnswer), cookies };
  }

  describe('POST /oauth/token', () => {
    it('should grant client credentials on HTTP Basic, as the official SDK sends them, with no API key and no refresh token', async () => {
      const answer = await token({ grant_type: 'client_credentials' }, SERVICE);
      expect(answer.status).toBe(200);
      expect(header(answer, 'cache-control')).toBe('no-store');
      expect(answer.json).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: TTL_SEC });
      const check = login.verifyAccessToken((answer.json as TokenAnswer).access_token);
      expect(check).toMatchObject({ ok: true, principal: { subject: 'wallboard-service', kind: 'client' } });
    });

    it('should refuse bad client credentials and a public client asking for client credentials, in OAuth JSON', async () => {
      const wrong = await token({ grant_type: 'client_credentials' }, basicAuth('wallboard-service', 'nope'));
      expect(wrong.status).toBe(401);
      expect(wrong.json).toEqual({ error: 'invalid_client', error_description: 'Bad client credentials' });
      const publicClient = await token({ grant_type: 'client_credentials', client_id: 'wallboard' });
      expect(publicClient.status).toBe(400);
      expect(publicClient.json).toMatchObject({ error: 'unauthorized_client' });
      const unknownGrant = await token({ grant_type: 'password', username: 'supervisor', password: 'supervisor' }, SERVICE);
      expect(unknownGrant.json).toMatchObject({ error: 'unauthorized_client' });
      const notAForm = await send({ method: 'POST', path: GC_TOKEN_PATH, body: [1] });
      expect(notAForm.json).toMatchObject({ error: 'invalid_request' });
    });

    it('should sign the SPA in with code + PKCE S256, then rotate its refresh token', async () => {
      const first = await signInWithPkce();
      expect(Object.keys(first).sort()).toEqual(['access_token', 'cookies', 'expires_in', 'refresh_token', 'token_type']);
      expect(first).toMatchObject({ token_type: 'bearer', expires_in: TTL_SEC });
      expect(login.verifyAccessToken(first.access_token)).toMatchObject({ ok: true, principal: { subject: 'supervisor', kind: 'user', tenant: 'demo' } });

      const refreshed = await token({ grant_type: 'refresh_token', client_id: 'wallboard', refresh_token: first.refresh_token ?? '' });
      expect(refreshed.status).toBe(200);
      expect((refreshed.json as TokenAnswer).refresh_token).not.toBe(first.refresh_token);
      const replayed = await token({ grant_type: 'refresh_token', client_id: 'wallboard', refresh_token: first.refresh_token ?? '' });
      expect(replayed.json).toMatchObject({ error: 'invalid_grant' });
    });

    it('should refuse a code without its verifier and a wrong verifier', async () => {
      const pkce = createPkcePair();
      const { code } = await signIn(pkce.challenge);
      const wrong = await token({ grant_type: 'authorization_code', client_id: 'wallboard', code, redirect_uri: REDIRECT_URI, code_verifier: createPkcePair().verifier });
      expect(wrong.status).toBe(400);
      expect(wrong.json).toMatchObject({ error: 'invalid_grant' });
    });
  });

  describe('GET|POST /oauth/authorize', () => {
    it('should demand PKCE, refuse the implicit grant and an unregistered redirect URI', async () => {
      const noPkce = redirectOf(await send({ path: authorizePath({ state: 'x' }) }));
      expect(noPkce.searchParams.get('error')).toBe('invalid_request');
      expect(noPkce.searchParams.get('state')).toBe('x');
      const implicit = redirectOf(await send({ path: authorizePath({ response_type: 'token', state: 'x' }) }));
      expect(new URLSearchParams(implicit.hash.slice(1)).get('error')).toBe('unauthorized_client');
      const elsewhere = await send({ path: authorizePath({ redirect_uri: `${ORIGIN}/auth/callback/`, code_challenge: createPkcePair().challenge, code_challenge_method: 'S256' }) });
      expect(elsewhere.status).toBe(400);
      expect(header(elsewhere, 'location')).toBeUndefined();
    });

    it('should accept Genesys Cloud scope lists', async () => {
      const page = await send({ path: authorizePath({ scope: 'analytics:readonly notifications', code_challenge: createPkcePair().challenge, code_challenge_method: 'S256' }) });
      expect(page.status).toBe(200);
      expect(page.text).toContain('value="analytics:readonly notifications"');
    });

    it('should keep a sign-in session: a code at once, prompt=none without it → login_required, logout ends it', async () => {
      const { cookies } = await signInWithPkce();
      const path = (extra: Record<string, string>): string => authorizePath({ state: 'again', code_challenge: createPkcePair().challenge, code_challenge_method: 'S256', ...extra });

      expect(redirectOf(await send({ path: path({}), cookies })).searchParams.get('code')).toBeTruthy();
      expect(redirectOf(await send({ path: path({ prompt: 'none' }), cookies })).searchParams.get('code')).toBeTruthy();
      expect((await send({ path: path({ prompt: 'login' }), cookies })).status).toBe(200);
      const refused = redirectOf(await send({ path: path({ prompt: 'none' }) }));
      expect([refused.searchParams.get('error'), refused.searchParams.get('state')]).toEqual(['login_required', 'again']);

      const out = await send({ path: GC_LOGOUT_PATH, cookies });
      expect(out.status).toBe(200);
      expect(out.text).toContain('Signed out');
      expect(header(out, 'set-cookie')).toMatch(new RegExp(`^${GC_SESSION_COOKIE}=; Path=${GC_LOGIN_PREFIX}; HttpOnly; SameSite=Lax; Max-Age=0$`));
      expect(redirectOf(await send({ path: path({ prompt: 'none' }), cookies })).searchParams.get('error')).toBe('login_required');
    });

    it('should redirect after logout only to a URI registered for the client', async () => {
      const back = await send({ path: `${GC_LOGOUT_PATH}?${new URLSearchParams({ client_id: 'wallboard', redirect_uri: ROOT_REDIRECT_URI }).toString()}` });
      expect(header(back, 'location')).toBe(ROOT_REDIRECT_URI);
      const open = await send({ path: `${GC_LOGOUT_PATH}?${new URLSearchParams({ client_id: 'wallboard', redirect_uri: 'https://evil.example/' }).toString()}` });
      expect(open.status).toBe(400);
      expect(header(open, 'location')).toBeUndefined();
    });

    it('should end sessions and refresh tokens on revokeAllTokens, and survive a restart otherwise', async () => {
      const kept = await signInWithPkce();
      start();
      expect(login.verifyAccessToken(kept.access_token).ok).toBe(true);
      const again = authorizePath({ prompt: 'none', code_challenge: createPkcePair().challenge, code_challenge_method: 'S256' });
      expect(redirectOf(await send({ path: again, cookies: kept.cookies })).searchParams.get('code')).toBeTruthy();

      login.revokeAllTokens();
      expect(login.verifyAccessToken(kept.access_token)).toEqual({ ok: false, reason: 'revoked' });
      expect(redirectOf(await send({ path: again, cookies: kept.cookies })).searchParams.get('error')).toBe('login_required');
      const refresh = await token({ grant_type: 'refresh_token', client_id: 'wallboard', refresh_token: kept.refresh_token ?? '' });
      expect(refresh.json).toMatchObject({ error: 'invalid_grant' });
    });
  });

  describe('tokens per identity provider', () => {
    it('should refuse a Genesys Cloud token at Engage and an Engage token at Genesys Cloud', async () => {
      const gc = await signInWithPkce();
      const engageAnswer = await send({ method: 'POST', path: '/auth/v3/oauth/token', headers: { 'x-api-key': API_KEY, authorization: SERVICE }, body: { grant_type: 'password', username: 'supervisor', password: 'supervisor' } });
      const engageTokens = engageAnswer.json as TokenAnswer;

      expect(engage.verifyAccessToken(gc.access_token)).toEqual({ ok: false, reason: 'invalid' });
      expect(login.verifyAccessToken(engageTokens.access_token)).toEqual({ ok: false, reason: 'invalid' });
      expect(engage.verifyAccessToken(engageTokens.access_token).ok).toBe(true);
      const userinfo = await send({ path: '/auth/v3/userinfo', headers: { 'x-api-key': API_KEY, authorization: `Bearer ${gc.access_token}` } });
      expect(userinfo.status).toBe(401);

      // Refresh tokens and sign-in sessions stay with their provider too.
      const gcRefreshAtEngage = await send({
        method: 'POST',
        path: '/auth/v3/oauth/token',
        headers: { 'x-api-key': API_KEY },
        body: { grant_type: 'refresh_token', client_id: 'wallboard', refresh_token: gc.refresh_token ?? '' },
      });
      expect(gcRefreshAtEngage.json).toEqual({ error: 'invalid_grant', error_description: 'Invalid refresh token' });
      const engageAuthorize = `/auth/v3/oauth/authorize?${new URLSearchParams({ client_id: 'wallboard', redirect_uri: REDIRECT_URI, response_type: 'code', prompt: 'none', code_challenge: createPkcePair().challenge, code_challenge_method: 'S256' }).toString()}`;
      const asEngageSession = { auth_v3_session: gc.cookies[GC_SESSION_COOKIE] ?? '' };
      expect(redirectOf(await send({ path: engageAuthorize, cookies: asEngageSession })).searchParams.get('error')).toBe('login_required');
    });

    it('should keep revocations apart: revoking Engage leaves Genesys Cloud tokens valid', async () => {
      const gc = await signInWithPkce();
      engage.revokeAllTokens();
      expect(login.verifyAccessToken(gc.access_token).ok).toBe(true);
    });
  });
});
