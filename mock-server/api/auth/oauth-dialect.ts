import type { ApiResponse } from '../http-types.ts';
import type { IssuedToken } from './token-issuer.ts';
import { BAD_CLIENT_CREDENTIALS, TOKEN_HEADERS } from './token-responses.ts';

/**
 * Where the identity providers of the mock speak differently while running the same OAuth
 * machinery: the token answer's fields, the answer to bad client credentials, the scopes asked for.
 */
export interface OAuthDialect {
  tokenSuccess(access: IssuedToken, expiresInSec: number, refresh?: IssuedToken): ApiResponse;
  readonly badClientCredentials: ApiResponse;
  /** True when `/authorize` and `/token` may go on with this `scope` parameter. */
  acceptsScope(scope: string | undefined): boolean;
  /** What an unaccepted scope is told. */
  readonly scopeError: string;
}

/** Genesys Engage Authentication API v3 (docs/vendors/genesys-engage.md §1.3): `scope` is always `*`, bad clients get its own body. */
export const AUTH_V3_DIALECT: OAuthDialect = {
  tokenSuccess(access, expiresInSec, refresh) {
    // The documented success body (docs/vendors/genesys-engage.md §1.3), in its key order; no `refresh_token` key at all when none is issued.
    const json = refresh
      ? { access_token: access.token, expires_in: expiresInSec, refresh_token: refresh.token, scope: '*', token_type: 'bearer' }
      : { access_token: access.token, expires_in: expiresInSec, scope: '*', token_type: 'bearer' };
    return { status: 200, headers: TOKEN_HEADERS, json };
  },
  badClientCredentials: BAD_CLIENT_CREDENTIALS,
  acceptsScope: (scope) => scope === undefined || scope === '' || scope === '*',
  scopeError: 'Only scope * is supported',
};

const SCOPE_LIST = /^[^\s"\\]+( [^\s"\\]+)*$/;

/**
 * Genesys Cloud's login: the answer its SDK reads (`access_token`, `token_type`, `expires_in`, and
 * `refresh_token` where the grant gives one), RFC 6749's `invalid_client`, and any list of scopes
 * (PKCE clients ask for `analytics:readonly notifications …`; the mock grants every one).
 */
export const GENESYS_CLOUD_DIALECT: OAuthDialect = {
  tokenSuccess(access, expiresInSec, refresh) {
    const json = {
      access_token: access.token,
      token_type: 'bearer',
      expires_in: expiresInSec,
      ...(refresh ? { refresh_token: refresh.token } : {}),
    };
    return { status: 200, headers: TOKEN_HEADERS, json };
  },
  badClientCredentials: {
    status: 401,
    headers: { ...TOKEN_HEADERS, 'www-authenticate': 'Basic realm="oauth"' },
    json: { error: 'invalid_client', error_description: 'Bad client credentials' },
  },
  // RFC 6749 §3.3: space-delimited scope tokens.
  acceptsScope: (scope) => scope === undefined || scope === '' || (scope.length <= 1024 && SCOPE_LIST.test(scope)),
  scopeError: 'scope must be a space-separated list of scope names',
};
