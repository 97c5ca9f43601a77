import { describe, expect, it } from 'vitest';
import { authSettingsFrom } from './auth-settings.ts';
import { buildAuthorizeUrl } from './authorize-url.ts';

const ORIGIN = 'http://localhost:8080';
const codeConfig = { apiKey: 'k', auth: { clientId: 'wallboard', flow: 'code-pkce' as const } };

describe('buildAuthorizeUrl', () => {
  it('should ask for a code with PKCE S256, state, the registered redirect URI and scope *', () => {
    const url = new URL(buildAuthorizeUrl(authSettingsFrom(codeConfig, ORIGIN), { state: 's1', codeChallenge: 'c1' }));
    expect(`${url.origin}${url.pathname}`).toBe(`${ORIGIN}/auth/v3/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'wallboard',
      redirect_uri: `${ORIGIN}/auth/callback`,
      state: 's1',
      code_challenge: 'c1',
      code_challenge_method: 'S256',
      scope: '*',
    });
  });

  it('should never ask for response_type=token in the default flow', () => {
    const url = new URL(buildAuthorizeUrl(authSettingsFrom(codeConfig, ORIGIN), { state: 's', codeChallenge: 'c' }));
    expect(url.searchParams.getAll('response_type')).toEqual(['code']);
    expect(url.href).not.toMatch(/response_type=token/);
  });

  it('should refuse to build a code request without a challenge', () => {
    expect(() => buildAuthorizeUrl(authSettingsFrom(codeConfig, ORIGIN), { state: 's' })).toThrow(/challenge/);
  });

  it('should use the implicit grant only when the config turns it on', () => {
    const settings = authSettingsFrom({ apiKey: 'k', auth: { clientId: 'wallboard', flow: 'implicit' } }, ORIGIN);
    const url = new URL(buildAuthorizeUrl(settings, { state: 's2' }));
    expect(url.searchParams.get('response_type')).toBe('token');
    expect(url.searchParams.has('code_challenge')).toBe(false);
    expect(url.searchParams.get('state')).toBe('s2');
  });

  it('should send the browser to apiBaseUrl while coming back to this origin', () => {
    const settings = authSettingsFrom({ ...codeConfig, apiBaseUrl: 'https://gws.example.com/', auth: { ...codeConfig.auth, redirectPath: '/' } }, ORIGIN);
    const url = new URL(buildAuthorizeUrl(settings, { state: 's', codeChallenge: 'c' }));
    expect(url.origin).toBe('https://gws.example.com');
    expect(url.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/`);
  });
});
