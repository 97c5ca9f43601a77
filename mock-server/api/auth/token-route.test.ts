import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN_PATH } from './auth-paths.ts';
import { basicAuth, createHarness, header, postToken, removeStateDirs, tokenBody } from './auth-test-kit.ts';

afterEach(removeStateDirs);

const SERVICE = basicAuth('wallboard-service', 'wallboard-service-secret');

describe('POST /auth/v3/oauth/token', () => {
  it('should answer 403 Forbidden without or with a wrong x-api-key, before anything else', async () => {
    const h = await createHarness();
    for (const apiKey of [null, 'wrong']) {
      const response = await h.send({ method: 'POST', path: TOKEN_PATH, apiKey, bodyError: 'too-large' });
      expect(response.status).toBe(403);
      expect(response.json).toEqual({ message: 'Forbidden' });
    }
  });

  it('should issue tokens for the password grant with HTTP Basic client authentication', async () => {
    const h = await createHarness();
    const response = await postToken(h, { grant_type: 'password', username: 'kiosk', password: 'kiosk', scope: '*' }, SERVICE);
    const body = tokenBody(response);
    expect(body).toMatchObject({ expires_in: 3600, scope: '*', token_type: 'bearer' });
    expect(body.refresh_token).toBeTruthy();
    expect(h.service.verifyAccessToken(body.access_token)).toMatchObject({
      ok: true,
      principal: { subject: 'kiosk', kind: 'user', clientId: 'wallboard-service' },
    });
  });

  it('should answer 400 invalid_grant Bad credentials for a wrong user password', async () => {
    const h = await createHarness();
    for (const [username, password] of [
      ['supervisor', 'wrong'],
      ['nobody', 'supervisor'],
    ]) {
      const response = await postToken(h, { grant_type: 'password', username: username ?? '', password: password ?? '' }, SERVICE);
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ error: 'invalid_grant', error_description: 'Bad credentials' });
    }
  });

  it('should answer 401 Unauthorized Bad credentials for bad client credentials', async () => {
    const h = await createHarness();
    for (const authorization of [
      basicAuth('wallboard-service', 'wrong'),
      basicAuth('unknown', 'x'),
      basicAuth('wallboard', 'some-secret'),
      'Basic !!!not-base64',
      `Basic ${Buffer.from('no-colon').toString('base64')}`,
    ]) {
      const response = await postToken(h, { grant_type: 'client_credentials' }, authorization);
      expect(response.status).toBe(401);
      expect(response.json).toEqual({ error: 'Unauthorized', error_description: 'Bad credentials' });
    }
  });

  it('should issue an access token without refresh token for client_credentials', async () => {
    const h = await createHarness();
    const response = await postToken(h, { grant_type: 'client_credentials' }, SERVICE);
    expect(Object.keys(response.json as object)).toEqual(['access_token', 'expires_in', 'scope', 'token_type']);
    expect(h.service.verifyAccessToken(tokenBody(response).access_token)).toMatchObject({
      ok: true,
      principal: { subject: 'wallboard-service', kind: 'client' },
    });
  });

  it('should accept client_secret in the form as an alternative to Basic', async () => {
    const h = await createHarness();
    const response = await postToken(h, {
      grant_type: 'client_credentials',
      client_id: 'wallboard-service',
      client_secret: 'wallboard-service-secret',
    });
    expect(response.status).toBe(200);
  });

  it('should refuse the confidential client without its secret', async () => {
    const h = await createHarness();
    const response = await postToken(h, { grant_type: 'client_credentials', client_id: 'wallboard-service' });
    expect(response.status).toBe(401);
  });

  it('should refuse password and client_credentials grants to the public client', async () => {
    const h = await createHarness();
    const forms: Record<string, string>[] = [
      { grant_type: 'password', client_id: 'wallboard', username: 'supervisor', password: 'supervisor' },
      { grant_type: 'client_credentials', client_id: 'wallboard' },
    ];
    for (const form of forms) {
      const response = await postToken(h, form);
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ error: 'unauthorized_client' });
    }
  });

  it('should answer unsupported_grant_type for an unknown grant', async () => {
    const h = await createHarness();
    const response = await postToken(h, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code' }, SERVICE);
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('should answer invalid_request for missing parameters', async () => {
    const h = await createHarness();
    const cases: [Record<string, string>, string | undefined][] = [
      [{}, SERVICE],
      [{ grant_type: 'password', password: 'x' }, SERVICE],
      [{ grant_type: 'password', username: 'supervisor' }, SERVICE],
      [{ grant_type: 'refresh_token' }, SERVICE],
      [{ grant_type: 'authorization_code', code: 'c', redirect_uri: 'x' }, undefined],
    ];
    for (const [form, authorization] of cases) {
      const response = await postToken(h, form, authorization);
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ error: 'invalid_request' });
      expect(header(response, 'cache-control')).toBe('no-store');
    }
  });

  it('should answer invalid_scope for a scope other than *', async () => {
    const h = await createHarness();
    const response = await postToken(h, { grant_type: 'client_credentials', scope: 'admin' }, SERVICE);
    expect(response.json).toMatchObject({ error: 'invalid_scope' });
  });

  it('should accept a JSON object body and refuse other JSON', async () => {
    const h = await createHarness();
    const ok = await h.send({
      method: 'POST',
      path: TOKEN_PATH,
      headers: { authorization: SERVICE },
      body: { grant_type: 'client_credentials' },
    });
    expect(ok.status).toBe(200);
    for (const body of [[1], 'grant_type=password', { grant_type: 42 }]) {
      const bad = await h.send({ method: 'POST', path: TOKEN_PATH, headers: { authorization: SERVICE }, body });
      expect(bad.status).toBe(400);
      expect(bad.json).toMatchObject({ error: 'invalid_request' });
    }
  });

  it('should answer unreadable bodies in the OAuth error shape', async () => {
    const h = await createHarness();
    const tooLarge = await h.send({ method: 'POST', path: TOKEN_PATH, bodyError: 'too-large' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json).toEqual({ error: 'invalid_request', error_description: 'Request body too large' });
    const malformed = await h.send({ method: 'POST', path: TOKEN_PATH, bodyError: 'malformed-json' });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ error: 'invalid_request' });
    const mediaType = await h.send({ method: 'POST', path: TOKEN_PATH, bodyError: 'unsupported-media-type' });
    expect(mediaType.status).toBe(415);
  });

  it('should answer 405 for GET on the token endpoint', async () => {
    const h = await createHarness();
    expect((await h.send({ path: TOKEN_PATH })).status).toBe(405);
  });
});
