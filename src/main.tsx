import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAuthSession } from './auth/auth-session.ts';
import { App } from './app/app.tsx';
import { ConfigErrorPage } from './app/config/config-error-page.tsx';
import { loadRuntimeConfig } from './app/config/runtime-config.ts';
import { createBrowserLocalBoards } from './boards/local-boards.ts';
import { createAppQueryClient } from './lib/query-client.ts';
import './index.css';

async function boot(): Promise<void> {
  const element = document.getElementById('root');
  if (!element) throw new Error('index.html has no #root element');
  const root = createRoot(element);
  const loaded = await loadRuntimeConfig(fetch);
  if (!loaded.ok) {
    root.render(<ConfigErrorPage error={loaded.error} />);
    return;
  }
  const session = createAuthSession({ config: loaded.config });
  root.render(
    <StrictMode>
      <App config={loaded.config} session={session} queryClient={createAppQueryClient()} localBoards={createBrowserLocalBoards()} />
    </StrictMode>,
  );
}

void boot();
