import * as oauth from 'oauth4webapi';
import { isApiKeyRejection } from './api-key-rejection.ts';
import type { IdentityProviderSettings } from './identity-provider.ts';
import { oauthErrorSchema, toTokenGrant, tokenResponseSchema, type TokenGrant } from './token-response.ts';

/**
 * - `refused`: the server said no (400/401, e.g. `invalid_grant`); asking again will not help.
 * - `api-key-rejected`: `403 {"message":"Forbidden"}`, a configuration error.
 * - `transient`: network, 5xx, or a body we could not read; a later attempt may work.
 */
export type TokenFailureKind = 'refused' | 'api-key-rejected' | 'transient';

export interface TokenFailure {
  readonly kind: TokenFailureKind;
  readonly status?: number;
  /** The server's `error_description` (or `error`), shown to the user; never contains a token. */
  readonly description?: string;
}

export type TokenResult = { readonly ok: true; readonly grant: TokenGrant } | { readonly ok: false; readonly failure: TokenFailure };

export type TokenEndpointSettings = Pick<IdentityProviderSettings, 'issuer' | 'authorizeUrl' | 'tokenUrl' | 'clientId' | 'clientSecret' | 'headers'>;

/** The two grants a browser app uses: the code of a sign-in (with its PKCE verifier), and refreshing. */
export type TokenRequest =
  | { readonly grant_type: 'authorization_code'; readonly code: string; readonly redirect_uri: string; readonly code_verifier: string }
  | { readonly grant_type: 'refresh_token'; readonly refresh_token: string };

const UNREACHABLE: TokenResult = { ok: false, failure: { kind: 'transient', description: 'The sign-in server could not be reached' } };

async function readDescription(response: Response): Promise<string | undefined> {
  try {
    const body = oauthErrorSchema.safeParse(await response.json());
    return body.success ? (body.data.error_description ?? body.data.error) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The token endpoint through oauth4webapi, the one maintained OAuth client for every identity
 * provider: it builds the grant (client authentication, PKCE verifier) and checks the success
 * answer; the failures are sorted here, where the vendors' own answers are known (Engage's
 * `403 {"message":"Forbidden"}` for a wrong API key). `client_id` always travels in the form;
 * HTTP Basic is added when a secret is configured. Never rejects.
 */
export async function requestToken(settings: TokenEndpointSettings, fetchFn: typeof fetch, request: TokenRequest): Promise<TokenResult> {
  const as: oauth.AuthorizationServer = { issuer: settings.issuer, authorization_endpoint: settings.authorizeUrl, token_endpoint: settings.tokenUrl };
  const client: oauth.Client = { client_id: settings.clientId };
  const clientAuth = settings.clientSecret ? oauth.ClientSecretBasic(settings.clientSecret) : oauth.None();
  const options: oauth.TokenEndpointRequestOptions = {
    headers: { ...settings.headers },
    ...(settings.clientSecret ? { additionalParameters: { client_id: settings.clientId } } : {}),
    // The configuration decides the URL; a plain-http one (the mock, a lab) is the operator's choice.
    [oauth.allowInsecureRequests]: true,
    [oauth.customFetch]: (url, init) =>
      fetchFn(url, { ...init, body: init.body instanceof URLSearchParams ? init.body.toString() : init.body, cache: 'no-store' }),
  };

  let response: Response;
  try {
    response =
      request.grant_type === 'refresh_token'
        ? await oauth.refreshTokenGrantRequest(as, client, clientAuth, request.refresh_token, options)
        : await oauth.authorizationCodeGrantRequest(
            as,
            client,
            clientAuth,
            // The callback has checked `state` already; this only hands the code over.
            oauth.validateAuthResponse(as, client, new URLSearchParams({ code: request.code }), oauth.expectNoState),
            request.redirect_uri,
            request.code_verifier,
            options,
          );
  } catch {
    return UNREACHABLE;
  }

  if ('x-api-key' in settings.headers && (await isApiKeyRejection(response))) return { ok: false, failure: { kind: 'api-key-rejected', status: 403 } };
  if (response.status === 400 || response.status === 401) {
    return { ok: false, failure: { kind: 'refused', status: response.status, description: await readDescription(response) } };
  }
  if (response.status !== 200) return { ok: false, failure: { kind: 'transient', status: response.status } };

  try {
    const body =
      request.grant_type === 'refresh_token'
        ? await oauth.processRefreshTokenResponse(as, client, response)
        : await oauth.processAuthorizationCodeResponse(as, client, response);
    const parsed = tokenResponseSchema.safeParse(body);
    if (parsed.success) return { ok: true, grant: toTokenGrant(parsed.data) };
  } catch {
    // Falls through: not JSON, or not a token answer.
  }
  // Deliberately no library or zod message: it could quote the body, which holds tokens.
  return { ok: false, failure: { kind: 'transient', status: response.status, description: 'The token response was malformed' } };
}
