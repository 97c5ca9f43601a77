import { AUTHORIZE_PATH } from './auth-paths.ts';
import type { AuthSettings } from './auth-settings.ts';

export interface AuthorizeRequest {
  readonly state: string;
  /** Required for the code flow; the implicit grant has no token exchange to bind. */
  readonly codeChallenge?: string;
}

/**
 * The `/auth/v3/oauth/authorize` URL for one attempt. Only `flow: 'implicit'` asks for
 * `response_type=token`; the default never does (issue 5, Security).
 */
export function buildAuthorizeUrl(settings: AuthSettings, request: AuthorizeRequest): string {
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
  params.set('scope', '*');
  return `${settings.apiBaseUrl}${AUTHORIZE_PATH}?${params.toString()}`;
}
