/**
 * One source's identity provider, as the auth layer needs it: every URL absolute, what to send
 * with each request, how the browser signs in. A deployment may configure several sources, each
 * signing in at its own provider: Genesys Engage's Authentication API v3 or Genesys Cloud's login.
 */
export type IdentityProviderKind = 'auth-v3' | 'genesys-cloud';

export type SignInFlow = 'code-pkce' | 'implicit';

export interface IdentityProviderSettings {
  /** The source this provider signs in for (the runtime configuration's source id). */
  readonly sourceId: string;
  readonly kind: IdentityProviderKind;
  /** The provider's issuer identifier (its OAuth root URL). */
  readonly issuer: string;
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  /** Engage: `POST /auth/v3/sign-out` with the bearer. Genesys Cloud: its login's `/logout`, which ends the browser's session there. */
  readonly signOutUrl: string;
  /** The source's API root, no trailing slash: relative paths of the authorized fetch resolve against it. */
  readonly apiBaseUrl: string;
  readonly clientId: string;
  /** Only for clients registered with a secret; a browser app normally has none. */
  readonly clientSecret: string | undefined;
  readonly flow: SignInFlow;
  readonly redirectPath: string;
  /** Exactly the URI registered for the client, sent to /authorize and again to /token. */
  readonly redirectUri: string;
  /** Sent with every token request and API call: Engage's `x-api-key`; none for Genesys Cloud. */
  readonly headers: Readonly<Record<string, string>>;
  /** The `scope` asked for at /authorize: Engage knows only `*`; Genesys Cloud grants the client's own when none is asked. */
  readonly scope: string | undefined;
}

/**
 * A source in the runtime configuration, as far as signing in goes. The app's config schema
 * validates the file; this is the shape it hands over.
 */
export interface SourceAuthConfig {
  readonly id: string;
  readonly kind: 'genesys-v3' | 'genesys-cloud' | 'gws' | '8x8';
  /** API root; default: this origin (Genesys Engage). Relative values resolve against this origin. */
  readonly apiBaseUrl?: string | undefined;
  /** Genesys Cloud's login root (`https://login.<region>`; the mock's `/genesys-cloud/login`). */
  readonly loginBaseUrl?: string | undefined;
  /** Genesys Engage's `x-api-key`. */
  readonly apiKey?: string | undefined;
  readonly auth?:
    | {
        readonly clientId: string;
        readonly flow: SignInFlow;
        readonly redirectPath?: string | undefined;
        readonly clientSecret?: string | undefined;
      }
    | undefined;
}

export const DEFAULT_REDIRECT_PATH = '/auth/callback';

/** A source whose sign-in settings cannot work; `field` names the config key to fix. */
export class IdentityProviderConfigError extends Error {
  constructor(
    readonly sourceId: string,
    readonly field: string,
    message: string,
  ) {
    super(`Source "${sourceId}": ${field} ${message}`);
    this.name = 'IdentityProviderConfigError';
  }
}

/** An absolute URL without a trailing slash; a relative one is taken on this origin. */
function absoluteRoot(value: string, origin: string): string {
  return new URL(value, `${origin}/`).href.replace(/\/+$/, '');
}

/**
 * The identity provider a source signs in at, or undefined for a source that signs no person in
 * in the browser (`gws`: HTTP Basic; `8x8`: polled by the wallboard server only). `origin` is the
 * SPA's own (`location.origin`). Throws `IdentityProviderConfigError` when a needed field is missing.
 */
export function identityProviderSettingsFrom(source: SourceAuthConfig, origin: string): IdentityProviderSettings | undefined {
  if (source.kind !== 'genesys-v3' && source.kind !== 'genesys-cloud') return undefined;
  const fail = (field: string, message: string): never => {
    throw new IdentityProviderConfigError(source.id, field, message);
  };
  const auth = source.auth ?? fail('auth', 'is required (clientId and flow)');
  const redirectPath = auth.redirectPath ?? DEFAULT_REDIRECT_PATH;
  const common = {
    sourceId: source.id,
    clientId: auth.clientId,
    clientSecret: auth.clientSecret,
    redirectPath,
    redirectUri: `${origin}${redirectPath}`,
  };

  if (source.kind === 'genesys-v3') {
    const apiKey = source.apiKey ?? '';
    if (apiKey === '') fail('apiKey', 'is required (the x-api-key of Genesys Engage)');
    const apiBaseUrl = absoluteRoot(source.apiBaseUrl ?? origin, origin);
    const root = `${apiBaseUrl}/auth/v3`;
    return {
      ...common,
      kind: 'auth-v3',
      issuer: root,
      authorizeUrl: `${root}/oauth/authorize`,
      tokenUrl: `${root}/oauth/token`,
      signOutUrl: `${root}/sign-out`,
      apiBaseUrl,
      flow: auth.flow,
      headers: { 'x-api-key': apiKey },
      scope: '*',
    };
  }

  // The vendor retires the implicit grant (no new clients from March 2026, none at all by 2027).
  if (auth.flow !== 'code-pkce') fail('auth.flow', 'must be "code-pkce": Genesys Cloud retires the implicit grant');
  const login = absoluteRoot(source.loginBaseUrl ?? fail('loginBaseUrl', 'is required (https://login.<region>)'), origin);
  return {
    ...common,
    kind: 'genesys-cloud',
    issuer: login,
    authorizeUrl: `${login}/oauth/authorize`,
    tokenUrl: `${login}/oauth/token`,
    signOutUrl: `${login}/logout`,
    apiBaseUrl: absoluteRoot(source.apiBaseUrl ?? fail('apiBaseUrl', 'is required (https://api.<region>)'), origin),
    flow: 'code-pkce',
    headers: {},
    scope: undefined,
  };
}
