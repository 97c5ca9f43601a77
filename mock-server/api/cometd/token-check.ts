import { unauthorizedResponse } from '../auth/bearer-auth.ts';
import type { TokenCheck } from '../auth/auth-types.ts';
import { errorEnvelope } from '../genesys-envelope.ts';
import type { ApiResponse } from '../http-types.ts';

/** HTTP 401 with the Genesys envelope (docs/vendors/genesys-engage.md §0.4), worded as every other API: the client refreshes once, then signs in again. */
export function unauthorized(reason: Extract<TokenCheck, { ok: false }>['reason'] | 'foreign-session'): ApiResponse {
  if (reason !== 'foreign-session') return unauthorizedResponse(reason);
  return {
    ...errorEnvelope(401, 'The CometD session belongs to another user'),
    headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
  };
}
