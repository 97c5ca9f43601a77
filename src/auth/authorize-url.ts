import type { IdentityProviderSettings } from './identity-provider.ts';

export interface AuthorizeRequest {
  readonly state: string;
  /** Required for the code flow; the implicit grant has no token exchange to bind. */
  readonly codeChallenge?: string;
  /**
   * `none`: a sign-in that continues on its own — the provider answers at once from its session,
   * or with `error=login_required`; it never shows its form.
   */
  readonly prompt?: 'none';
}

/**
 * The provider's `/authorize` URL for one attempt. Only `flow: 'implicit'` asks for
 * `response_type=token`; the default never does (issue 5, Security).
 */
export function buildAuthorizeUrl(
  settings: Pick<IdentityProviderSettings, 'authorizeUrl' | 'clientId' | 'redirectUri' | 'flow' | 'scope'>,
  request: AuthorizeRequest,
): string {
  const params = new URLSearchParams();
  if (settings.flow === 'implicit') {
    params.set('response_type', 'token');
  } else {
    if (!request.codeChallenge) throw new Error('The code flow needs a PKCE code challenge');
    params.set('response_type', 'code');
  }
  params.set('client_id', settings.clientId);
  params.set('redirect_uri', settings.redirectUri);
  params.set('state', request.state);
  if (settings.flow === 'code-pkce' && request.codeChallenge) {
    params.set('code_challenge', request.codeChallenge);
    params.set('code_challenge_method', 'S256');
  }
  if (settings.scope !== undefined) params.set('scope', settings.scope);
  if (request.prompt !== undefined) params.set('prompt', request.prompt);
  return `${settings.authorizeUrl}?${params.toString()}`;
}
