import { z } from 'zod';
import type { ApiResponse } from '../http-types.ts';
import type { AuthContext } from './auth-context.ts';
import type { OAuthClient } from './oauth-clients.ts';
import { verifierMatchesChallenge } from './pkce.ts';
import { oauthError } from './token-responses.ts';
import { firstIssueMessage, requiredString } from './zod-helpers.ts';

const formSchema = z.object({
  code: requiredString('code', 512),
  redirect_uri: requiredString('redirect_uri', 2048),
  code_verifier: z.string().max(256, 'code_verifier is too long').optional(),
});

const invalidGrant = (description: string): ApiResponse => oauthError(400, 'invalid_grant', description);

/** `grant_type=authorization_code` (docs/vendors/genesys-engage.md §1.1 step 3, plus PKCE — §1.4 there). */
export function exchangeAuthorizationCode(
  ctx: AuthContext,
  client: OAuthClient,
  form: Readonly<Record<string, string>>,
): ApiResponse {
  const parsed = formSchema.safeParse(form);
  if (!parsed.success) return oauthError(400, 'invalid_request', firstIssueMessage(parsed.error));
  const { code, redirect_uri: redirectUri, code_verifier: verifier } = parsed.data;

  const redemption = ctx.codes.redeem(code);
  if (!redemption.ok) {
    if (redemption.reason === 'reused') {
      // RFC 6749 §4.1.2: a replayed code suggests theft, so what it bought is revoked too.
      if (redemption.issued) {
        ctx.revoker.revokeAccessToken(redemption.issued.accessTokenId, redemption.issued.accessExpiresAt);
        ctx.revoker.revokeRefreshFamily(redemption.issued.refreshFamily);
      }
      return invalidGrant('Authorization code already used');
    }
    return invalidGrant(redemption.reason === 'expired' ? 'Authorization code expired' : 'Invalid authorization code');
  }

  const { grant } = redemption;
  if (grant.clientId !== client.id) return invalidGrant('Authorization code was issued to another client');
  if (grant.redirectUri !== redirectUri) return invalidGrant('redirect_uri does not match the authorization request');
  if (grant.codeChallenge === undefined) {
    if (client.requirePkce) return invalidGrant('PKCE is required for this client');
    // Accepting a verifier nobody asked for would let a PKCE downgrade pass unnoticed (RFC 9700 §4.8.2).
    if (verifier !== undefined) return invalidGrant('code_verifier sent but the authorization request had no code_challenge');
  } else {
    if (verifier === undefined || verifier === '') return oauthError(400, 'invalid_request', 'code_verifier is required');
    if (!verifierMatchesChallenge(verifier, grant.codeChallenge)) {
      return invalidGrant('code_verifier does not match the code_challenge');
    }
  }

  const grantee = { subject: grant.subject, kind: 'user', tenant: grant.tenant, clientId: client.id, sessionId: grant.sessionId } as const;
  const access = ctx.tokens.issueAccessToken(grantee);
  const refresh = ctx.tokens.issueRefreshToken(grantee);
  ctx.codes.recordIssued(code, {
    accessTokenId: access.payload.jti,
    accessExpiresAt: access.payload.exp,
    refreshFamily: refresh.family,
  });
  return ctx.dialect.tokenSuccess(access, ctx.tokens.accessTtlSec, refresh);
}
