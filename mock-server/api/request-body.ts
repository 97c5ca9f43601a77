import type { ApiRequest, BodyError, HttpMethod } from './http-types.ts';

/** Largest request body any mock API accepts; larger ones get 413 in the API's own error format. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface ParsedBody {
  readonly body: unknown;
  readonly bodyError?: BodyError;
}

/** Parses a raw body by its content type: JSON, urlencoded form, or nothing. */
export function parseRequestBody(contentType: string | undefined, raw: string): ParsedBody {
  if (raw.length === 0) return { body: undefined };
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/x-www-form-urlencoded') {
    return { body: Object.fromEntries(new URLSearchParams(raw)) };
  }
  if (type === 'application/json' || type.endsWith('+json') || type === '' || type === 'text/plain') {
    try {
      return { body: JSON.parse(raw) as unknown };
    } catch {
      return { body: undefined, bodyError: 'malformed-json' };
    }
  }
  return { body: undefined, bodyError: 'unsupported-media-type' };
}

export function parseCookies(header: string | undefined): Record<string, string> {
  // No prototype: a cookie named `__proto__` is a cookie, not a way to reach Object.prototype.
  const cookies = Object.create(null) as Record<string, string>;
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}

/** Builds the transport-neutral request from what any transport has: method, URL, headers, raw body. */
export function buildApiRequest(input: {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string | undefined>;
  readonly raw: string;
  readonly tooLarge: boolean;
  readonly origin: string;
}): Omit<ApiRequest, 'params'> {
  const parsed: ParsedBody = input.tooLarge
    ? { body: undefined, bodyError: 'too-large' }
    : parseRequestBody(input.headers['content-type'], input.raw);
  return {
    method: input.method.toUpperCase() as HttpMethod,
    path: input.url.pathname,
    query: input.url.searchParams,
    headers: input.headers,
    cookies: parseCookies(input.headers.cookie),
    body: parsed.body,
    ...(parsed.bodyError ? { bodyError: parsed.bodyError } : {}),
    origin: input.origin,
  };
}
