import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSessionGroup } from './auth/auth-sessions.ts';
import { identityProviderSettingsFrom, IdentityProviderConfigError, type IdentityProviderSettings } from './auth/identity-provider.ts';
import { createKeptRefreshToken, KEPT_REFRESH_TOKEN_KEY, keptRefreshTokenKey } from './auth/kept-refresh-token.ts';
import { scopeToKiosk } from './kiosk/kiosk-refresh-token.ts';
import { kioskThemeOverride } from './kiosk/kiosk-route.ts';
import { App } from './app/app.tsx';
import { ConfigErrorPage } from './app/config/config-error-page.tsx';
import { configuredSources, loadRuntimeConfig } from './app/config/runtime-config.ts';
import { loadSourceDefinition } from './sources/source-registry.ts';
import { createBrowserLocalBoards } from './boards/local-boards.ts';
import { createAppQueryClient } from './lib/query-client.ts';
import { startBrowserTheme } from './theme/browser-theme.ts';
import './index.css';

// Before React renders anything, so no content ever shows in the other theme. The CSP allows no
// inline script in index.html, so this is the earliest point; until it runs, the empty page
// follows the system setting through CSS alone (src/index.css).
startBrowserTheme(kioskThemeOverride(window.location.pathname, window.location.search));

async function boot(): Promise<void> {
  const element = document.getElementById('root');
  if (!element) throw new Error('index.html has no #root element');
  const root = createRoot(element);
  const loaded = await loadRuntimeConfig(fetch);
  if (!loaded.ok) {
    root.render(<ConfigErrorPage error={loaded.error} />);
    return;
  }
  const sources = configuredSources(loaded.config);
  // The sources' code and what they need before anyone signs in, fetched while the person does.
  for (const kind of new Set(sources.map((source) => source.kind))) void loadSourceDefinition(kind)?.then((definition) => definition.prepare?.(), () => undefined);
  let providers: IdentityProviderSettings[];
  try {
    providers = sources.flatMap((source) => identityProviderSettingsFrom(source, window.location.origin) ?? []);
  } catch (error) {
    if (!(error instanceof IdentityProviderConfigError)) throw error;
    const index = sources.findIndex((source) => source.id === error.sourceId);
    root.render(<ConfigErrorPage error={{ field: `sources.${index}.${error.field}`, message: error.message }} />);
    return;
  }
  // Kiosk pages keep each source's refresh token across reloads (docs/kiosk.md); nothing else keeps
  // any. The single-source form keeps the key it always had, so a TV stays signed in across an upgrade.
  const singleSource = loaded.config.sources === undefined;
  const sessions = createSessionGroup(providers, {
    keptRefreshToken: (sourceId) =>
      scopeToKiosk(
        createKeptRefreshToken(window.localStorage, Date.now, singleSource ? KEPT_REFRESH_TOKEN_KEY : keptRefreshTokenKey(sourceId)),
        () => window.location.pathname,
      ),
  });
  root.render(
    <StrictMode>
      <App config={loaded.config} sessions={sessions} queryClient={createAppQueryClient()} localBoards={createBrowserLocalBoards()} />
    </StrictMode>,
  );
}

void boot();
