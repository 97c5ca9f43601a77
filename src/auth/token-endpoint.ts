import { isApiKeyRejection } from './api-key-rejection.ts';
import { TOKEN_PATH } from './auth-paths.ts';
import { apiUrl, type AuthSettings } from './auth-settings.ts';
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

export type TokenEndpointSettings = Pick<AuthSettings, 'apiBaseUrl' | 'apiKey' | 'clientId' | 'clientSecret'>;

/** RFC 6749 §2.3.1: id and secret are form-encoded before the Basic encoding. */
function basicAuthorization(clientId: string, secret: string): string {
  const encode = (value: string): string => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${btoa(`${encode(clientId)}:${encode(secret)}`)}`;
}

async function readDescription(response: Response): Promise<string | undefined> {
  try {
    const body = oauthErrorSchema.safeParse(await response.json());
    return body.success ? (body.data.error_description ?? body.data.error) : undefined;
  } catch {
    return undefined;
  }
}

/** `POST /auth/v3/oauth/token` with a form; `client_id` always, HTTP Basic when a secret is configured. */
export async function requestToken(
  settings: TokenEndpointSettings,
  fetchFn: typeof fetch,
  form: Readonly<Record<string, string>>,
): Promise<TokenResult> {
  const headers: Record<string, string> = {
    'x-api-key': settings.apiKey,
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (settings.clientSecret) headers.authorization = basicAuthorization(settings.clientId, settings.clientSecret);
  const body = new URLSearchParams({ ...form, client_id: settings.clientId }).toString();

  let response: Response;
  try {
    response = await fetchFn(apiUrl(settings, TOKEN_PATH), { method: 'POST', headers, body, cache: 'no-store' });
  } catch {
    return { ok: false, failure: { kind: 'transient', description: 'The sign-in server could not be reached' } };
  }
  if (await isApiKeyRejection(response)) return { ok: false, failure: { kind: 'api-key-rejected', status: 403 } };
  if (response.status === 400 || response.status === 401) {
    return { ok: false, failure: { kind: 'refused', status: response.status, description: await readDescription(response) } };
  }
  if (!response.ok) return { ok: false, failure: { kind: 'transient', status: response.status } };

  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return { ok: false, failure: { kind: 'transient', status: response.status, description: 'The token response was not JSON' } };
  }
  const parsed = tokenResponseSchema.safeParse(json);
  if (!parsed.success) {
    // Deliberately not the zod message: it could quote the body, which holds tokens.
    return { ok: false, failure: { kind: 'transient', status: response.status, description: 'The token response was malformed' } };
  }
  return { ok: true, grant: toTokenGrant(parsed.data) };
}
