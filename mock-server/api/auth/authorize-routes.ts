import { z } from 'zod';
import type { ApiRequest, ApiResponse, Route } from '../http-types.ts';
import type { AuthContext } from './auth-context.ts';
import {
  authorizeErrorRedirect,
  SINGLE_VALUED_PARAMS,
  validateAuthorizeRequest,
  type AuthorizeRequest,
} from './authorize-request.ts';
import { DEMO_TENANT, findUser, findUserByCredentials, type DemoUser } from './demo-identities.ts';
import { htmlErrorPage } from './html-page.ts';
import { withFragment, withQuery } from './redirect-url.ts';
import { signInPageResponse, type SignInPageModel } from './sign-in-page.ts';

export const BAD_SIGN_IN_MESSAGE = 'Check your user name and password';

const formSchema = z.record(z.string(), z.string());
const credentialsSchema = z.object({
  tenant: z.string().max(256).optional(),
  username: z.string().max(256).optional(),
  password: z.string().max(1024).optional(),
});

const isSecure = (request: ApiRequest): boolean => request.origin.startsWith('https:');

function page(ctx: AuthContext, request: ApiRequest, status: number, model: Omit<SignInPageModel, 'action' | 'title' | 'origin'>): ApiResponse {
  return signInPageResponse(status, { ...model, origin: request.origin, action: ctx.paths.authorize, title: ctx.signInTitle });
}

function redirectWithGrant(ctx: AuthContext, request: AuthorizeRequest, user: DemoUser, sessionId: string): ApiResponse {
  let location: string;
  if (request.responseType === 'code') {
    const code = ctx.codes.issue({
      clientId: request.client.id,
      redirectUri: request.redirectUri,
      subject: user.username,
      tenant: user.tenant,
      codeChallenge: request.codeChallenge,
      sessionId,
    });
    location = withQuery(request.redirectUri, { code, state: request.state });
  } else {
    // Implicit grant (RFC 6749 §4.2.2): the token in the fragment, and never a refresh token.
    const access = ctx.tokens.issueAccessToken({
      subject: user.username,
      kind: 'user',
      tenant: user.tenant,
      clientId: request.client.id,
      sessionId,
    });
    location = withFragment(request.redirectUri, {
      access_token: access.token,
      token_type: 'bearer',
      expires_in: String(ctx.tokens.accessTtlSec),
      scope: request.scope ?? '*',
      state: request.state,
    });
  }
  return { status: 302, headers: { location, 'cache-control': 'no-store' } };
}

/**
 * `GET …/oauth/authorize`. A browser that signed in here before (the session cookie) gets its
 * code at once, as real identity providers answer; `prompt=none` never shows the form (no session:
 * `error=login_required`), `prompt=login` always does.
 */
function showSignIn(ctx: AuthContext, request: ApiRequest): ApiResponse {
  const repeated = SINGLE_VALUED_PARAMS.filter((name) => request.query.getAll(name).length > 1);
  const validation = validateAuthorizeRequest(Object.fromEntries(request.query), repeated, ctx.clients, ctx.dialect);
  if (!validation.ok) return validation.response;
  const authorize = validation.request;

  const session = authorize.prompt === 'login' ? undefined : ctx.sessions.fromRequest(request);
  const user = session ? findUser(session.tenant, session.subject) : undefined;
  if (session && user) return redirectWithGrant(ctx, authorize, user, session.id);
  if (authorize.prompt === 'none') return authorizeErrorRedirect(authorize, 'login_required', 'The user is not signed in');
  return page(ctx, request, 200, { request: authorize, tenant: DEMO_TENANT, username: '' });
}

/**
 * The form's POST. The hidden OAuth fields are validated again from scratch: they came back
 * through the browser and are no more trustworthy than the original query. A good password starts
 * a sign-in session (replacing the browser's earlier one).
 */
function submitSignIn(ctx: AuthContext, request: ApiRequest): ApiResponse {
  if (request.bodyError === 'too-large') return htmlErrorPage(413, 'The sign-in form was too large');
  const form = request.bodyError ? undefined : formSchema.safeParse(request.body ?? {});
  if (!form?.success) return htmlErrorPage(400, 'The sign-in form could not be read');
  const validation = validateAuthorizeRequest(form.data, [], ctx.clients, ctx.dialect);
  if (!validation.ok) return validation.response;
  const authorize = validation.request;

  const credentials = credentialsSchema.safeParse(form.data);
  const submittedTenant = credentials.success ? (credentials.data.tenant?.trim() ?? '') : '';
  // With the tenant field hidden the user cannot fix it, so an absent one means the demo tenant.
  const tenant = submittedTenant === '' && authorize.hideTenant ? DEMO_TENANT : submittedTenant;
  const username = credentials.success ? (credentials.data.username?.trim() ?? '') : '';
  const password = credentials.success ? (credentials.data.password ?? '') : '';
  const user = credentials.success ? findUserByCredentials(tenant, username, password) : undefined;
  if (!user) {
    return page(ctx, request, 401, {
      request: authorize,
      tenant: authorize.hideTenant ? DEMO_TENANT : tenant,
      username,
      error: BAD_SIGN_IN_MESSAGE,
    });
  }
  const previous = ctx.sessions.fromRequest(request);
  if (previous) ctx.sessions.end(previous.id);
  const { session, setCookie } = ctx.sessions.start(user, authorize.client.id, isSecure(request));
  const redirect = redirectWithGrant(ctx, authorize, user, session.id);
  return { ...redirect, headers: { ...redirect.headers, 'set-cookie': setCookie } };
}

/**
 * `GET|POST …/oauth/authorize`. Deliberately WITHOUT the `x-api-key` check: a browser navigation
 * cannot add headers, so the sign-in page could never be shown otherwise.
 */
export function createAuthorizeRoutes(ctx: AuthContext): readonly Route[] {
  return [
    { method: 'GET', path: ctx.paths.authorize, handler: (request) => showSignIn(ctx, request) },
    { method: 'POST', path: ctx.paths.authorize, handler: (request) => submitSignIn(ctx, request) },
  ];
}
