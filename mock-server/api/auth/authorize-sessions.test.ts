import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  basicAuth,
  bearer,
  createHarness,
  createPkcePair,
  header,
  postToken,
  redirectOf,
  REDIRECT_URI,
  removeStateDirs,
  setCookieValue,
  tokenBody,
  type AuthHarness,
} from './auth-test-kit.ts';
import { AUTHORIZE_PATH, SIGN_OUT_PATH } from './auth-paths.ts';
import { AUTH_V3_SESSION_COOKIE } from './create-auth-service.ts';

const SERVICE = basicAuth('wallboard-service', 'wallboard-service-secret');

/** The sign-in session the Auth v3 sign-in page keeps, as real identity providers do. */
describe('Auth v3 sign-in sessions', () => {
  let h: AuthHarness;

  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(removeStateDirs);

  /** The sign-in form's POST, as the page sends it. */
  function postForm(username: string, password: string): ReturnType<AuthHarness['send']> {
    return h.send({
      method: 'POST',
      path: AUTHORIZE_PATH,
      apiKey: null,
      body: {
        client_id: 'wallboard',
        redirect_uri: REDIRECT_URI,
        response_type: 'code',
        code_challenge: createPkcePair().challenge,
        code_challenge_method: 'S256',
        tenant: 'demo',
        username,
        password,
      },
    });
  }

  /** Signs in on the form and returns the browser's session cookie. */
  async function signInOnTheForm(username = 'supervisor'): Promise<Record<string, string>> {
    const response = await postForm(username, username);
    expect(redirectOf(response).searchParams.get('code')).toBeTruthy();
    const cookie = setCookieValue(response, AUTH_V3_SESSION_COOKIE);
    expect(cookie).toBeTruthy();
    return { [AUTH_V3_SESSION_COOKIE]: cookie ?? '' };
  }

  function authorize(cookies: Record<string, string>, extra: Record<string, string> = {}): ReturnType<AuthHarness['send']> {
    const pkce = createPkcePair();
    return h.send({
      path: authorizeUrl({
        client_id: 'wallboard',
        redirect_uri: REDIRECT_URI,
        response_type: 'code',
        state: 'again',
        code_challenge: pkce.challenge,
        code_challenge_method: 'S256',
        ...extra,
      }),
      apiKey: null,
      cookies,
    });
  }

  it('should set an httpOnly, SameSite=Lax cookie scoped to /auth/v3 on a good password only', async () => {
    const bad = await postForm('supervisor', 'wrong');
    expect(bad.status).toBe(401);
    expect(header(bad, 'set-cookie')).toBeUndefined();

    const good = await postForm('supervisor', 'supervisor');
    const setCookie = header(good, 'set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${AUTH_V3_SESSION_COOKIE}=[^;]+; Path=/auth/v3; HttpOnly; SameSite=Lax; Max-Age=\\d+$`));
  });

  it('should answer a signed-in browser with a code at once, without the form, and the code buys tokens', async () => {
    const cookies = await signInOnTheForm();
    const pkce = createPkcePair();
    const response = await h.send({
      path: authorizeUrl({ client_id: 'wallboard', redirect_uri: REDIRECT_URI, response_type: 'code', state: 's2', code_challenge: pkce.challenge, code_challenge_method: 'S256' }),
      apiKey: null,
      cookies,
    });
    const back = redirectOf(response);
    expect(back.searchParams.get('state')).toBe('s2');
    const code = back.searchParams.get('code') ?? '';
    const tokens = tokenBody(await postToken(h, { grant_type: 'authorization_code', client_id: 'wallboard', code, redirect_uri: REDIRECT_URI, code_verifier: pkce.verifier }));
    const me = await h.send({ path: '/auth/v3/userinfo', headers: bearer(tokens.access_token) });
    expect(me.json).toMatchObject({ username: 'supervisor' });
  });

  it('should answer prompt=none without a session with error=login_required and the state, never the form', async () => {
    const back = redirectOf(await authorize({}, { prompt: 'none' }));
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
    expect(back.searchParams.get('error')).toBe('login_required');
    expect(back.searchParams.get('state')).toBe('again');
    expect(back.searchParams.has('code')).toBe(false);
    // A cookie that is not a session of this provider is no session either.
    expect(redirectOf(await authorize({ [AUTH_V3_SESSION_COOKIE]: 'forged.value' }, { prompt: 'none' })).searchParams.get('error')).toBe('login_required');
  });

  it('should answer prompt=none with a code when signed in, and show the form for prompt=login', async () => {
    const cookies = await signInOnTheForm();
    expect(redirectOf(await authorize(cookies, { prompt: 'none' })).searchParams.get('code')).toBeTruthy();
    const form = await authorize(cookies, { prompt: 'login' });
    expect(form.status).toBe(200);
    expect(form.text).toContain('name="password"');
  });

  it('should end the session on sign-out: the next prompt=none is refused and the cookie is cleared', async () => {
    const cookies = await signInOnTheForm();
    const pkce = createPkcePair();
    const code = redirectOf(
      await h.send({
        path: authorizeUrl({ client_id: 'wallboard', redirect_uri: REDIRECT_URI, response_type: 'code', code_challenge: pkce.challenge, code_challenge_method: 'S256' }),
        apiKey: null,
        cookies,
      }),
    ).searchParams.get('code');
    const tokens = tokenBody(await postToken(h, { grant_type: 'authorization_code', client_id: 'wallboard', code: code ?? '', redirect_uri: REDIRECT_URI, code_verifier: pkce.verifier }));

    // Without the cookie (an API client elsewhere): the token names its session, which ends.
    const signOut = await h.send({ method: 'POST', path: SIGN_OUT_PATH, headers: bearer(tokens.access_token) });
    expect(signOut.status).toBe(200);
    expect(header(signOut, 'set-cookie')).toBeUndefined();
    expect(redirectOf(await authorize(cookies, { prompt: 'none' })).searchParams.get('error')).toBe('login_required');
  });

  it('should end the session of the cookie sent with the sign-out and clear it', async () => {
    const cookies = await signInOnTheForm();
    const other = tokenBody(await postToken(h, { grant_type: 'password', username: 'supervisor', password: 'supervisor' }, SERVICE));
    const signOut = await h.send({ method: 'POST', path: SIGN_OUT_PATH, headers: bearer(other.access_token), cookies });
    expect(setCookieValue(signOut, AUTH_V3_SESSION_COOKIE)).toBe('');
    expect(header(signOut, 'set-cookie')).toMatch(/Max-Age=0/);
    expect(redirectOf(await authorize(cookies, { prompt: 'none' })).searchParams.get('error')).toBe('login_required');
  });

  it('should end every session on admin revoke with refresh tokens, and none on a plain revoke', async () => {
    const cookies = await signInOnTheForm();
    h.service.revokeAllAccessTokens();
    expect(redirectOf(await authorize(cookies, { prompt: 'none' })).searchParams.get('code')).toBeTruthy();
    h.service.revokeAllTokens();
    expect(redirectOf(await authorize(cookies, { prompt: 'none' })).searchParams.get('error')).toBe('login_required');
    // Signing in again afterwards starts a session that works, even within the same millisecond.
    const again = await signInOnTheForm();
    expect(redirectOf(await authorize(again, { prompt: 'none' })).searchParams.get('code')).toBeTruthy();
  });

  it('should keep sessions across a restart of the mock, and ended ones ended', async () => {
    const kept = await signInOnTheForm('supervisor');
    const ended = await signInOnTheForm('kiosk');
    const tokens = tokenBody(await postToken(h, { grant_type: 'password', username: 'kiosk', password: 'kiosk' }, SERVICE));
    await h.send({ method: 'POST', path: SIGN_OUT_PATH, headers: bearer(tokens.access_token), cookies: ended });

    h = h.restart();
    expect(redirectOf(await authorize(kept, { prompt: 'none' })).searchParams.get('code')).toBeTruthy();
    expect(redirectOf(await authorize(ended, { prompt: 'none' })).searchParams.get('error')).toBe('login_required');
  });
});
