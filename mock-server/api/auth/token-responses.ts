import type { ApiResponse } from '../http-types.ts';

/** RFC 6749 §5.1: token responses (errors included) must never be cached. */
export const TOKEN_HEADERS = {
  'content-type': 'application/json;charset=utf-8',
  'cache-control': 'no-store',
  pragma: 'no-cache',
} as const;

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'invalid_client';

/** RFC 6749 §5.2 error body `{"error","error_description"}`. */
export function oauthError(status: number, error: OAuthErrorCode, description: string): ApiResponse {
  return { status, headers: TOKEN_HEADERS, json: { error, error_description: description } };
}

/**
 * Bad client credentials, exactly as Genesys documents it (docs/vendors/genesys-engage.md §0.4:
 * `{'error': 'Unauthorized', 'error_description': 'Bad credentials'}`) rather than RFC 6749's
 * `invalid_client`, because that is what Genesys sends.
 */
export const BAD_CLIENT_CREDENTIALS: ApiResponse = {
  status: 401,
  headers: { ...TOKEN_HEADERS, 'www-authenticate': 'Basic realm="oauth2/client"' },
  json: { error: 'Unauthorized', error_description: 'Bad credentials' },
};

/** Wrong user name or password on the password grant (docs/vendors/genesys-engage.md §0.4). */
export const BAD_USER_CREDENTIALS: ApiResponse = oauthError(400, 'invalid_grant', 'Bad credentials');

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
