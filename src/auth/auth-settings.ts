/**
 * The part of the runtime config (`src/app/config/runtime-config.ts`) that auth reads. Declared
 * here by shape so auth does not import the app layer; a `RuntimeConfig` fits it as is.
 */
export interface AuthConfig {
  readonly apiBaseUrl?: string | undefined;
  readonly apiKey: string;
  readonly auth: {
    readonly clientId: string;
    readonly flow: 'code-pkce' | 'implicit';
    readonly clientSecret?: string | undefined;
    readonly redirectPath?: string | undefined;
  };
}

/** What the auth core needs, with URLs made absolute for this page. */
export interface AuthSettings {
  /** Absolute, no trailing slash: the same URLs work for fetch, CometD and tests outside a browser. */
  readonly apiBaseUrl: string;
  readonly apiKey: string;
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  readonly flow: 'code-pkce' | 'implicit';
  readonly redirectPath: string;
  /** Exactly the URI registered for the client, sent to /authorize and again to /token. */
  readonly redirectUri: string;
}

export const DEFAULT_REDIRECT_PATH = '/auth/callback';

/** `origin` is the SPA's own (`location.origin`); the API may live elsewhere (`apiBaseUrl`). */
export function authSettingsFrom(config: AuthConfig, origin: string): AuthSettings {
  const redirectPath = config.auth.redirectPath ?? DEFAULT_REDIRECT_PATH;
  return {
    apiBaseUrl: (config.apiBaseUrl ?? origin).replace(/\/+$/, ''),
    apiKey: config.apiKey,
    clientId: config.auth.clientId,
    clientSecret: config.auth.clientSecret,
    flow: config.auth.flow,
    redirectPath,
    redirectUri: `${origin}${redirectPath}`,
  };
}

/** An API path made absolute; absolute URLs pass through untouched. */
export function apiUrl(settings: Pick<AuthSettings, 'apiBaseUrl'>, pathOrUrl: string): string {
  return /^https?:\/\//i.test(pathOrUrl) ? pathOrUrl : `${settings.apiBaseUrl}${pathOrUrl}`;
}
