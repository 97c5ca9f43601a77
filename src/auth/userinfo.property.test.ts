import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fetchUserInfo, parseUserInfo, type UserInfo } from './userinfo.ts';

/**
 * Properties of `GET /auth/v3/userinfo` reading (docs/vendors/genesys-engage.md §1.5): any body gives either a user
 * with a name to show, or the one typed refusal (`Unexpected userinfo response: …`); wrong-typed
 * optional fields are dropped, never passed on.
 */

const RUNS = { numRuns: 300 };
const REFUSAL = /^Unexpected userinfo response: /;

const anyInput = fc.oneof(fc.anything(), fc.jsonValue(), fc.json().map((text): unknown => JSON.parse(text)));
const garbage = fc.oneof(fc.anything(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, '', '   ', null, [], {}, true, 'x'.repeat(50_000)));
const name = fc.oneof({ weight: 3, arbitrary: fc.string() }, fc.constantFrom('', ' ', '\t\n', 'supervisor'), garbage);
const authority = fc.oneof({ weight: 3, arbitrary: fc.record({ name: fc.oneof({ weight: 3, arbitrary: fc.string() }, garbage) }) }, garbage);
const nearMissBody = fc.record(
  {
    username: name,
    loginName: name,
    cmeUserName: name,
    dbid: fc.oneof(fc.integer(), fc.double(), garbage),
    contactCenterId: fc.oneof(fc.string(), garbage),
    environmentId: garbage,
    authorities: fc.oneof(fc.array(authority, { maxLength: 4 }), authority, garbage),
  },
  { requiredKeys: [] },
);

/** The outcome as data: a user, or the refusal's message; anything else thrown fails the property. */
function outcome(body: unknown): { readonly user: UserInfo } | { readonly refusal: string } {
  try {
    return { user: parseUserInfo(body) };
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return { refusal: (error as Error).message };
  }
}

function expectShowableUser(user: UserInfo): void {
  expect(typeof user.displayName).toBe('string');
  expect(user.displayName.trim()).not.toBe('');
  expect(user.dbid === undefined || Number.isFinite(user.dbid)).toBe(true);
  expect(user.contactCenterId === undefined || typeof user.contactCenterId === 'string').toBe(true);
  expect(Array.isArray(user.authorities)).toBe(true);
  for (const role of user.authorities) expect(typeof role).toBe('string');
}

describe('parseUserInfo (properties)', () => {
  it('should give a user with a name to show, or the typed refusal, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(anyInput, nearMissBody), (body) => {
        const result = outcome(body);
        if ('user' in result) expectShowableUser(result.user);
        else expect(result.refusal).toMatch(REFUSAL);
      }),
      { numRuns: 500 },
    );
  });

  it('should show the first non-blank of username, loginName, cmeUserName, whatever else the body holds', () => {
    fc.assert(
      fc.property(nearMissBody, (body) => {
        const names = [body.username, body.loginName, body.cmeUserName];
        const expected = names.find((n): n is string => typeof n === 'string' && n.trim() !== '');
        const result = outcome(body);
        if (expected === undefined) expect('refusal' in result).toBe(true);
        else expect('user' in result && result.user.displayName).toBe(expected);
      }),
      RUNS,
    );
  });
});

describe('fetchUserInfo (properties)', () => {
  const NULL_BODY = new Set([204, 205, 304]);

  it('should resolve to a user or reject with an Error, whatever the status and body', async () => {
    const text = fc.oneof(nearMissBody.map((body) => JSON.stringify(body) ?? ''), fc.json(), fc.string(), fc.constantFrom('', '<html>', 'null'));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(200), fc.integer({ min: 200, max: 599 })), text, async (status, body) => {
        const authorizedFetch = (): Promise<Response> => Promise.resolve(new Response(NULL_BODY.has(status) ? null : body, { status }));
        try {
          expectShowableUser(await fetchUserInfo(authorizedFetch));
          expect(status >= 200 && status < 300).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
        }
      }),
      RUNS,
    );
  });
});
