import type { ApiResponse } from '../http-types.ts';
import { authorizeHiddenFields, type AuthorizeRequest } from './authorize-request.ts';
import { htmlResponse, pageCsp, renderHtmlDocument } from './html-page.ts';
import { html, type SafeHtml } from './html-template.ts';

export interface SignInPageModel {
  readonly request: AuthorizeRequest;
  /** The identity provider's authorize path, where the form posts. */
  readonly action: string;
  /** The heading ("Sign in"; Genesys Cloud's login names itself). */
  readonly title: string;
  /** The request's origin, to tell whether the redirect target needs its own `form-action` entry. */
  readonly origin: string;
  readonly tenant: string;
  readonly username: string;
  readonly error?: string;
}

function tenantField(model: SignInPageModel): SafeHtml {
  if (model.request.hideTenant) return html`<input type="hidden" name="tenant" value="${model.tenant}">`;
  return html`<label for="tenant">Tenant</label>
<input id="tenant" name="tenant" autocomplete="organization" required value="${model.tenant}">`;
}

function redirectOrigin(redirectUri: string): string | undefined {
  try {
    const origin = new URL(redirectUri).origin;
    // Opaque origins ("null") cannot appear in a CSP source list.
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** The sign-in form of docs/architecture.md "What browser tests rely on": inputs `tenant`, `username`, `password` and one submit button. */
export function renderSignInPage(model: SignInPageModel): string {
  const hidden = Object.entries(authorizeHiddenFields(model.request)).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">
`,
  );
  const error = model.error ? html`<p class="error" role="alert">${model.error}</p>` : undefined;
  const body = html`<h1>${model.title}</h1>
<p class="hint">to continue to ${model.request.client.id}</p>
${error}
<form method="post" action="${model.action}">
${hidden}${tenantField(model)}
<label for="username">User name</label>
<input id="username" name="username" autocomplete="username" required autofocus value="${model.username}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
<p class="hint">Demo users: supervisor / supervisor, kiosk / kiosk (tenant demo).</p>`;
  return renderHtmlDocument(model.title, body);
}

export function signInPageResponse(status: number, model: SignInPageModel): ApiResponse {
  const target = redirectOrigin(model.request.redirectUri);
  const csp = pageCsp(target !== undefined && target !== model.origin ? target : undefined);
  return htmlResponse(status, renderSignInPage(model), csp);
}
