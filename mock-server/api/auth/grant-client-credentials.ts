import type { ApiResponse } from '../http-types.ts';
import type { AuthContext } from './auth-context.ts';
import { DEMO_TENANT } from './demo-identities.ts';
import type { OAuthClient } from './oauth-clients.ts';

/**
 * `grant_type=client_credentials`: the client acts for itself. No refresh token (RFC 6749
 * §4.4.3): the client can always ask again with its secret.
 */
export function exchangeClientCredentials(ctx: AuthContext, client: OAuthClient): ApiResponse {
  const access = ctx.tokens.issueAccessToken({
    subject: client.id,
    kind: 'client',
    tenant: DEMO_TENANT,
    clientId: client.id,
  });
  return ctx.dialect.tokenSuccess(access, ctx.tokens.accessTtlSec);
}
