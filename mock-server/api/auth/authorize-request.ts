import { z } from 'zod';
import type { ApiResponse } from '../http-types.ts';
import { htmlErrorPage } from './html-page.ts';
import { AUTH_V3_DIALECT, type OAuthDialect } from './oauth-dialect.ts';
import type { ClientRegistry, OAuthClient, ResponseType } from './oauth-clients.ts';
import { PKCE_VALUE } from './pkce.ts';
import { withFragment, withQuery } from './redirect-url.ts';
import { firstIssueMessage, requiredString } from './zod-helpers.ts';

/** A validated `/authorize` request; only these values are ever reflected back to the browser. */
export interface AuthorizeRequest {
  readonly client: OAuthClient;
  readonly redirectUri: string;
  readonly responseType: ResponseType;
  readonly scope: string | undefined;
  readonly state: string | undefined;
  readonly codeChallenge: string | undefined;
  readonly hideTenant: boolean;
  /**
   * OpenID Connect's `prompt`: `none` answers at once from the sign-in session or with
   * `error=login_required`; `login` shows the form even to a signed-in browser. Others are ignored.
   */
  readonly prompt: 'none' | 'login' | undefined;
}

export type AuthorizeValidation =
  | { readonly ok: true; readonly request: AuthorizeRequest }
  | { readonly ok: false; readonly response: ApiResponse };

/** Parameters that RFC 6749 §3.1 forbids repeating. */
export const SINGLE_VALUED_PARAMS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
  'prompt',
] as const;

const MAX_STATE_LENGTH = 2048;

/** What must hold before we may redirect at all. */
const clientStageSchema = z.object({
  client_id: requiredString('client_id', 256),
  redirect_uri: requiredString('redirect_uri', 2048),
});

/** Everything else; failures here go back to the (now trusted) redirect URI. */
const redirectStageSchema = z.object({
  response_type: requiredString('response_type', 64),
  scope: z.string().max(1024, 'scope is too long').optional(),
  state: z.string().max(MAX_STATE_LENGTH, 'state is too long').optional(),
  code_challenge: z.string().max(256, 'code_challenge is too long').optional(),
  code_challenge_method: z.string().max(16, 'code_challenge_method is too long').optional(),
  hideTenant: z.string().max(16, 'hideTenant is too long').optional(),
  prompt: z.string().max(64, 'prompt is too long').optional(),
});

function errorRedirect(
  redirectUri: string,
  inFragment: boolean,
  error: string,
  description: string,
  state: string | undefined,
): ApiResponse {
  const params = { error, error_description: description, state };
  // RFC 6749 §4.2.2.1: implicit-grant errors travel in the fragment, code-grant errors in the query.
  const location = inFragment ? withFragment(redirectUri, params) : withQuery(redirectUri, params);
  return { status: 302, headers: { location, 'cache-control': 'no-store' } };
}

/**
 * Validates the OAuth parameters of `GET` (query) or `POST` (hidden form fields) `/authorize`.
 * Unknown client or unregistered redirect URI → HTML error page, never a redirect
 * (RFC 6749 §4.1.2.1); any other problem → redirect with `error=…&state=…`.
 */
export function validateAuthorizeRequest(
  params: Readonly<Record<string, string>>,
  repeated: readonly string[],
  clients: ClientRegistry,
  dialect: Pick<OAuthDialect, 'acceptsScope' | 'scopeError'> = AUTH_V3_DIALECT,
): AuthorizeValidation {
  const clientStage = clientStageSchema.safeParse(params);
  if (!clientStage.success) return { ok: false, response: htmlErrorPage(400, firstIssueMessage(clientStage.error)) };
  if (repeated.includes('client_id') || repeated.includes('redirect_uri')) {
    return { ok: false, response: htmlErrorPage(400, 'client_id and redirect_uri must each be sent once') };
  }
  const { client_id: clientId, redirect_uri: redirectUri } = clientStage.data;
  const client = clients.find(clientId);
  if (!client) return { ok: false, response: htmlErrorPage(400, 'Unknown client_id: this application is not registered') };
  if (!clients.isRegisteredRedirect(client, redirectUri)) {
    return { ok: false, response: htmlErrorPage(400, 'redirect_uri is not registered for this client') };
  }

  const rawState = params.state;
  const state = rawState !== undefined && rawState.length <= MAX_STATE_LENGTH ? rawState : undefined;
  const fail = (error: string, description: string): AuthorizeValidation => ({
    ok: false,
    response: errorRedirect(redirectUri, params.response_type === 'token', error, description, state),
  });

  const rest = redirectStageSchema.safeParse(params);
  if (!rest.success) return fail('invalid_request', firstIssueMessage(rest.error));
  const twice = repeated.find((name) => name !== 'client_id' && name !== 'redirect_uri');
  if (twice) return fail('invalid_request', `${twice} must be sent once`);

  const { response_type: responseType, scope, code_challenge: challenge, code_challenge_method: method } = rest.data;
  if (responseType !== 'code' && responseType !== 'token') {
    return fail('unsupported_response_type', 'response_type must be code or token');
  }
  if (!client.responseTypes.has(responseType)) {
    return fail('unauthorized_client', `This client may not use response_type=${responseType}`);
  }
  // An empty scope is treated as absent.
  if (!dialect.acceptsScope(scope)) return fail('invalid_scope', dialect.scopeError);

  let codeChallenge: string | undefined;
  if (responseType === 'code') {
    const hasChallenge = challenge !== undefined && challenge !== '';
    if (!hasChallenge && client.requirePkce) {
      return fail('invalid_request', 'code_challenge is required (PKCE with code_challenge_method=S256)');
    }
    if (hasChallenge) {
      if (!PKCE_VALUE.test(challenge)) {
        return fail('invalid_request', 'code_challenge must be 43-128 characters of [A-Za-z0-9-._~]');
      }
      // `plain` (the RFC 7636 default when the method is absent) offers no protection; only S256 is accepted.
      if (method !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
      codeChallenge = challenge;
    }
  }

  return {
    ok: true,
    request: {
      client,
      redirectUri,
      responseType,
      scope: scope === '' ? undefined : scope,
      state: rest.data.state,
      codeChallenge,
      hideTenant: rest.data.hideTenant?.toLowerCase() === 'true',
      prompt: rest.data.prompt === 'none' || rest.data.prompt === 'login' ? rest.data.prompt : undefined,
    },
  };
}

/** The hidden fields the sign-in form posts back: the validated parameters, re-validated on POST. */
export function authorizeHiddenFields(request: AuthorizeRequest): Readonly<Record<string, string>> {
  const fields: Record<string, string> = {
    client_id: request.client.id,
    redirect_uri: request.redirectUri,
    response_type: request.responseType,
  };
  if (request.scope) fields.scope = request.scope;
  if (request.state !== undefined) fields.state = request.state;
  if (request.codeChallenge !== undefined) {
    fields.code_challenge = request.codeChallenge;
    fields.code_challenge_method = 'S256';
  }
  if (request.hideTenant) fields.hideTenant = 'true';
  return fields;
}

/** The redirect after a failed step past validation (e.g. `access_denied`), in the right part of the URI. */
export function authorizeErrorRedirect(request: AuthorizeRequest, error: string, description: string): ApiResponse {
  return errorRedirect(request.redirectUri, request.responseType === 'token', error, description, request.state);
}
