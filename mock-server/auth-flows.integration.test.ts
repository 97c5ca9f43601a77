import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from './create-mock-server.ts';
import { API_KEY, authorize, createPkce, signInWithPkce, tokenRequest, type TokenResponse } from './test-support/http-sign-in.ts';
import { startTestServer, statisticsApi } from './test-support/test-server.ts';

describe('sign-in flows over HTTP against the real mock', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startTestServer({ tokenTtlSec: 2 });
  });
  afterAll(() => server.close());

  it('should sign in with authorization code and PKCE, and the token opens the Statistics API', async () => {
    const tokens = await signInWithPkce(server.url);
    expect(tokens).toMatchObject({ token_type: 'bearer', scope: '*', expires_in: 2 });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const call = await statisticsApi(server, tokens.access_token, 'GET', 'statistic-values/Current_In_Queue?objectType=Queue&objectId=sales');
    expect(call.status).toBe(200);
    expect(call.body.status?.code).toBe(0);
  });

  it('should refuse a code exchanged with the wrong verifier', async () => {
    const pkce = createPkce();
    const redirect = `${server.url}/`;
    const { location } = await authorize(server.url, {
      response_type: 'code',
      client_id: 'wallboard',
      redirect_uri: redirect,
      state: 's1',
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    });
    const code = new URL(location ?? '').searchParams.get('code') ?? '';
    const response = await tokenRequest(server.url, {
      grant_type: 'authorization_code',
      client_id: 'wallboard',
      code,
      redirect_uri: redirect,
      code_verifier: createPkce().verifier,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('should hand out a token in the fragment with the implicit grant', async () => {
    const { status, location } = await authorize(server.url, {
      response_type: 'token',
      client_id: 'wallboard',
      redirect_uri: `${server.url}/auth/callback`,
      state: 'xyz',
    });
    expect(status).toBe(302);
    const fragment = new URLSearchParams(new URL(location ?? '').hash.slice(1));
    expect(fragment.get('token_type')).toBe('bearer');
    expect(fragment.get('state')).toBe('xyz');
    expect(fragment.get('refresh_token')).toBeNull();
    const call = await statisticsApi(server, fragment.get('access_token') ?? '', 'GET', 'statistic-values/ServiceLevel?objectType=Queue&objectId=sales');
    expect(call.status).toBe(200);
  });

  it('should rotate refresh tokens and refuse the old one', async () => {
    const first = await signInWithPkce(server.url);
    const refreshed = await tokenRequest(server.url, { grant_type: 'refresh_token', client_id: 'wallboard', refresh_token: first.refresh_token ?? '' });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as TokenResponse;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    const reused = await tokenRequest(server.url, { grant_type: 'refresh_token', client_id: 'wallboard', refresh_token: first.refresh_token ?? '' });
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('should answer 401 once an access token has expired', async () => {
    const { access_token } = await signInWithPkce(server.url);
    const read = (): Promise<number> =>
      statisticsApi(server, access_token, 'GET', 'statistic-values/ServiceLevel?objectType=Queue&objectId=sales').then((c) => c.status);
    expect(await read()).toBe(200);
    // The token lives 2 s (--token-ttl 2): wait for the condition, not for a fixed time.
    await expect.poll(read, { timeout: 6000, interval: 250 }).toBe(401);
  });

  it('should grant the confidential client with HTTP Basic and refuse bad client credentials', async () => {
    const basic = (id: string, secret: string): string => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
    const ok = await tokenRequest(server.url, { grant_type: 'client_credentials' }, { authorization: basic('wallboard-service', 'wallboard-service-secret') });
    expect(ok.status).toBe(200);
    const password = await tokenRequest(
      server.url,
      { grant_type: 'password', username: 'kiosk', password: 'kiosk' },
      { authorization: basic('wallboard-service', 'wallboard-service-secret') },
    );
    expect(password.status).toBe(200);
    const wrongUser = await tokenRequest(
      server.url,
      { grant_type: 'password', username: 'kiosk', password: 'nope' },
      { authorization: basic('wallboard-service', 'wallboard-service-secret') },
    );
    expect(wrongUser.status).toBe(400);
    expect(await wrongUser.json()).toEqual({ error: 'invalid_grant', error_description: 'Bad credentials' });
    const badClient = await tokenRequest(server.url, { grant_type: 'client_credentials' }, { authorization: basic('wallboard-service', 'wrong') });
    expect(badClient.status).toBe(401);
    expect(await badClient.json()).toEqual({ error: 'Unauthorized', error_description: 'Bad credentials' });
  });

  it('should keep tokens valid across a restart of the mock process', async () => {
    const stateDir = server.core.options.stateDir;
    const tokens = await signInWithPkce(server.url);
    const restarted = await startTestServer({ stateDir });
    try {
      const call = await statisticsApi(restarted, tokens.access_token, 'GET', 'statistic-values/ServiceLevel?objectType=Queue&objectId=sales');
      expect(call.status).toBe(200);
      const refreshed = await tokenRequest(restarted.url, { grant_type: 'refresh_token', client_id: 'wallboard', refresh_token: tokens.refresh_token ?? '' });
      expect(refreshed.status).toBe(200);
    } finally {
      await restarted.close();
    }
  });

  it('should serve userinfo and sign out', async () => {
    const { access_token } = await signInWithPkce(server.url);
    const headers = { 'x-api-key': API_KEY, authorization: `Bearer ${access_token}` };
    const info = await fetch(`${server.url}/auth/v3/userinfo`, { headers });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ username: 'supervisor' });
    const out = await fetch(`${server.url}/auth/v3/sign-out`, { method: 'POST', headers });
    expect(out.status).toBe(200);
    const after = await statisticsApi(server, access_token, 'GET', 'statistic-values/ServiceLevel?objectType=Queue&objectId=sales');
    expect(after.status).toBe(401);
  });
});
