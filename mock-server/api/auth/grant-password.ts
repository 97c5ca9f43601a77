import { z } from 'zod';
import type { ApiResponse } from '../http-types.ts';
import type { AuthContext } from './auth-context.ts';
import { DEMO_TENANT, findUserByCredentials } from './demo-identities.ts';
import type { OAuthClient } from './oauth-clients.ts';
import { BAD_USER_CREDENTIALS, oauthError } from './token-responses.ts';
import { firstIssueMessage, requiredString } from './zod-helpers.ts';

const formSchema = z.object({
  username: requiredString('username', 256),
  password: requiredString('password', 1024),
});

/** `grant_type=password` for the confidential client; the form has no tenant, so it is the demo tenant. */
export function exchangePassword(ctx: AuthContext, client: OAuthClient, form: Readonly<Record<string, string>>): ApiResponse {
  const parsed = formSchema.safeParse(form);
  if (!parsed.success) return oauthError(400, 'invalid_request', firstIssueMessage(parsed.error));
  const user = findUserByCredentials(DEMO_TENANT, parsed.data.username, parsed.data.password);
  if (!user) return BAD_USER_CREDENTIALS;

  const grantee = { subject: user.username, kind: 'user', tenant: user.tenant, clientId: client.id } as const;
  const access = ctx.tokens.issueAccessToken(grantee);
  const refresh = ctx.tokens.issueRefreshToken(grantee);
  return ctx.dialect.tokenSuccess(access, ctx.tokens.accessTtlSec, refresh);
}
