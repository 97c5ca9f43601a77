import platformClient from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../create-mock-server.ts';
import { admin, startTestServer } from '../../test-support/test-server.ts';

/**
 * Genesys's official SDK signs a tool in at the mock's Genesys Cloud login, pointed there with its
 * documented gateway setting; the token opens Genesys Cloud only, and the admin revoke ends it.
 */
describe('Genesys Cloud login with purecloud-platform-client-v2', () => {
  let server: MockServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('should grant the SDK client credentials sent with HTTP Basic, and the admin revoke should end the token', async () => {
    const client = platformClient.ApiClient.instance;
    client.setGateway({ host: '127.0.0.1', port: Number(new URL(server.url).port), protocol: 'http', path_params_login: 'genesys-cloud/login', path_params_api: 'genesys-cloud' });
    const auth = await client.loginClientCredentialsGrant('wallboard-service', 'wallboard-service-secret');
    expect(auth.accessToken).toEqual(expect.any(String));

    expect(server.core.genesysCloudAuth.verifyAccessToken(auth.accessToken)).toMatchObject({ ok: true, principal: { subject: 'wallboard-service', kind: 'client' } });
    expect(server.core.auth.verifyAccessToken(auth.accessToken)).toEqual({ ok: false, reason: 'invalid' });

    await admin(server, 'POST', 'tokens/revoke', {});
    expect(server.core.genesysCloudAuth.verifyAccessToken(auth.accessToken)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('should answer wrong client credentials with the OAuth error', async () => {
    const client = platformClient.ApiClient.instance;
    client.setGateway({ host: '127.0.0.1', port: Number(new URL(server.url).port), protocol: 'http', path_params_login: 'genesys-cloud/login', path_params_api: 'genesys-cloud' });
    await expect(client.loginClientCredentialsGrant('wallboard-service', 'wrong')).rejects.toMatchObject({ status: 401 });
  });
});
