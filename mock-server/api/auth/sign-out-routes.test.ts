import { afterEach, describe, expect, it, vi } from 'vitest';
import { SIGN_OUT_PATH } from './auth-paths.ts';
import {
  bearer,
  createHarness,
  header,
  postToken,
  REDIRECT_URI,
  removeStateDirs,
  signInWithPkce,
  tokenBody,
  type TokenBody,
} from './auth-test-kit.ts';

afterEach(removeStateDirs);

describe('sign-out', () => {
  it('should revoke the presented token only and notify listeners with its id', async () => {
    const h = await createHarness();
    const ids: (readonly string[] | 'all')[] = [];
    h.service.onRevoked((tokenIds) => ids.push(tokenIds));
    const a = await signInWithPkce(h);
    const b = await signInWithPkce(h);
    const response = await h.send({ method: 'POST', path: SIGN_OUT_PATH, headers: bearer(a.access_token) });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: { code: 0 } });

    const check = h.service.verifyAccessToken(a.access_token);
    expect(check).toEqual({ ok: false, reason: 'revoked' });
    expect(h.service.verifyAccessToken(b.access_token).ok).toBe(true);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toHaveLength(1);
    // The signed-out token is now refused on the next call.
    expect((await h.send({ method: 'POST', path: SIGN_OUT_PATH, headers: bearer(a.access_token) })).status).toBe(401);
  });

  it('should revoke every access and refresh token of the user with global=true', async () => {
    const h = await createHarness();
    const ids: (readonly string[] | 'all')[] = [];
    h.service.onRevoked((tokenIds) => ids.push(tokenIds));
    const a = await signInWithPkce(h);
    const b = await signInWithPkce(h);
    const kiosk = await signInWithPkce(h, 'kiosk');
    const response = await h.send({ path: `${SIGN_OUT_PATH}?global=true`, headers: bearer(a.access_token) });
    expect(response.status).toBe(200);

    expect(h.service.verifyAccessToken(b.access_token)).toEqual({ ok: false, reason: 'revoked' });
    const refresh = await postToken(h, { grant_type: 'refresh_token', client_id: 'wallboard', refresh_token: b.refresh_token ?? '' });
    expect(refresh.json).toMatchObject({ error: 'invalid_grant' });
    expect(h.service.verifyAccessToken(kiosk.access_token).ok).toBe(true);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toHaveLength(2);

    // Signing in again afterwards (same frozen millisecond) works.
    const again = await signInWithPkce(h);
    expect(h.service.verifyAccessToken(again.access_token).ok).toBe(true);
  });

  it('should revoke every session of the user even when all happens within one millisecond', async () => {
    const h = await createHarness();
    const a = await signInWithPkce(h);
    const b = await signInWithPkce(h);
    h.service.revokeAllAccessTokens();
    const refresh = (token: string | undefined): Promise<TokenBody> =>
      postToken(h, { grant_type: 'refresh_token', client_id: 'wallboard', refresh_token: token ?? '' }).then(tokenBody);
    const a2 = await refresh(a.refresh_token);
    const b2 = await refresh(b.refresh_token);
    await h.send({ method: 'POST', path: `${SIGN_OUT_PATH}?global=true`, headers: bearer(a2.access_token) });
    expect(h.service.verifyAccessToken(b2.access_token)).toEqual({ ok: false, reason: 'revoked' });
    h.service.revokeAllAccessTokens();
    const c = await signInWithPkce(h);
    h.service.revokeAllAccessTokens();
    expect(h.service.verifyAccessToken(c.access_token)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('should redirect to a registered redirectUri on GET', async () => {
    const h = await createHarness();
    const tokens = await signInWithPkce(h);
    const response = await h.send({
      path: `${SIGN_OUT_PATH}?global=false&redirectUri=${encodeURIComponent(REDIRECT_URI)}`,
      headers: bearer(tokens.access_token),
    });
    expect(response.status).toBe(302);
    expect(header(response, 'location')).toBe(REDIRECT_URI);
    expect(h.service.verifyAccessToken(tokens.access_token).ok).toBe(false);
  });

  it('should refuse an unregistered redirectUri with 400 and revoke nothing', async () => {
    const h = await createHarness();
    const tokens = await signInWithPkce(h);
    const response = await h.send({
      path: `${SIGN_OUT_PATH}?redirectUri=${encodeURIComponent('https://evil.example/')}`,
      headers: bearer(tokens.access_token),
    });
    expect(response.status).toBe(400);
    expect(header(response, 'location')).toBeUndefined();
    expect(h.service.verifyAccessToken(tokens.access_token).ok).toBe(true);
  });

  it('should refuse a bad global value with 400', async () => {
    const h = await createHarness();
    const tokens = await signInWithPkce(h);
    const response = await h.send({ method: 'POST', path: `${SIGN_OUT_PATH}?global=yes`, headers: bearer(tokens.access_token) });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ status: { code: 400, message: 'global must be true or false' } });
  });

  it('should answer 401 without a valid bearer token and 403 without the API key', async () => {
    const h = await createHarness();
    for (const method of ['GET', 'POST'] as const) {
      const missing = await h.send({ method, path: SIGN_OUT_PATH });
      expect(missing.status).toBe(401);
      expect(missing.json).toMatchObject({ status: { code: 401 } });
      const garbage = await h.send({ method, path: SIGN_OUT_PATH, headers: bearer('garbage') });
      expect(garbage.status).toBe(401);
      const noKey = await h.send({ method, path: SIGN_OUT_PATH, apiKey: null });
      expect(noKey.status).toBe(403);
      expect(noKey.json).toEqual({ message: 'Forbidden' });
    }
  });

  it('should keep signing out when a listener throws', async () => {
    const h = await createHarness();
    const tokens = await signInWithPkce(h);
    h.service.onRevoked(() => {
      throw new Error('listener bug');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await h.send({ method: 'POST', path: SIGN_OUT_PATH, headers: bearer(tokens.access_token) });
    expect(response.status).toBe(200);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
