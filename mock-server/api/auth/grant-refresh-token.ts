import { z } from 'zod';
import type { ApiResponse } from '../http-types.ts';
import type { AuthContext } from './auth-context.ts';
import type { OAuthClient } from './oauth-clients.ts';
import { refreshGrantee } from './token-issuer.ts';
import { oauthError } from './token-responses.ts';
import { firstIssueMessage, requiredString } from './zod-helpers.ts';

const formSchema = z.object({ refresh_token: requiredString('refresh_token', 4096) });

const invalidGrant = (description: string): ApiResponse => oauthError(400, 'invalid_grant', description);

/**
 * `grant_type=refresh_token` with rotation: each refresh token works once and is replaced by a new
 * one of the same family. A replayed one means two parties hold it, so the whole family is revoked
 * and the user signs in again (RFC 9700 §4.14.2). Clients must therefore never refresh twice in
 * parallel with the same token.
 */
export function exchangeRefreshToken(
  ctx: AuthContext,
  client: OAuthClient,
  form: Readonly<Record<string, string>>,
): ApiResponse {
  const parsed = formSchema.safeParse(form);
  if (!parsed.success) return oauthError(400, 'invalid_request', firstIssueMessage(parsed.error));

  const check = ctx.tokens.verifyRefreshToken(parsed.data.refresh_token);
  if (!check.ok) {
    switch (check.reason) {
      case 'reused':
        if (check.payload.fam !== undefined) ctx.revoker.revokeRefreshFamily(check.payload.fam);
        return invalidGrant('Refresh token already used');
      case 'expired':
        return invalidGrant('Refresh token expired');
      case 'revoked':
        return invalidGrant('Refresh token revoked');
      case 'invalid':
        return invalidGrant('Invalid refresh token');
    }
  }
  const { payload } = check;
  if (payload.cid !== client.id) return invalidGrant('Refresh token was issued to another client');

  ctx.revoker.retireRefreshToken(payload.jti, payload.exp);
  const grantee = refreshGrantee(payload);
  const access = ctx.tokens.issueAccessToken(grantee);
  const refresh = ctx.tokens.issueRefreshToken(grantee, payload.fam);
  return ctx.dialect.tokenSuccess(access, ctx.tokens.accessTtlSec, refresh);
}
