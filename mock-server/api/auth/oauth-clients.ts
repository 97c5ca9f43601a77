import { safeEqual } from './secure-compare.ts';

export type GrantType = 'authorization_code' | 'refresh_token' | 'password' | 'client_credentials';
export type ResponseType = 'code' | 'token';

export const GRANT_TYPES: readonly GrantType[] = ['authorization_code', 'refresh_token', 'password', 'client_credentials'];

export const PUBLIC_CLIENT_ID = 'wallboard';
export const SERVICE_CLIENT_ID = 'wallboard-service';
export const SERVICE_CLIENT_SECRET = 'wallboard-service-secret';

export interface OAuthClient {
  readonly id: string;
  /** Undefined for a public client (the SPA cannot keep a secret). */
  readonly secret: string | undefined;
  readonly grants: ReadonlySet<GrantType>;
  readonly responseTypes: ReadonlySet<ResponseType>;
  /** Public clients must bind their codes to a PKCE S256 challenge. */
  readonly requirePkce: boolean;
}

export interface ClientRegistry {
  find(clientId: string): OAuthClient | undefined;
  /** Exact string match (RFC 6749 §3.1.2.2): no prefix, host or trailing-slash leniency. */
  isRegisteredRedirect(client: OAuthClient, redirectUri: string): boolean;
  /** True when `secret` is this confidential client's secret. */
  secretMatches(client: OAuthClient, secret: string): boolean;
}

export function isPublicClient(client: OAuthClient): boolean {
  return client.secret === undefined;
}

/** The two demo clients of the Engage Authentication API (docs/mock-server.md). */
export const AUTH_V3_CLIENTS: readonly OAuthClient[] = [
  {
    id: PUBLIC_CLIENT_ID,
    secret: undefined,
    grants: new Set<GrantType>(['authorization_code', 'refresh_token']),
    responseTypes: new Set<ResponseType>(['code', 'token']),
    requirePkce: true,
  },
  {
    id: SERVICE_CLIENT_ID,
    secret: SERVICE_CLIENT_SECRET,
    grants: new Set<GrantType>(['authorization_code', 'refresh_token', 'password', 'client_credentials']),
    // The implicit grant hands tokens to the browser; a client with a secret has no reason to use it.
    responseTypes: new Set<ResponseType>(['code']),
    requirePkce: false,
  },
];

/**
 * The same two clients at Genesys Cloud's login: the SPA signs in with code + PKCE only (the
 * vendor retires the implicit grant), tools with client credentials (what the official SDK sends).
 */
export const GENESYS_CLOUD_CLIENTS: readonly OAuthClient[] = [
  {
    id: PUBLIC_CLIENT_ID,
    secret: undefined,
    grants: new Set<GrantType>(['authorization_code', 'refresh_token']),
    responseTypes: new Set<ResponseType>(['code']),
    requirePkce: true,
  },
  {
    id: SERVICE_CLIENT_ID,
    secret: SERVICE_CLIENT_SECRET,
    grants: new Set<GrantType>(['client_credentials']),
    responseTypes: new Set<ResponseType>(),
    requirePkce: false,
  },
];

/** A registry of clients that share the redirect URIs the server registers at start. */
export function createClientRegistry(redirectUris: () => readonly string[], registered: readonly OAuthClient[] = AUTH_V3_CLIENTS): ClientRegistry {
  const clients = new Map<string, OAuthClient>(registered.map((client) => [client.id, client]));
  return {
    find: (clientId) => clients.get(clientId),
    isRegisteredRedirect: (_client, redirectUri) => redirectUris().includes(redirectUri),
    secretMatches: (client, secret) => client.secret !== undefined && safeEqual(client.secret, secret),
  };
}
