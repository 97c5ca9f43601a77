import { z } from 'zod';
import type { AuthContext } from '../auth/auth-context.ts';
import { htmlErrorPage, htmlResponse, renderHtmlDocument } from '../auth/html-page.ts';
import { html } from '../auth/html-template.ts';
import type { ApiRequest, ApiResponse, Route } from '../http-types.ts';
import { GC_LOGOUT_PATH } from './login-paths.ts';

const querySchema = z.object({
  client_id: z.string().max(256).optional(),
  redirect_uri: z.string().max(2048).optional(),
});

function signedOutPage(): ApiResponse {
  return htmlResponse(200, renderHtmlDocument('Signed out', html`<h1>Signed out</h1>
<p class="hint">You are signed out of Genesys Cloud.</p>`));
}

/**
 * `GET /genesys-cloud/login/logout[?client_id=…&redirect_uri=…]`, what the official SDK's
 * `logout()` opens: ends the sign-in session this browser's cookie names, so the next
 * `/oauth/authorize` shows the form again. Tokens already issued stay valid until they expire
 * (the platform revokes them through its API, not here). The redirect goes only to a URI
 * registered for the client: anything else would make logout an open redirect.
 */
function logout(ctx: AuthContext, request: ApiRequest): ApiResponse {
  const query = querySchema.safeParse(Object.fromEntries(request.query));
  if (!query.success) return htmlErrorPage(400, 'The logout request could not be read');
  const { client_id: clientId, redirect_uri: redirectUri } = query.data;
  let location: string | undefined;
  if (redirectUri !== undefined && redirectUri !== '') {
    const client = clientId === undefined ? undefined : ctx.clients.find(clientId);
    if (!client || !ctx.clients.isRegisteredRedirect(client, redirectUri)) {
      return htmlErrorPage(400, 'redirect_uri is not registered for this client');
    }
    location = redirectUri;
  }

  const session = ctx.sessions.fromRequest(request);
  if (session) ctx.sessions.end(session.id);
  const clear = { 'set-cookie': ctx.sessions.clearCookie(request.origin.startsWith('https:')) };
  if (location !== undefined) return { status: 302, headers: { location, 'cache-control': 'no-store', ...clear } };
  const page = signedOutPage();
  return { ...page, headers: { ...page.headers, ...clear } };
}

export function createLogoutRoute(ctx: AuthContext): Route {
  return { method: 'GET', path: GC_LOGOUT_PATH, handler: (request) => logout(ctx, request) };
}
