import { describe, expect, it } from 'vitest';
import type { Principal, TokenVerifier } from '../auth/auth-types.ts';
import type { ApiRequest } from '../http-types.ts';
import { gcRoute } from './gc-auth.ts';

const principal: Principal = { subject: 'kiosk', kind: 'user', tenant: 'demo', clientId: 'wallboard', tokenId: 't1', expiresAt: Date.now() + 60_000 };
const tokens: TokenVerifier = {
  verifyAccessToken: (token) => (token === 'good' ? { ok: true, principal } : token === undefined ? { ok: false, reason: 'missing' } : { ok: false, reason: 'expired' }),
};
const request = (authorization?: string): ApiRequest => ({
  method: 'GET',
  path: '/genesys-cloud/api/v2/x',
  params: {},
  query: new URLSearchParams(),
  headers: authorization === undefined ? {} : { authorization },
  cookies: {},
  body: undefined,
  origin: 'http://localhost',
});

describe('the Genesys Cloud route guard', () => {
  const route = gcRoute(
    { tokens, permitted: (_p, permission) => permission === 'routing:queue:view' },
    { method: 'GET', path: '/api/v2/x', permissions: ['analytics:queueObservation:view'], handler: () => ({ status: 200, json: {} }) },
  );

  it('should mount under the API root and answer 401 by the platform codes', async () => {
    expect(route.path).toBe('/genesys-cloud/api/v2/x');
    expect(await route.handler(request())).toMatchObject({ status: 401, json: { code: 'authentication.required', status: 401 } });
    expect(await route.handler(request('Bearer stale'))).toMatchObject({ status: 401, json: { code: 'bad.credentials' } });
    expect(await route.handler(request('Basic Z29vZA=='))).toMatchObject({ status: 401, json: { code: 'authentication.required' } });
  });

  it('should answer 403 naming the permissions when the token holds none of them', async () => {
    const refused = await route.handler(request('bearer good'));
    expect(refused).toMatchObject({ status: 403, json: { code: 'missing.any.permissions', status: 403 } });
    expect((refused.json as { message: string }).message).toContain('analytics:queueObservation:view');
    const open = gcRoute({ tokens }, { method: 'GET', path: '/api/v2/x', permissions: ['analytics:queueObservation:view'], handler: () => ({ status: 200, json: {} }) });
    expect((await open.handler(request('Bearer good'))).status).toBe(200);
  });
});
