/** What a rejection of `authorizedFetch` means for the adapter. */
export type FetchErrorKind = 'unauthorized' | 'configuration' | 'transient';

/**
 * The auth module rejects with errors that carry a `kind` (src/auth/auth-errors.ts):
 * `unauthorized` — no token to send, sign in again; `configuration` — the API key was refused (403,
 * never retried). Anything else (a TypeError from fetch, an abort) is the network: retry later.
 * Read by shape, so sources need not import the auth module.
 */
export function fetchErrorKind(error: unknown): FetchErrorKind {
  if (typeof error !== 'object' || error === null || !('kind' in error)) return 'transient';
  const { kind } = error;
  return kind === 'unauthorized' || kind === 'configuration' ? kind : 'transient';
}
