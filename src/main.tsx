import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAuthSession } from './auth/auth-session.ts';
import { createKeptRefreshToken } from './auth/kept-refresh-token.ts';
import { scopeToKiosk } from './kiosk/kiosk-refresh-token.ts';
import { kioskThemeOverride } from './kiosk/kiosk-route.ts';
import { App } from './app/app.tsx';
import { ConfigErrorPage } from './app/config/config-error-page.tsx';
import { loadRuntimeConfig } from './app/config/runtime-config.ts';
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
  // Kiosk pages keep their refresh token across reloads (docs/kiosk.md); nothing else keeps any.
  const keptRefreshToken = scopeToKiosk(createKeptRefreshToken(window.localStorage), () => window.location.pathname);
  const session = createAuthSession({ config: loaded.config, keptRefreshToken });
  root.render(
    <StrictMode>
      <App config={loaded.config} session={session} queryClient={createAppQueryClient()} localBoards={createBrowserLocalBoards()} />
    </StrictMode>,
  );
}

void boot();
