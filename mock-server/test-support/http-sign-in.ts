import { createHash, randomBytes } from 'node:crypto';

/**
 * Sign-in over real HTTP, as a browser would do it: authorization request, the sign-in form,
 * the redirect, then the token exchange. For integration tests of the mock.
 */
export const API_KEY = 'wallboard-demo-key';

export interface TokenResponse {
  readonly access_token: string;
  readonly refresh_token?: string;
  readonly expires_in: number;
  readonly token_type: string;
  readonly scope: string;
}

export interface Pkce {
  readonly verifier: string;
  readonly challenge: string;
}

export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Submits the sign-in form for an authorization request and returns the redirect's Location. */
export async function authorize(
  baseUrl: string,
  params: Record<string, string>,
  credentials = { tenant: 'demo', username: 'supervisor', password: 'supervisor' },
): Promise<{ readonly status: number; readonly location: string | null; readonly page: string }> {
  const url = `${baseUrl}/auth/v3/oauth/authorize?${new URLSearchParams(params).toString()}`;
  const page = await fetch(url, { redirect: 'manual' });
  const html = await page.text();
  // A client that keeps cookies (MSW does) and signed in before is answered at once, without the form.
  if (page.status === 302) return { status: page.status, location: page.headers.get('location'), page: html };
  if (page.status !== 200) return { status: page.status, location: null, page: html };
  // The form carries the OAuth parameters as hidden inputs: send them back with the credentials.
  const hidden = Object.fromEntries(
    [...html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].flatMap((m) => {
      const name = /name="([^"]*)"/.exec(m[0])?.[1];
      const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? '';
      return name ? [[name, value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')]] : [];
    }),
  );
  const posted = await fetch(`${baseUrl}/auth/v3/oauth/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...hidden, ...credentials }).toString(),
  });
  return { status: posted.status, location: posted.headers.get('location'), page: await posted.text() };
}

export async function tokenRequest(baseUrl: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/auth/v3/oauth/token`, {
    method: 'POST',
    headers: { 'x-api-key': API_KEY, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

/** The default flow of the SPA: authorization code with PKCE S256 for the public client. */
export async function signInWithPkce(baseUrl: string, redirectUri = `${baseUrl}/`): Promise<TokenResponse> {
  const pkce = createPkce();
  const state = randomBytes(8).toString('hex');
  const { location } = await authorize(baseUrl, {
    response_type: 'code',
    client_id: 'wallboard',
    redirect_uri: redirectUri,
    state,
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
  });
  if (!location) throw new Error('sign-in did not redirect');
  const back = new URL(location);
  if (back.searchParams.get('state') !== state) throw new Error('state not echoed');
  const code = back.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  const response = await tokenRequest(baseUrl, {
    grant_type: 'authorization_code',
    client_id: 'wallboard',
    code,
    redirect_uri: redirectUri,
    code_verifier: pkce.verifier,
  });
  if (response.status !== 200) throw new Error(`token exchange failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as TokenResponse;
}

export function authHeaders(token: string): Record<string, string> {
  return { 'x-api-key': API_KEY, authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}
