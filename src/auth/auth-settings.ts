import { identityProviderSettingsFrom, type IdentityProviderSettings } from './identity-provider.ts';

/**
 * The single-source part of the runtime config (`src/app/config/runtime-config.ts`) that auth
 * reads. Declared here by shape so auth does not import the app layer; a `RuntimeConfig` fits it as is.
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

/** A Genesys Engage source's identity provider, with its API key at hand for the Statistics API. */
export interface AuthSettings extends IdentityProviderSettings {
  readonly apiKey: string;
}

/** The source id of the single-source configuration form. */
export const DEFAULT_SOURCE_ID = 'default';

/** `origin` is the SPA's own (`location.origin`); the API may live elsewhere (`apiBaseUrl`). */
export function authSettingsFrom(config: AuthConfig, origin: string, sourceId: string = DEFAULT_SOURCE_ID): AuthSettings {
  const provider = identityProviderSettingsFrom(
    { id: sourceId, kind: 'genesys-v3', apiBaseUrl: config.apiBaseUrl, apiKey: config.apiKey, auth: config.auth },
    origin,
  );
  if (!provider) throw new Error('Genesys Engage always signs in at Auth v3');
  return { ...provider, apiKey: config.apiKey };
}

/** An API path made absolute; absolute URLs pass through untouched. */
export function apiUrl(settings: Pick<IdentityProviderSettings, 'apiBaseUrl'>, pathOrUrl: string): string {
  return /^https?:\/\//i.test(pathOrUrl) ? pathOrUrl : `${settings.apiBaseUrl}${pathOrUrl}`;
}
