import { z } from 'zod';
import type { ApiRequest, ApiResponse, Route } from '../http-types.ts';
import { requireApiKey } from './api-key-guard.ts';
import type { AuthContext } from './auth-context.ts';
import { authenticateClient } from './client-authentication.ts';
import { exchangeAuthorizationCode } from './grant-authorization-code.ts';
import { exchangeClientCredentials } from './grant-client-credentials.ts';
import { exchangePassword } from './grant-password.ts';
import { exchangeRefreshToken } from './grant-refresh-token.ts';
import { GRANT_TYPES, type GrantType } from './oauth-clients.ts';
import { oauthError, tokenBodyError } from './token-responses.ts';
import { firstIssueMessage, requiredString } from './zod-helpers.ts';

/** A urlencoded form, or a JSON object of strings (some tools post JSON). */
const formSchema = z.record(z.string(), z.string({ error: 'Every parameter must be a string' }), {
  error: 'The body must be a form of name=value pairs',
});
const grantTypeSchema = z.object({ grant_type: requiredString('grant_type', 64) });

function isGrantType(value: string): value is GrantType {
  return (GRANT_TYPES as readonly string[]).includes(value);
}

function handleToken(ctx: AuthContext, request: ApiRequest): ApiResponse {
  if (request.bodyError) return tokenBodyError(request.bodyError);
  const form = formSchema.safeParse(request.body ?? {});
  if (!form.success) return oauthError(400, 'invalid_request', firstIssueMessage(form.error));
  const grant = grantTypeSchema.safeParse(form.data);
  if (!grant.success) return oauthError(400, 'invalid_request', firstIssueMessage(grant.error));
  const grantType = grant.data.grant_type;
  if (!isGrantType(grantType)) return oauthError(400, 'unsupported_grant_type', `Unsupported grant_type: ${grantType}`);
  if (!ctx.dialect.acceptsScope(form.data.scope)) return oauthError(400, 'invalid_scope', ctx.dialect.scopeError);

  const auth = authenticateClient(request.headers.authorization, form.data, ctx.clients, ctx.dialect.badClientCredentials);
  if (!auth.ok) return auth.response;
  const { client } = auth;
  if (!client.grants.has(grantType)) {
    return oauthError(400, 'unauthorized_client', `This client may not use grant_type=${grantType}`);
  }
  switch (grantType) {
    case 'authorization_code':
      return exchangeAuthorizationCode(ctx, client, form.data);
    case 'refresh_token':
      return exchangeRefreshToken(ctx, client, form.data);
    case 'password':
      return exchangePassword(ctx, client, form.data);
    case 'client_credentials':
      return exchangeClientCredentials(ctx, client);
  }
}

/** `POST …/oauth/token`: Auth v3's "Retrieve access token" (docs/vendors/genesys-engage.md §1.3), and Genesys Cloud's login token endpoint. */
export function createTokenRoute(ctx: AuthContext): Route {
  return { method: 'POST', path: ctx.paths.token, handler: requireApiKey(ctx.apiKey, (request) => handleToken(ctx, request)) };
}
