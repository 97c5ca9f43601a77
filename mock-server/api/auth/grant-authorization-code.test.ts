import { afterEach, describe, expect, it } from 'vitest';
import {
  basicAuth,
  createHarness,
  createPkcePair,
  header,
  postToken,
  REDIRECT_URI,
  removeStateDirs,
  ROOT_REDIRECT_URI,
  signInForCode,
  tokenBody,
} from './auth-test-kit.ts';

afterEach(removeStateDirs);

function exchange(code: string, verifier: string | undefined, extra: Record<string, string> = {}): Record<string, string> {
  return {
    grant_type: 'authorization_code',
    client_id: 'wallboard',
    code,
    redirect_uri: REDIRECT_URI,
    ...(verifier === undefined ? {} : { code_verifier: verifier }),
    ...extra,
  };
}

describe('authorization_code grant', () => {
  it('should exchange a code and PKCE verifier for tokens in the documented shape', async () => {
    const h = await createHarness();
    const { code, pkce } = await signInForCode(h, { state: 'abc' });
    const response = await postToken(h, exchange(code, pkce?.verifier));
    expect(response.status).toBe(200);
    expect(Object.keys(response.json as object)).toEqual(['access_token', 'expires_in', 'refresh_token', 'scope', 'token_type']);
    expect(response.json).toMatchObject({ expires_in: 3600, scope: '*', token_type: 'bearer' });
    expect(header(response, 'content-type')).toBe('application/json;charset=utf-8');
    expect(header(response, 'cache-control')).toBe('no-store');
    expect(header(response, 'pragma')).toBe('no-cache');
    const check = h.service.verifyAccessToken(tokenBody(response).access_token);
    expect(check).toMatchObject({
      ok: true,
      principal: { subject: 'supervisor', kind: 'user', tenant: 'demo', clientId: 'wallboard', expiresAt: h.clock.now() + 3_600_000 },
    });
  });

  it('should refuse a wrong code_verifier with invalid_grant', async () => {
    const h = await createHarness();
    const { code } = await signInForCode(h);
    const response = await postToken(h, exchange(code, createPkcePair().verifier));
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: 'invalid_grant' });
  });

  it('should refuse a malformed code_verifier with invalid_grant', async () => {
    const h = await createHarness();
    const { code } = await signInForCode(h);
    const response = await postToken(h, exchange(code, 'short'));
    expect(response.json).toMatchObject({ error: 'invalid_grant' });
  });

  it('should require the code_verifier when the code has a challenge', async () => {
    const h = await createHarness();
    const { code } = await signInForCode(h);
    const response = await postToken(h, exchange(code, undefined));
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: 'invalid_request' });
  });

  it('should refuse a code used twice and revoke the tokens it bought', async () => {
    const h = await createHarness();
    const { code, pkce } = await signInForCode(h);
    const first = tokenBody(await postToken(h, exchange(code, pkce?.verifier)));
    const again = await postToken(h, exchange(code, pkce?.verifier));
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ error: 'invalid_grant', error_description: 'Authorization code already used' });
    expect(h.service.verifyAccessToken(first.access_token)).toEqual({ ok: false, reason: 'revoked' });
    const refresh = await postToken(h, { grant_type: 'refresh_token', client_id: 'wallboard', refresh_token: first.refresh_token ?? '' });
    expect(refresh.json).toMatchObject({ error: 'invalid_grant' });
  });

  it('should refuse a code older than 60 seconds', async () => {
    const h = await createHarness();
    const { code, pkce } = await signInForCode(h);
    h.clock.advance(60_001);
    const response = await postToken(h, exchange(code, pkce?.verifier));
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: 'invalid_grant', error_description: 'Authorization code expired' });
  });

  it('should accept a code just before it expires', async () => {
    const h = await createHarness();
    const { code, pkce } = await signInForCode(h);
    h.clock.advance(59_000);
    expect((await postToken(h, exchange(code, pkce?.verifier))).status).toBe(200);
  });

  it('should refuse a redirect_uri other than the one sent to /authorize', async () => {
    const h = await createHarness();
    const { code, pkce } = await signInForCode(h);
    const response = await postToken(h, exchange(code, pkce?.verifier, { redirect_uri: ROOT_REDIRECT_URI }));
    expect(response.json).toMatchObject({ error: 'invalid_grant' });
  });

  it('should refuse an unknown code and a missing one', async () => {
    const h = await createHarness();
    expect((await postToken(h, exchange('nope', createPkcePair().verifier))).json).toMatchObject({ error: 'invalid_grant' });
    const missing = await postToken(h, { grant_type: 'authorization_code', client_id: 'wallboard', redirect_uri: REDIRECT_URI });
    expect(missing.json).toEqual({ error: 'invalid_request', error_description: 'code is required' });
  });

  it('should refuse a code presented by another client', async () => {
    const h = await createHarness();
    const { code } = await signInForCode(h);
    const response = await postToken(
      h,
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI },
      basicAuth('wallboard-service', 'wallboard-service-secret'),
    );
    expect(response.json).toMatchObject({ error: 'invalid_grant' });
  });

  it('should let the confidential client exchange a code with Basic and no PKCE', async () => {
    const h = await createHarness();
    const { code } = await signInForCode(h, { clientId: 'wallboard-service', pkce: null });
    const response = await postToken(
      h,
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI },
      basicAuth('wallboard-service', 'wallboard-service-secret'),
    );
    expect(tokenBody(response).refresh_token).toBeTruthy();
  });

  it('should refuse a code_verifier when the authorization request had no challenge', async () => {
    const h = await createHarness();
    const { code } = await signInForCode(h, { clientId: 'wallboard-service', pkce: null });
    const response = await postToken(
      h,
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: createPkcePair().verifier },
      basicAuth('wallboard-service', 'wallboard-service-secret'),
    );
    expect(response.json).toMatchObject({ error: 'invalid_grant' });
  });
});
