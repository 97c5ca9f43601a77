import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { authSettingsFrom, type AuthConfig } from './auth-settings.ts';
import { resetRedirectCallbacks } from './callback.ts';
import { addressWithoutResponse, readCallbackParams } from './callback-params.ts';
import { PENDING_SIGN_IN_KEY, safeReturnPath, type PendingSignIn } from './pending-sign-in.ts';
import { createAddressBar, createMemoryStorage } from './test-support/fake-fetch.ts';
import { handleRedirectCallback, type CallbackResult } from './test-support/handle-callback.ts';

/**
 * Properties of the OAuth redirect edge (RFC 6749 §4.1.2, §4.2.2; docs/vendors/genesys-engage.md §1): whatever the
 * address bar holds, reading it never throws, the address shown afterwards is a same-origin path
 * without the code, token or state, and the callback ends in a typed result, never a rejection.
 */

const RUNS = { numRuns: 300 };
const ORIGIN = 'http://wallboard.test';
const REDIRECT_PATH = '/auth/callback';
const RESPONSE_QUERY = ['code', 'state', 'error', 'error_description', 'error_uri', 'iss', 'session_state'];
const RESPONSE_FRAGMENT = ['access_token', 'state', 'error', 'token_type'];

// ---- addresses ---------------------------------------------------------------------------------

const paramName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...RESPONSE_QUERY, ...RESPONSE_FRAGMENT, 'expires_in', 'refresh_token', 'board', 'kiosk') },
  fc.string({ maxLength: 8 }),
);
const paramValue = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('', '%', '%zz', '&', '=', '#', '?', '+', '\u0000', 'bearer', '3600'));
/** A query or fragment: well-formed pairs, or any raw text the browser may have in the address. */
const paramText = fc.oneof(
  fc.array(fc.tuple(paramName, paramValue), { maxLength: 6 }).map((pairs) => new URLSearchParams(pairs).toString()),
  fc.array(fc.tuple(paramName, paramValue), { maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
  fc.string(),
  fc.string({ unit: 'binary' }),
);
const pathname = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(REDIRECT_PATH, `${REDIRECT_PATH}/`, '/', '/kiosk', '/AUTH/callback', '/auth/callback%2F', '/auth//callback') },
  fc.webPath(),
);
const address = fc
  .tuple(pathname, fc.option(paramText, { nil: undefined }), fc.option(paramText, { nil: undefined }))
  .map(([path, query, fragment]) => new URL(`${ORIGIN}${path.startsWith('/') ? '' : '/'}${path}${query === undefined ? '' : `?${query}`}${fragment === undefined ? '' : `#${fragment}`}`));
const anyAddress = fc.oneof({ weight: 4, arbitrary: address }, fc.webUrl({ withQueryParameters: true, withFragments: true }).map((href) => new URL(href)));

function isStringOrUndefined(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

describe('readCallbackParams (properties)', () => {
  it('should never throw, and read only the redirect path, into strings', () => {
    fc.assert(
      fc.property(anyAddress, fc.constantFrom(REDIRECT_PATH, '/', '/cb'), (url, redirectPath) => {
        const params = readCallbackParams(url, redirectPath);
        if (url.pathname !== redirectPath) {
          expect(params).toBeUndefined();
          return;
        }
        if (params === undefined) return;
        expect(['code', 'token']).toContain(params.responseType);
        for (const field of [params.state, params.code, params.error, params.errorDescription]) expect(isStringOrUndefined(field)).toBe(true);
        for (const value of Object.values(params.fragment)) expect(typeof value).toBe('string');
        if (params.responseType === 'code') expect(params.fragment).toEqual({});
        else expect(params.code).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('should read an implicit answer from the fragment, every parameter of it', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(paramName, paramValue), { maxLength: 6 }), fc.string(), (pairs, token) => {
        const fragment = new URLSearchParams([['access_token', token], ...pairs]);
        const params = readCallbackParams(new URL(`${ORIGIN}${REDIRECT_PATH}?code=ignored#${fragment.toString()}`), REDIRECT_PATH);
        expect(params?.responseType).toBe('token');
        expect(params?.fragment).toEqual(Object.fromEntries(fragment));
      }),
      RUNS,
    );
  });
});

describe('addressWithoutResponse (properties)', () => {
  /** What the app passes: the start page, or a return path it made from its own address with safeReturnPath. */
  const basePath = fc.oneof(
    fc.constant('/'),
    address.map((here) => safeReturnPath(`${here.pathname}${here.search}`, REDIRECT_PATH)),
  );

  it('should never throw and always give a same-origin path without the code, token or state', () => {
    fc.assert(
      fc.property(anyAddress, basePath, (url, base) => {
        const shown = addressWithoutResponse(url, base);
        expect(shown.startsWith('/')).toBe(true);
        const resolved = new URL(shown, url.origin);
        expect(resolved.origin).toBe(url.origin);
        const baseQuery = new URL(base, url.origin).searchParams;
        for (const name of RESPONSE_QUERY) {
          if (!baseQuery.has(name)) expect(resolved.searchParams.has(name), `"${name}" kept in ${shown}`).toBe(false);
        }
        const fragment = new URLSearchParams(resolved.hash.slice(1));
        for (const name of RESPONSE_FRAGMENT) expect(fragment.has(name), `"${name}" kept in ${shown}`).toBe(false);
      }),
      RUNS,
    );
  });
});

// ---- the whole callback ------------------------------------------------------------------------

const codeConfig: AuthConfig = { apiKey: 'demo-key', auth: { clientId: 'wallboard', flow: 'code-pkce' } };
const implicitConfig: AuthConfig = { apiKey: 'demo-key', auth: { clientId: 'wallboard', flow: 'implicit' } };

const state = fc.oneof({ weight: 4, arbitrary: fc.constant('good-state') }, fc.constantFrom('other', ''));
const pending = fc.oneof(
  { weight: 4, arbitrary: fc.record({
    state,
    sourceId: fc.constant('default'),
    flow: fc.constantFrom<PendingSignIn['flow']>('code-pkce', 'implicit'),
    codeVerifier: fc.constant('v'.repeat(43)),
    redirectUri: fc.constant(`${ORIGIN}${REDIRECT_PATH}`),
    returnTo: fc.oneof(fc.constantFrom('/', '/kiosk?board=skills'), fc.webPath().map((p) => safeReturnPath(`/${p}`, REDIRECT_PATH))),
    createdAt: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, fc.integer()),
  }).map((p) => JSON.stringify([p])) },
  fc.json(),
  fc.string(),
);
const callbackAddress = fc
  .tuple(fc.option(paramText, { nil: undefined }), fc.option(paramText, { nil: undefined }), fc.option(state, { nil: undefined, freq: 8 }), fc.constantFrom('query', 'fragment'))
  .map(([query, fragment, withState, where]) => {
    const extra = withState === undefined ? '' : `state=${withState}&code=abc&access_token=tok&token_type=bearer&expires_in=60`;
    const q = [where === 'query' ? extra : '', query ?? ''].filter(Boolean).join('&');
    const f = [where === 'fragment' ? extra : '', fragment ?? ''].filter(Boolean).join('&');
    return `${ORIGIN}${REDIRECT_PATH}${q ? `?${q}` : ''}${f ? `#${f}` : ''}`;
  });
const tokenAnswer = fc.oneof(
  fc.record({
    status: fc.oneof(fc.constantFrom(200, 400, 401, 403, 500), fc.integer({ min: 200, max: 599 })),
    text: fc.oneof(
      fc.json(),
      fc.string(),
      fc.constant('{"message":"Forbidden"}'),
      fc
        .record({ access_token: fc.string(), token_type: fc.constantFrom('bearer', 'Bearer', 'mac'), expires_in: fc.oneof(fc.integer(), fc.constantFrom('60', '1e309', '9'.repeat(400), ' 60', '-1', 'NaN')), refresh_token: fc.string() }, { requiredKeys: [] })
        .map((body) => JSON.stringify(body)),
    ),
  }),
  fc.constant('network-error' as const),
);

const NULL_BODY = new Set([204, 205, 304]);

function expectTypedCallback(result: CallbackResult): void {
  expect(['none', 'signed-in', 'failed']).toContain(result.kind);
  if (result.kind === 'signed-in') {
    expect(result.grant.accessToken.length).toBeGreaterThan(0);
    expect(Number.isInteger(result.grant.expiresInSec)).toBe(true);
    expect(result.grant.expiresInSec).toBeGreaterThan(0);
    expect(Number.isFinite(result.grant.expiresInSec)).toBe(true);
    expect(result.returnTo.startsWith('/') && !result.returnTo.startsWith('//')).toBe(true);
  }
  if (result.kind === 'failed') expect(typeof result.cause.reason).toBe('string');
}

describe('handleRedirectCallback (properties)', () => {
  afterEach(() => resetRedirectCallbacks());

  it('should always settle to a typed result and leave a same-origin address, whatever the address, storage and token answer', async () => {
    await fc.assert(
      fc.asyncProperty(callbackAddress, fc.option(pending, { nil: undefined, freq: 8 }), tokenAnswer, fc.boolean(), async (href, stored, answer, implicit) => {
        resetRedirectCallbacks();
        const storage = createMemoryStorage();
        if (stored !== undefined) storage.setItem(PENDING_SIGN_IN_KEY, stored);
        const bar = createAddressBar(href);
        const fetchFn: typeof fetch = () =>
          answer === 'network-error'
            ? Promise.reject(new TypeError('Failed to fetch'))
            : Promise.resolve(new Response(NULL_BODY.has(answer.status) ? null : answer.text, { status: answer.status }));
        const settings = authSettingsFrom(implicit ? implicitConfig : codeConfig, ORIGIN);
        const result = await handleRedirectCallback(bar.location, bar.history, { settings, fetch: fetchFn, storage, now: () => 1_000 });
        expectTypedCallback(result);
        for (const replaced of bar.replaced) expect(new URL(replaced).origin).toBe(ORIGIN);
        // The pending attempt is single-use: read and removed whenever the address was a callback.
        if (result.kind !== 'none') expect(storage.getItem(PENDING_SIGN_IN_KEY)).toBeNull();
      }),
      RUNS,
    );
  });
});
