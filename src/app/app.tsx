import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { AuthGate } from '../auth/auth-gate.tsx';
import type { AuthSession } from '../auth/auth-session.ts';
import { AuthProvider } from '../auth/auth-provider.tsx';
import { useAuth } from '../auth/use-auth.ts';
import type { LocalBoards } from '../boards/local-boards.ts';
import type { RuntimeConfig } from './config/runtime-config.ts';
import { KioskApp } from '../kiosk/kiosk-app.tsx';
import { isKioskPath } from '../kiosk/kiosk-route.ts';
import { LiveApp, type LiveAppProps } from './live-app.tsx';

export interface AppProps {
  readonly config: RuntimeConfig;
  readonly session: AuthSession;
  readonly queryClient: QueryClient;
  readonly localBoards: LocalBoards;
}

/**
 * A new sign-in starts from a clean slate: a fresh store and source per session. The address says
 * app or kiosk; it is read once signed in, after the callback has put the address back.
 */
function SignedIn(props: LiveAppProps): ReactElement {
  const { sessionId } = useAuth();
  if (isKioskPath(window.location.pathname)) return <KioskApp key={sessionId} {...props} />;
  return <LiveApp key={sessionId} {...props} />;
}

/** Providers, then the sign-in gate, then the live boards. */
export function App({ config, session, queryClient, localBoards }: AppProps): ReactElement {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider session={session}>
        <AuthGate>
          <SignedIn session={session} defaultBoard={config.defaultBoard} localBoards={localBoards} serviceLevelTargetPercent={config.serviceLevelTargetPercent} />
        </AuthGate>
      </AuthProvider>
    </QueryClientProvider>
  );
}
