import { describe, expect, it, vi } from 'vitest';
import shippedConfig from '../../../public/config.json';
import { loadRuntimeConfig, parseRuntimeConfig } from './runtime-config.ts';

const valid = { apiKey: 'wallboard-demo-key', auth: { clientId: 'wallboard', flow: 'code-pkce' }, defaultBoard: 'queues' };

function fetchReturning(response: Response): typeof fetch {
  return vi.fn<typeof fetch>(() => Promise.resolve(response));
}

describe('parseRuntimeConfig', () => {
  it('should accept the shipped public/config.json', () => {
    const result = parseRuntimeConfig(shippedConfig);
    expect(result).toEqual({
      ok: true,
      config: {
        apiKey: 'wallboard-demo-key',
        auth: { clientId: 'wallboard', flow: 'code-pkce', redirectPath: '/auth/callback' },
        defaultBoard: 'queues',
        serviceLevelTargetPercent: 80,
      },
    });
  });

  it('should default the flow to code-pkce and the board to queues', () => {
    const result = parseRuntimeConfig({ apiKey: 'k', auth: { clientId: 'c' } });
    expect(result.ok && result.config.auth?.flow).toBe('code-pkce');
    expect(result.ok && result.config.defaultBoard).toBe('queues');
    expect(result.ok && result.config.apiBaseUrl).toBeUndefined();
  });

  it('should default the service-level target to 80 %, as Genesys\'s defaultTargetServiceLevelPercentage does, and keep one that is set', () => {
    expect(parseRuntimeConfig(valid)).toMatchObject({ ok: true, config: { serviceLevelTargetPercent: 80 } });
    expect(parseRuntimeConfig({ ...valid, serviceLevelTargetPercent: 1 })).toMatchObject({ ok: true, config: { serviceLevelTargetPercent: 1 } });
    expect(parseRuntimeConfig({ ...valid, serviceLevelTargetPercent: 100 })).toMatchObject({ ok: true, config: { serviceLevelTargetPercent: 100 } });
  });

  it('should keep an absolute apiBaseUrl and an optional client secret', () => {
    const result = parseRuntimeConfig({ ...valid, apiBaseUrl: 'https://api.example.com/gws', auth: { ...valid.auth, clientSecret: 's' } });
    expect(result.ok && result.config.apiBaseUrl).toBe('https://api.example.com/gws');
    expect(result.ok && result.config.auth?.clientSecret).toBe('s');
  });

  it.each([
    [{ ...valid, auth: { clientId: 'wallboard', flow: 'password' } }, 'auth.flow'],
    [{ auth: valid.auth }, 'apiKey'],
    [{ ...valid, apiKey: '  ' }, 'apiKey'],
    [{ ...valid, auth: { flow: 'implicit' } }, 'auth.clientId'],
    [{ ...valid, auth: 'wallboard' }, 'auth'],
    [{ ...valid, apiBaseUrl: 'not a url' }, 'apiBaseUrl'],
    [{ ...valid, apiBaseUrl: 'ftp://example.com' }, 'apiBaseUrl'],
    [{ ...valid, defaultBoard: 7 }, 'defaultBoard'],
    [{ ...valid, serviceLevelTargetPercent: 0 }, 'serviceLevelTargetPercent'],
    [{ ...valid, serviceLevelTargetPercent: 101 }, 'serviceLevelTargetPercent'],
    [{ ...valid, serviceLevelTargetPercent: 79.5 }, 'serviceLevelTargetPercent'],
    [{ ...valid, serviceLevelTargetPercent: '80' }, 'serviceLevelTargetPercent'],
    [{ ...valid, auth: { ...valid.auth, redirectPath: '//evil.example/cb' } }, 'auth.redirectPath'],
    [['not', 'an', 'object'], 'config.json'],
  ])('should name the bad field of %j as %s', (input, field) => {
    const result = parseRuntimeConfig(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.field).toBe(field);
    expect(!result.ok && result.error.message.length).toBeGreaterThan(0);
  });

  it('should say what auth.flow may be', () => {
    const result = parseRuntimeConfig({ ...valid, auth: { clientId: 'wallboard', flow: 'token' } });
    expect(!result.ok && result.error.message).toMatch(/code-pkce.*implicit/);
  });
});

describe('loadRuntimeConfig', () => {
  it('should fetch /config.json without the HTTP cache and validate it', async () => {
    const fetchFn = fetchReturning(new Response(JSON.stringify(valid), { status: 200 }));
    const result = await loadRuntimeConfig(fetchFn);
    expect(result.ok).toBe(true);
    expect(fetchFn).toHaveBeenCalledWith('/config.json', expect.objectContaining({ cache: 'no-cache' }));
  });

  it('should name the bad field of a fetched file', async () => {
    const result = await loadRuntimeConfig(fetchReturning(new Response(JSON.stringify({ ...valid, auth: { clientId: 'w', flow: 'x' } }))));
    expect(result).toEqual({ ok: false, error: { field: 'auth.flow', message: expect.any(String) } });
  });

  it('should report a missing file against config.json', async () => {
    const result = await loadRuntimeConfig(fetchReturning(new Response('nope', { status: 404 })));
    expect(result).toEqual({ ok: false, error: { field: 'config.json', message: 'config.json could not be loaded (HTTP 404)' } });
  });

  it('should report a file that is not JSON (e.g. an HTML fallback page)', async () => {
    const result = await loadRuntimeConfig(fetchReturning(new Response('<!doctype html><html></html>', { status: 200 })));
    expect(result).toEqual({ ok: false, error: { field: 'config.json', message: 'config.json is not valid JSON' } });
  });

  it('should report a network failure instead of throwing', async () => {
    const result = await loadRuntimeConfig(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(result).toEqual({ ok: false, error: { field: 'config.json', message: 'config.json could not be loaded: Failed to fetch' } });
  });
});
