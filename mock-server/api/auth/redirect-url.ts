/**
 * Builds the Location of an OAuth redirect. Values are form-urlencoded (RFC 6749 Appendix B), so a
 * client decoding them gets back exactly what was sent (e.g. `state`); undefined values are left out.
 */
export type RedirectParams = Readonly<Record<string, string | undefined>>;

function encode(params: RedirectParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) search.append(name, value);
  }
  return search.toString();
}

/** Registered redirect URIs carry no fragment (RFC 6749 §3.1.2); drop one anyway so ours cannot clash. */
function withoutFragment(uri: string): string {
  const hash = uri.indexOf('#');
  return hash >= 0 ? uri.slice(0, hash) : uri;
}

/** `uri?a=1&b=2`, or `uri&a=1…` when the URI already has a query (RFC 6749 §4.1.2 keeps it). */
export function withQuery(uri: string, params: RedirectParams): string {
  const base = withoutFragment(uri);
  const query = encode(params);
  if (query.length === 0) return base;
  if (!base.includes('?')) return `${base}?${query}`;
  return base.endsWith('?') || base.endsWith('&') ? `${base}${query}` : `${base}&${query}`;
}

/** `uri#a=1&b=2`: the implicit grant's tokens travel in the fragment so they never reach a server log. */
export function withFragment(uri: string, params: RedirectParams): string {
  return `${withoutFragment(uri)}#${encode(params)}`;
}
