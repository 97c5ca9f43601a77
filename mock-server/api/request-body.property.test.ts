import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildApiRequest, parseCookies, parseRequestBody } from './request-body.ts';

/**
 * Properties of the mock's transport-neutral request reading: whatever a client sends as body,
 * content type or cookie header, reading it never throws; a body is either read or flagged with
 * the documented `bodyError`, and cookies come back as the client set them.
 */

const RUNS = { numRuns: 400 };

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/vnd.api+json', 'text/plain', ''];
const contentType = fc.oneof(
  fc.constantFrom<string | undefined>(undefined, ...JSON_TYPES, 'application/x-www-form-urlencoded', 'application/x-www-form-urlencoded;charset=UTF-8', 'text/html', 'multipart/form-data; boundary=x', ';', ' ; '),
  fc.string(),
);
const raw = fc.oneof(fc.json(), fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('{', '[1,', 'a=1&b=2&a=3', '%zz=%', '=', '&&', 'x'.repeat(300_000)));

describe('parseRequestBody (properties)', () => {
  it('should never throw: a body is read, or flagged with a documented bodyError and no body', () => {
    fc.assert(
      fc.property(contentType, raw, (type, text) => {
        const parsed = parseRequestBody(type, text);
        if (parsed.bodyError !== undefined) {
          expect(['malformed-json', 'unsupported-media-type']).toContain(parsed.bodyError);
          expect(parsed.body).toBeUndefined();
        }
        if (text === '') expect(parsed).toEqual({ body: undefined });
      }),
      RUNS,
    );
  });

  it('should read any JSON text sent as JSON (or without a type) as exactly that value', () => {
    fc.assert(
      fc.property(fc.constantFrom<string | undefined>(undefined, ...JSON_TYPES), fc.json(), (type, text) => {
        expect(parseRequestBody(type, text)).toEqual({ body: JSON.parse(text) });
      }),
      RUNS,
    );
  });

  it('should read any form as its fields, as strings', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string())), (pairs) => {
        const text = new URLSearchParams(pairs).toString();
        const parsed = parseRequestBody('application/x-www-form-urlencoded', text);
        if (text === '') return;
        expect(parsed).toEqual({ body: Object.fromEntries(new URLSearchParams(text)) });
        for (const value of Object.values(parsed.body as Record<string, unknown>)) expect(typeof value).toBe('string');
      }),
      RUNS,
    );
  });
});

describe('parseCookies (properties)', () => {
  it('should never throw on any header and give string values only', () => {
    fc.assert(
      fc.property(fc.option(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('a=%', 'a=%E0%A4%A', '=x', ';;;', 'a==b')), { nil: undefined }), (header) => {
        const cookies = parseCookies(header);
        for (const value of Object.values(cookies)) expect(typeof value).toBe('string');
      }),
      RUNS,
    );
  });

  it('should give back every cookie as the client set it, names of the prototype included', () => {
    // RFC 6265 cookie-name is a token; the value is percent-encoded by the client.
    const name = fc.oneof(
      { weight: 4, arbitrary: fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,12}$/) },
      fc.constantFrom('STATISTICS_SESSIONID', 'constructor', 'toString', 'hasOwnProperty', '__proto__'),
    );
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(name, fc.string()), { selector: ([n]) => n, maxLength: 6 }), fc.constantFrom('; ', ';', ' ;  '), (pairs, separator) => {
        const header = pairs.map(([n, value]) => `${n}=${encodeURIComponent(value)}`).join(separator);
        expect(parseCookies(header)).toEqual(Object.fromEntries(pairs));
      }),
      RUNS,
    );
  });
});

describe('buildApiRequest (properties)', () => {
  it('should never throw for any method, address, headers and body', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom('get', 'POST', 'delete', 'PATCH'), fc.string()),
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.dictionary(fc.oneof(fc.constantFrom('content-type', 'cookie', 'authorization'), fc.string()), fc.option(fc.string(), { nil: undefined })),
        raw,
        fc.boolean(),
        (method, href, headers, text, tooLarge) => {
          const url = new URL(href);
          const request = buildApiRequest({ method, url, headers, raw: text, tooLarge, origin: url.origin });
          expect(request.path).toBe(url.pathname);
          if (tooLarge) expect(request.bodyError).toBe('too-large');
          for (const value of Object.values(request.cookies)) expect(typeof value).toBe('string');
        },
      ),
      { numRuns: 200 },
    );
  });
});
