import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SECRET_FILE } from './signing-secret.ts';
import { deriveUserJwtKey } from './user-jwt.ts';
import { JWT_USERINFO_PATH, OPENID_USERINFO_PATH, PING_PATH, USERINFO_PATH } from './auth-paths.ts';
import {
  basicAuth,
  bearer,
  createHarness,
  header,
  postToken,
  removeStateDirs,
  signInWithPkce,
  tokenBody,
} from './auth-test-kit.ts';

afterEach(removeStateDirs);

describe('user info', () => {
  it('should describe the supervisor, unwrapped', async () => {
    const h = await createHarness();
    const tokens = await signInWithPkce(h);
    const response = await h.send({ path: USERINFO_PATH, headers: { authorization: `bearer ${tokens.access_token}` } });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      username: 'supervisor',
      loginName: 'supervisor',
      cmeUserName: 'supervisor',
      dbid: 1001,
      contactCenterId: expect.any(String),
      environmentId: expect.any(String),
      authorities: [{ name: 'ROLE_SUPERVISOR' }],
    });
  });

  it('should give the kiosk user an agent role', async () => {
    const h = await createHarness();
    const tokens = await signInWithPkce(h, 'kiosk');
    const response = await h.send({ path: USERINFO_PATH, headers: bearer(tokens.access_token) });
    expect(response.json).toMatchObject({ username: 'kiosk', authorities: [{ name: 'ROLE_AGENT' }] });
  });

  it('should answer the OpenID user info', async () => {
    const h = await createHarness();
    const tokens = await signInWithPkce(h);
    const response = await h.send({ path: OPENID_USERINFO_PATH, headers: bearer(tokens.access_token) });
    expect(response.json).toEqual({
      sub: 'supervisor',
      user_name: 'supervisor',
      given_name: 'Sam',
      family_name: 'Supervisor',
      email: 'supervisor@demo.example',
      dbid: 1001,
      contact_center_id: expect.any(String),
      environment_id: expect.any(String),
      aud: 'wallboard',
      authorities: [{ name: 'ROLE_SUPERVISOR' }],
    });
  });

  it('should describe a client-credentials token as the client', async () => {
    const h = await createHarness();
    const token = tokenBody(
      await postToken(h, { grant_type: 'client_credentials' }, basicAuth('wallboard-service', 'wallboard-service-secret')),
    );
    const response = await h.send({ path: USERINFO_PATH, headers: bearer(token.access_token) });
    expect(response.json).toMatchObject({ username: 'wallboard-service', authorities: [{ name: 'ROLE_CLIENT' }] });
  });

  it('should return the user as a signed JWT in X-GWS-User', async () => {
    const h = await createHarness();
    const tokens = await signInWithPkce(h);
    const response = await h.send({ path: JWT_USERINFO_PATH, headers: bearer(tokens.access_token) });
    expect(response.json).toEqual({ status: { code: 0 } });
    const [head, payload, signature] = (header(response, 'x-gws-user') ?? '').split('.');
    expect(JSON.parse(Buffer.from(head ?? '', 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())).toMatchObject({ sub: 'supervisor' });
    const secret = Buffer.from((await readFile(join(h.stateDir, SECRET_FILE), 'utf8')).trim(), 'base64url');
    const key = deriveUserJwtKey(secret);
    expect(createHmac('sha256', key).update(`${head}.${payload}`).digest('base64url')).toBe(signature);
  });

  it('should answer 401 in the status envelope without a valid token', async () => {
    const h = await createHarness();
    const tokens = await signInWithPkce(h);
    h.clock.advance(3_600_000);
    for (const path of [USERINFO_PATH, OPENID_USERINFO_PATH, JWT_USERINFO_PATH]) {
      const missing = await h.send({ path });
      expect(missing.status).toBe(401);
      expect(missing.json).toEqual({ status: { code: 401, message: expect.any(String) } });
      expect(header(missing, 'www-authenticate')).toContain('Bearer');
      const expired = await h.send({ path, headers: bearer(tokens.access_token) });
      expect(expired.json).toEqual({ status: { code: 401, message: 'Access token expired' } });
    }
  });

  it('should answer 403 Forbidden without the API key, before checking the token', async () => {
    const h = await createHarness();
    const tokens = await signInWithPkce(h);
    for (const path of [USERINFO_PATH, OPENID_USERINFO_PATH, JWT_USERINFO_PATH, PING_PATH]) {
      for (const apiKey of [null, 'wrong']) {
        const response = await h.send({ path, apiKey, headers: bearer(tokens.access_token) });
        expect(response.status).toBe(403);
        expect(response.json).toEqual({ message: 'Forbidden' });
      }
    }
  });
});

describe('GET /auth/v3/ping', () => {
  it('should answer 200 with a valid token and 403 (not the API-key body) otherwise', async () => {
    const h = await createHarness();
    const tokens = await signInWithPkce(h);
    const ok = await h.send({ path: PING_PATH, headers: bearer(tokens.access_token) });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ status: { code: 0 } });
    const refused = await h.send({ path: PING_PATH });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ status: { code: 403 } });
  });
});
