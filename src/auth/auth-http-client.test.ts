import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiKeyRejectedError, NotSignedInError } from './auth-errors.ts';
import { createAuthorizedFetch, type AuthorizedFetch } from './auth-http-client.ts';
import { authSettingsFrom } from './auth-settings.ts';
import { createTokenManager, type TokenManager } from './token-manager.ts';

const API = 'http://api.wallboard.test';
const settings = authSettingsFrom({ apiBaseUrl: API, apiKey: 'demo-key', auth: { clientId: 'wallboard', flow: 'code-pkce' } }, 'http://wallboard.test');

/** The resource server accepts exactly the tokens in `valid`; the token server rotates. */
let valid: Set<string>;
let refreshes: number;
let resourceCalls: { authorization: string | null; apiKey: string | null }[];

const server = setupServer(
  http.get(`${API}/statistics/v3/thing`, ({ request }) => {
    const authorization = request.headers.get('authorization');
    resourceCalls.push({ authorization, apiKey: request.headers.get('x-api-key') });
    if (request.headers.get('x-api-key') !== 'demo-key') return HttpResponse.json({ message: 'Forbidden' }, { status: 403 });
    if (!authorization || !valid.has(authorization.replace(/^Bearer /, ''))) {
      return HttpResponse.json({ status: { code: 401, message: 'Unauthorized' } }, { status: 401 });
    }
    return HttpResponse.json({ status: { code: 0 }, data: 'ok' });
  }),
  http.post(`${API}/auth/v3/oauth/token`, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    if (form.get('refresh_token') !== `refresh-${refreshes + 1}`) {
      return HttpResponse.json({ error: 'invalid_grant', error_description: 'Refresh token already used' }, { status: 400 });
    }
    refreshes += 1;
    const access = `access-${refreshes + 1}`;
    valid.add(access);
    return HttpResponse.json({ access_token: access, expires_in: 3600, refresh_token: `refresh-${refreshes + 1}`, scope: '*', token_type: 'bearer' });
  }),
);

describe('createAuthorizedFetch', () => {
  let manager: TokenManager;
  let authorizedFetch: AuthorizedFetch;

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    valid = new Set(['access-1']);
    refreshes = 0;
    resourceCalls = [];
    manager = createTokenManager({ settings, fetch: (input, init) => fetch(input, init) });
    authorizedFetch = createAuthorizedFetch(manager, settings);
    manager.signIn({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresInSec: 3600 });
  });
  afterEach(() => {
    manager.dispose();
    server.resetHandlers();
  });
  afterAll(() => server.close());

  it('should send x-api-key and the bearer token to a path under apiBaseUrl', async () => {
    const response = await authorizedFetch('/statistics/v3/thing', { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    expect(resourceCalls).toEqual([{ authorization: 'Bearer access-1', apiKey: 'demo-key' }]);
  });

  it('should answer a 401 with one refresh and one retry', async () => {
    valid = new Set();
    const response = await authorizedFetch('/statistics/v3/thing');
    expect(response.status).toBe(200);
    expect(refreshes).toBe(1);
    expect(resourceCalls.map((call) => call.authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(manager.getState().status).toBe('signed-in');
  });

  it('should refresh once for many requests refused together', async () => {
    valid = new Set();
    const responses = await Promise.all([1, 2, 3, 4].map(() => authorizedFetch('/statistics/v3/thing')));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect(refreshes).toBe(1);
  });

  it('should sign out with session-expired when the retried request gets 401 again', async () => {
    valid = new Set();
    server.use(http.get(`${API}/statistics/v3/thing`, () => HttpResponse.json({ status: { code: 401 } }, { status: 401 })));
    const response = await authorizedFetch('/statistics/v3/thing');
    expect(response.status).toBe(401);
    expect(refreshes).toBe(1);
    expect(manager.getState()).toEqual({ status: 'signed-out', cause: { reason: 'session-expired' } });
    expect(manager.getAccessToken()).toBeNull();
  });

  it('should sign out with session-expired when the refresh is refused, without retrying', async () => {
    valid = new Set();
    server.use(http.post(`${API}/auth/v3/oauth/token`, () => HttpResponse.json({ error: 'invalid_grant' }, { status: 400 })));
    const response = await authorizedFetch('/statistics/v3/thing');
    expect(response.status).toBe(401);
    expect(resourceCalls).toHaveLength(1);
    expect(manager.getState()).toEqual({ status: 'signed-out', cause: { reason: 'session-expired', detail: 'invalid_grant' } });
  });

  it('should raise a configuration error on 403 Forbidden and never retry', async () => {
    const wrongKey = createAuthorizedFetch(manager, { ...settings, headers: { 'x-api-key': 'wrong-key' } });
    const failure = await wrongKey('/statistics/v3/thing').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiKeyRejectedError);
    expect(failure).toMatchObject({ kind: 'configuration', field: 'apiKey' });
    expect(resourceCalls).toHaveLength(1);
    expect(refreshes).toBe(0);
  });

  it('should hand other 403s back as responses', async () => {
    server.use(http.get(`${API}/statistics/v3/thing`, () => HttpResponse.json({ status: { code: 403, message: 'Not signed in' } }, { status: 403 })));
    const response = await authorizedFetch('/statistics/v3/thing');
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ status: { code: 403, message: 'Not signed in' } });
  });

  it('should send nothing while signed out', async () => {
    manager.endSession({ reason: 'signed-out' });
    await expect(authorizedFetch('/statistics/v3/thing')).rejects.toBeInstanceOf(NotSignedInError);
    expect(resourceCalls).toEqual([]);
  });

  it('should replay a JSON body on the retry', async () => {
    valid = new Set();
    const bodies: string[] = [];
    server.use(
      http.post(`${API}/statistics/v3/subscriptions`, async ({ request }) => {
        bodies.push(await request.text());
        const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
        return valid.has(token) ? HttpResponse.json({ status: { code: 0 } }) : new HttpResponse(null, { status: 401 });
      }),
    );
    const body = JSON.stringify({ operationId: 'op-1' });
    const response = await authorizedFetch('/statistics/v3/subscriptions', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(200);
    expect(bodies).toEqual([body, body]);
  });
});
