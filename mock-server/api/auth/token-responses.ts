import type { ApiResponse } from '../http-types.ts';
import type { IssuedToken } from './token-issuer.ts';

/** RFC 6749 §5.1: token responses (errors included) must never be cached. */
const TOKEN_HEADERS = {
  'content-type': 'application/json;charset=utf-8',
  'cache-control': 'no-store',
  pragma: 'no-cache',
} as const;

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope';

/** RFC 6749 §5.2 error body `{"error","error_description"}`. */
export function oauthError(status: number, error: OAuthErrorCode, description: string): ApiResponse {
  return { status, headers: TOKEN_HEADERS, json: { error, error_description: description } };
}

/**
 * Bad client credentials, exactly as 004 gives it (`{'error': 'Unauthorized', 'error_description':
 * 'Bad credentials'}`) rather than RFC 6749's `invalid_client`, because that is what Genesys sends.
 */
export const BAD_CLIENT_CREDENTIALS: ApiResponse = {
  status: 401,
  headers: { ...TOKEN_HEADERS, 'www-authenticate': 'Basic realm="oauth2/client"' },
  json: { error: 'Unauthorized', error_description: 'Bad credentials' },
};

/** Wrong user name or password on the password grant (004). */
export const BAD_USER_CREDENTIALS: ApiResponse = oauthError(400, 'invalid_grant', 'Bad credentials');

/** 004's success body, in its key order; no `refresh_token` key at all when none is issued. */
export function tokenSuccess(access: IssuedToken, expiresInSec: number, refresh?: IssuedToken): ApiResponse {
  const json = refresh
    ? {
        access_token: access.token,
        expires_in: expiresInSec,
        refresh_token: refresh.token,
        scope: '*',
        token_type: 'bearer',
      }
    : { access_token: access.token, expires_in: expiresInSec, scope: '*', token_type: 'bearer' };
  return { status: 200, headers: TOKEN_HEADERS, json };
}

export function tokenBodyError(bodyError: 'malformed-json' | 'too-large' | 'unsupported-media-type'): ApiResponse {
  switch (bodyError) {
    case 'too-large':
      return oauthError(413, 'invalid_request', 'Request body too large');
    case 'malformed-json':
      return oauthError(400, 'invalid_request', 'Malformed JSON in request body');
    case 'unsupported-media-type':
      return oauthError(415, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
  }
}
