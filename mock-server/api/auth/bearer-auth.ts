import { bearerToken, errorEnvelope } from '../genesys-envelope.ts';
import type { ApiRequest, ApiResponse } from '../http-types.ts';
import type { Principal, TokenCheck, TokenVerifier } from './auth-types.ts';

type FailureReason = Extract<TokenCheck, { ok: false }>['reason'];

const MESSAGES: Readonly<Record<FailureReason, string>> = {
  missing: 'Authorization: Bearer <access_token> is required',
  invalid: 'Invalid access token',
  expired: 'Access token expired',
  revoked: 'Access token revoked',
};

/** 401 in the Genesys envelope (docs/vendors/genesys-engage.md §0.4: "the application … must get a new access token"), with RFC 6750's challenge. */
export function unauthorizedResponse(reason: FailureReason): ApiResponse {
  const challenge =
    reason === 'missing' ? 'Bearer realm="auth"' : `Bearer realm="auth", error="invalid_token", error_description="${MESSAGES[reason]}"`;
  return { ...errorEnvelope(401, MESSAGES[reason]), headers: { 'www-authenticate': challenge } };
}

export type BearerAuthentication =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly reason: FailureReason; readonly response: ApiResponse };

/** The principal behind `Authorization: Bearer …`, or the 401 to send; usable by any API facade. */
export function authenticateBearer(verifier: TokenVerifier, request: ApiRequest): BearerAuthentication {
  const check = verifier.verifyAccessToken(bearerToken(request.headers));
  if (check.ok) return { ok: true, principal: check.principal };
  return { ok: false, reason: check.reason, response: unauthorizedResponse(check.reason) };
}
