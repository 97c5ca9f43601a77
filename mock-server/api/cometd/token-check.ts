import type { TokenCheck } from '../auth/auth-types.ts';
import { errorEnvelope } from '../genesys-envelope.ts';
import type { ApiResponse } from '../http-types.ts';

// Same wording as the REST guard (statistics-context.ts), so a client sees one vocabulary.
const TOKEN_MESSAGES = {
  missing: 'Unauthorized: no access token',
  invalid: 'Unauthorized: invalid access token',
  expired: 'Unauthorized: access token expired',
  revoked: 'Unauthorized: access token revoked',
} as const;

/** HTTP 401 with the Genesys envelope (§0.4): the client refreshes its token once, then signs in again. */
export function unauthorized(reason: Extract<TokenCheck, { ok: false }>['reason'] | 'foreign-session'): ApiResponse {
  const message = reason === 'foreign-session' ? 'Unauthorized: the CometD session belongs to another user' : TOKEN_MESSAGES[reason];
  return { ...errorEnvelope(401, message), headers: { 'www-authenticate': 'Bearer error="invalid_token"' } };
}
