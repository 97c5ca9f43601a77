/** What an OAuth redirect brought back, read from the address; no validation beyond presence. */
export interface CallbackParams {
  /** `code`: the code flow answered in the query; `token`: the implicit grant in the fragment. */
  readonly responseType: 'code' | 'token';
  readonly state: string | undefined;
  readonly code: string | undefined;
  readonly error: string | undefined;
  readonly errorDescription: string | undefined;
  /** The implicit grant's fragment as a whole, parsed later with zod. */
  readonly fragment: Readonly<Record<string, string>>;
}

/** Query parameters an authorization response may add (RFC 6749 §4.1.2, RFC 9207 `iss`). */
const RESPONSE_QUERY_PARAMS = ['code', 'state', 'error', 'error_description', 'error_uri', 'iss', 'session_state'];
const RESPONSE_FRAGMENT_PARAMS = ['access_token', 'state', 'error', 'token_type'];

function fragmentParams(url: URL): URLSearchParams {
  return new URLSearchParams(url.hash.startsWith('#') ? url.hash.slice(1) : url.hash);
}

function hasAny(params: URLSearchParams, names: readonly string[]): boolean {
  return names.some((name) => params.has(name));
}

/** `undefined` unless `url` is the redirect path carrying an authorization response. */
export function readCallbackParams(url: URL, redirectPath: string): CallbackParams | undefined {
  if (url.pathname !== redirectPath) return undefined;
  const fragment = fragmentParams(url);
  if (hasAny(fragment, RESPONSE_FRAGMENT_PARAMS)) {
    return {
      responseType: 'token',
      state: fragment.get('state') ?? undefined,
      code: undefined,
      error: fragment.get('error') ?? undefined,
      errorDescription: fragment.get('error_description') ?? undefined,
      fragment: Object.fromEntries(fragment),
    };
  }
  const query = url.searchParams;
  if (!hasAny(query, ['code', 'state', 'error'])) return undefined;
  return {
    responseType: 'code',
    state: query.get('state') ?? undefined,
    code: query.get('code') ?? undefined,
    error: query.get('error') ?? undefined,
    errorDescription: query.get('error_description') ?? undefined,
    fragment: {},
  };
}

/**
 * The address to show instead: `basePath` (a same-origin path, possibly with its own query) plus
 * whatever unrelated parameters the callback URL carried; never the code, token or state.
 */
export function addressWithoutResponse(url: URL, basePath: string): string {
  const target = new URL(basePath, url.origin);
  for (const [name, value] of url.searchParams) {
    if (!RESPONSE_QUERY_PARAMS.includes(name) && !target.searchParams.has(name)) target.searchParams.append(name, value);
  }
  const fragment = fragmentParams(url);
  const keepHash = url.hash !== '' && !hasAny(fragment, RESPONSE_FRAGMENT_PARAMS);
  return `${target.pathname}${target.search}${keepHash ? url.hash : ''}`;
}
