import type { ApiResponse } from '../http-types.ts';
import { isPublicClient, type ClientRegistry, type OAuthClient } from './oauth-clients.ts';
import { oauthError } from './token-responses.ts';

export type ClientAuthentication =
  | { readonly ok: true; readonly client: OAuthClient }
  | { readonly ok: false; readonly response: ApiResponse };

interface BasicCredentials {
  readonly id: string;
  readonly secret: string;
}

/** RFC 6749 §2.3.1 form-encodes id and secret before Basic encoding; tolerate clients that do not. */
function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** undefined: no Basic header; null: a Basic header that cannot be read. */
function parseBasic(authorization: string | undefined): BasicCredentials | undefined | null {
  if (authorization === undefined) return undefined;
  const match = /^basic\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return /^basic\b/i.test(authorization) ? null : undefined;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}

/**
 * Who is calling /token. Confidential clients authenticate with HTTP Basic (or, tolerated,
 * `client_secret` in the form); the public client identifies itself with `client_id` only, which
 * is safe because its codes are bound to PKCE and its refresh tokens to its id.
 */
export function authenticateClient(
  authorization: string | undefined,
  form: Readonly<Record<string, string>>,
  clients: ClientRegistry,
  /** The identity provider's answer to bad client credentials. */
  refused: ApiResponse,
): ClientAuthentication {
  const basic = parseBasic(authorization);
  if (basic === null) return { ok: false, response: refused };

  const formId = form.client_id;
  if (basic) {
    const client = clients.find(basic.id);
    if (!client) return { ok: false, response: refused };
    if (formId !== undefined && formId !== basic.id) return { ok: false, response: refused };
    const accepted = isPublicClient(client) ? basic.secret === '' : clients.secretMatches(client, basic.secret);
    return accepted ? { ok: true, client } : { ok: false, response: refused };
  }

  if (formId === undefined || formId === '') {
    return { ok: false, response: oauthError(400, 'invalid_request', 'client_id (or HTTP Basic client authentication) is required') };
  }
  const client = clients.find(formId);
  if (!client) return { ok: false, response: refused };
  if (isPublicClient(client)) {
    return form.client_secret ? { ok: false, response: refused } : { ok: true, client };
  }
  const secret = form.client_secret;
  return secret !== undefined && clients.secretMatches(client, secret)
    ? { ok: true, client }
    : { ok: false, response: refused };
}
