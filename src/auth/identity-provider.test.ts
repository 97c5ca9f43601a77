import { describe, expect, it } from 'vitest';
import { authSettingsFrom } from './auth-settings.ts';
import { identityProviderSettingsFrom, IdentityProviderConfigError, type SourceAuthConfig } from './identity-provider.ts';

const ORIGIN = 'http://localhost:8080';
const engage: SourceAuthConfig = { id: 'engage', kind: 'genesys-v3', apiKey: 'demo-key', auth: { clientId: 'wallboard', flow: 'code-pkce' } };
const cloud: SourceAuthConfig = {
  id: 'cloud',
  kind: 'genesys-cloud',
  apiBaseUrl: 'https://api.mypurecloud.de/',
  loginBaseUrl: 'https://login.mypurecloud.de',
  auth: { clientId: 'gc-client', flow: 'code-pkce' },
};

describe('identityProviderSettingsFrom', () => {
  it('should point a Genesys Engage source at Auth v3 under its API root, with its API key on every request', () => {
    expect(identityProviderSettingsFrom({ ...engage, apiBaseUrl: 'https://gws.example.com/' }, ORIGIN)).toEqual({
      sourceId: 'engage',
      kind: 'auth-v3',
      issuer: 'https://gws.example.com/auth/v3',
      authorizeUrl: 'https://gws.example.com/auth/v3/oauth/authorize',
      tokenUrl: 'https://gws.example.com/auth/v3/oauth/token',
      signOutUrl: 'https://gws.example.com/auth/v3/sign-out',
      apiBaseUrl: 'https://gws.example.com',
      clientId: 'wallboard',
      clientSecret: undefined,
      flow: 'code-pkce',
      redirectPath: '/auth/callback',
      redirectUri: `${ORIGIN}/auth/callback`,
      headers: { 'x-api-key': 'demo-key' },
      scope: '*',
    });
  });

  it('should default Engage to this origin and keep the implicit grant when configured', () => {
    const settings = identityProviderSettingsFrom({ ...engage, auth: { clientId: 'wallboard', flow: 'implicit', redirectPath: '/' } }, ORIGIN);
    expect(settings).toMatchObject({ authorizeUrl: `${ORIGIN}/auth/v3/oauth/authorize`, apiBaseUrl: ORIGIN, flow: 'implicit', redirectUri: `${ORIGIN}/` });
  });

  it('should point a Genesys Cloud source at its login root, with no API key and no scope', () => {
    expect(identityProviderSettingsFrom(cloud, ORIGIN)).toEqual({
      sourceId: 'cloud',
      kind: 'genesys-cloud',
      issuer: 'https://login.mypurecloud.de',
      authorizeUrl: 'https://login.mypurecloud.de/oauth/authorize',
      tokenUrl: 'https://login.mypurecloud.de/oauth/token',
      signOutUrl: 'https://login.mypurecloud.de/logout',
      apiBaseUrl: 'https://api.mypurecloud.de',
      clientId: 'gc-client',
      clientSecret: undefined,
      flow: 'code-pkce',
      redirectPath: '/auth/callback',
      redirectUri: `${ORIGIN}/auth/callback`,
      headers: {},
      scope: undefined,
    });
  });

  it('should take relative roots on this origin (the mock serves every vendor on one)', () => {
    const settings = identityProviderSettingsFrom({ ...cloud, apiBaseUrl: '/genesys-cloud', loginBaseUrl: '/genesys-cloud/login/' }, ORIGIN);
    expect(settings).toMatchObject({ authorizeUrl: `${ORIGIN}/genesys-cloud/login/oauth/authorize`, apiBaseUrl: `${ORIGIN}/genesys-cloud` });
  });

  it('should refuse the implicit grant and a missing login root for Genesys Cloud, and a missing API key for Engage, naming the field', () => {
    const failure = (source: SourceAuthConfig): unknown => {
      try {
        identityProviderSettingsFrom(source, ORIGIN);
        return undefined;
      } catch (error) {
        return error;
      }
    };
    expect(failure({ ...cloud, auth: { clientId: 'gc-client', flow: 'implicit' } })).toMatchObject({ field: 'auth.flow', sourceId: 'cloud' });
    expect(failure({ ...cloud, loginBaseUrl: undefined })).toBeInstanceOf(IdentityProviderConfigError);
    expect(failure({ ...cloud, loginBaseUrl: undefined })).toMatchObject({ field: 'loginBaseUrl' });
    expect(failure({ ...engage, apiKey: undefined })).toMatchObject({ field: 'apiKey' });
    expect(failure({ ...engage, auth: undefined })).toMatchObject({ field: 'auth' });
  });

  it('should give sources that sign no person in in the browser no identity provider', () => {
    expect(identityProviderSettingsFrom({ id: 'stats', kind: 'gws' }, ORIGIN)).toBeUndefined();
    expect(identityProviderSettingsFrom({ id: 'eight', kind: '8x8' }, ORIGIN)).toBeUndefined();
  });

  it('should build the single-source settings the same way, with the API key at hand', () => {
    const settings = authSettingsFrom({ apiKey: 'demo-key', auth: { clientId: 'wallboard', flow: 'code-pkce' } }, ORIGIN);
    expect(settings).toMatchObject({ sourceId: 'default', kind: 'auth-v3', apiKey: 'demo-key', headers: { 'x-api-key': 'demo-key' } });
  });
});
