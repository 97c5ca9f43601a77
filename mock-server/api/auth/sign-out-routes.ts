import { z } from 'zod';
import { errorEnvelope, okEnvelope } from '../genesys-envelope.ts';
import type { ApiRequest, ApiResponse, Route } from '../http-types.ts';
import { requireApiKey } from './api-key-guard.ts';
import type { AuthContext } from './auth-context.ts';
import { SIGN_OUT_PATH } from './auth-paths.ts';
import { authenticateBearer } from './bearer-auth.ts';
import { firstIssueMessage } from './zod-helpers.ts';

const querySchema = z.object({
  global: z
    .string()
    .regex(/^(true|false)?$/i, 'global must be true or false')
    .optional(),
  redirectUri: z.string().max(2048, 'redirectUri is too long').optional(),
});

/**
 * `GET|POST /auth/v3/sign-out[?global=true][&redirectUri=…]` (docs/vendors/genesys-engage.md §1.6). Input is checked
 * before anything is revoked, so a rejected request changes nothing. `global=true` ends every
 * access and refresh token of the signed-in identity; otherwise only the presented access token.
 */
function signOut(ctx: AuthContext, request: ApiRequest, allowRedirect: boolean): ApiResponse {
  const auth = authenticateBearer(ctx.tokens, request);
  if (!auth.ok) return auth.response;
  const query = querySchema.safeParse(Object.fromEntries(request.query));
  if (!query.success) return errorEnvelope(400, firstIssueMessage(query.error));
  const redirectUri = allowRedirect && query.data.redirectUri ? query.data.redirectUri : undefined;
  // Only registered URIs: otherwise sign-out would be an open redirect.
  if (redirectUri !== undefined && !ctx.redirectUris().includes(redirectUri)) {
    return errorEnvelope(400, 'redirectUri is not registered');
  }

  ctx.revoker.signOut(auth.principal, query.data.global?.toLowerCase() === 'true');
  const browserSession = ctx.sessions.fromRequest(request);
  for (const id of new Set([auth.principal.sessionId, browserSession?.id])) if (id !== undefined) ctx.sessions.end(id);
  const cookie: Record<string, string> =
    request.cookies[ctx.sessions.cookieName] === undefined ? {} : { 'set-cookie': ctx.sessions.clearCookie(request.origin.startsWith('https:')) };
  if (redirectUri !== undefined) return { status: 302, headers: { location: redirectUri, 'cache-control': 'no-store', ...cookie } };
  return okEnvelope(undefined, { headers: cookie });
}

export function createSignOutRoutes(ctx: AuthContext): readonly Route[] {
  return [
    { method: 'GET', path: SIGN_OUT_PATH, handler: requireApiKey(ctx.apiKey, (request) => signOut(ctx, request, true)) },
    { method: 'POST', path: SIGN_OUT_PATH, handler: requireApiKey(ctx.apiKey, (request) => signOut(ctx, request, false)) },
  ];
}
