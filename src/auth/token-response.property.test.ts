import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authSettingsFrom } from './auth-settings.ts';
import { requestToken, type TokenResult } from './token-endpoint.ts';
import { oauthErrorSchema, toTokenGrant, tokenResponseSchema, type TokenGrant } from './token-response.ts';

/**
 * Properties of the token endpoint's answers (docs/vendors/genesys-engage.md §1.3, RFC 6749 §5.1/§5.2): any body is
 * either a grant with a usable token and a finite, positive, whole lifetime, or refused; and the
 * token request itself never rejects, whatever the server answers.
 */

const RUNS = { numRuns: 300 };

const anyInput = fc.oneof(fc.anything(), fc.jsonValue(), fc.json().map((text): unknown => JSON.parse(text)));
const garbage = fc.oneof(fc.anything(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 0, -1, 1.5, 2 ** 53, 1e300, '', null, [], {}, true));
/** `expires_in` as numbers and as the strings some servers send, odd ones included. */
const expiresIn = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.nat().map(String),
  fc.constantFrom('60', '0', '-60', ' 60', '60 ', '6e1', '0x3c', '1e309', 'Infinity', 'NaN', '60.0', '9'.repeat(400), '1'.repeat(17), ''),
  garbage,
);
const nearMissBody = fc.record(
  {
    access_token: fc.oneof({ weight: 3, arbitrary: fc.string() }, garbage),
    token_type: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('bearer', 'Bearer', 'BEARER', 'mac', 'bearer ', '') }, garbage),
    expires_in: expiresIn,
    refresh_token: fc.oneof(fc.string(), garbage),
    scope: fc.oneof(fc.string(), garbage),
  },
  { requiredKeys: [] },
);

function expectUsableGrant(grant: TokenGrant): void {
  expect(grant.accessToken.length).toBeGreaterThan(0);
  expect(Number.isFinite(grant.expiresInSec), `expires in ${grant.expiresInSec} s`).toBe(true);
  expect(Number.isInteger(grant.expiresInSec)).toBe(true);
  expect(grant.expiresInSec).toBeGreaterThan(0);
  if (grant.refreshToken !== undefined) expect(grant.refreshToken.length).toBeGreaterThan(0);
}

describe('tokenResponseSchema (properties)', () => {
  it('should never throw, and only ever make a grant with a token and a finite positive whole lifetime', () => {
    fc.assert(
      fc.property(fc.oneof(anyInput, nearMissBody), (body) => {
        const parsed = tokenResponseSchema.safeParse(body);
        if (parsed.success) expectUsableGrant(toTokenGrant(parsed.data));
      }),
      { numRuns: 500 },
    );
  });

  it('should accept every documented token answer, expires_in as a number or a digit string', () => {
    const documented = fc.record(
      {
        access_token: fc.string({ minLength: 1 }),
        token_type: fc.constantFrom('bearer', 'Bearer', 'BEARER'),
        expires_in: fc.integer({ min: 1, max: 10 ** 9 }),
        refresh_token: fc.string({ minLength: 1 }),
        scope: fc.string(),
      },
      { requiredKeys: ['access_token', 'token_type', 'expires_in'] },
    );
    fc.assert(
      fc.property(documented, fc.boolean(), (body, asString) => {
        const parsed = tokenResponseSchema.safeParse({ ...body, expires_in: asString ? String(body.expires_in) : body.expires_in });
        expect(parsed.success).toBe(true);
        if (!parsed.success) return;
        const grant = toTokenGrant(parsed.data);
        expect(grant).toEqual({
          accessToken: body.access_token,
          expiresInSec: body.expires_in,
          ...(body.refresh_token === undefined ? {} : { refreshToken: body.refresh_token }),
        });
      }),
      RUNS,
    );
  });

  it('should read any error body without throwing, as strings only', () => {
    fc.assert(
      fc.property(fc.oneof(anyInput, fc.record({ error: fc.oneof(fc.string(), garbage), error_description: fc.oneof(fc.string(), garbage) }, { requiredKeys: [] })), (body) => {
        const parsed = oauthErrorSchema.safeParse(body);
        if (!parsed.success) return;
        expect(typeof parsed.data.error).toBe('string');
        if (parsed.data.error_description !== undefined) expect(typeof parsed.data.error_description).toBe('string');
      }),
      RUNS,
    );
  });
});

// ---- the token request over a fake fetch -------------------------------------------------------

const NULL_BODY = new Set([204, 205, 304]);
const settings = authSettingsFrom({ apiKey: 'demo-key', auth: { clientId: 'wallboard', flow: 'code-pkce' } }, 'http://wallboard.test');
const status = fc.oneof(fc.constantFrom(200, 200, 201, 204, 400, 401, 403, 429, 500, 502, 503), fc.integer({ min: 200, max: 599 }));
const bodyText = fc.oneof(
  nearMissBody.map((body) => JSON.stringify(body) ?? ''),
  fc.json(),
  fc.string(),
  fc.constantFrom('', '{"message":"Forbidden"}', '{"error":"invalid_grant","error_description":"Code expired"}', '<html>bad gateway</html>', 'null'),
);

function expectTypedResult(result: TokenResult): void {
  if (result.ok) {
    expectUsableGrant(result.grant);
    return;
  }
  expect(['refused', 'api-key-rejected', 'transient']).toContain(result.failure.kind);
  if (result.failure.description !== undefined) expect(typeof result.failure.description).toBe('string');
}

describe('requestToken (properties)', () => {
  it('should never reject, whatever the status and body the token endpoint answers', async () => {
    await fc.assert(
      fc.asyncProperty(status, bodyText, async (code, text) => {
        const fetchFn: typeof fetch = () => Promise.resolve(new Response(NULL_BODY.has(code) ? null : text, { status: code }));
        const result = await requestToken(settings, fetchFn, { grant_type: 'refresh_token', refresh_token: 'r' });
        expectTypedResult(result);
        if (result.ok) expect(code >= 200 && code < 300).toBe(true);
        // A malformed 2xx is never quoted back: its body could hold a token.
        const description = result.ok ? undefined : result.failure.description;
        if (code >= 200 && code < 300 && description !== undefined && text.length > 3) expect(description).not.toContain(text);
      }),
      RUNS,
    );
  });

  it('should never reject when fetch rejects with anything', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (reason) => {
        const result = await requestToken(settings, () => Promise.reject(reason), { grant_type: 'refresh_token', refresh_token: 'r' });
        expect(result).toEqual({ ok: false, failure: { kind: 'transient', description: 'The sign-in server could not be reached' } });
      }),
      { numRuns: 100 },
    );
  });
});
