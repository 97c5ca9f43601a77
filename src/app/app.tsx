import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { AuthGate } from '../auth/auth-gate.tsx';
import type { AuthSession } from '../auth/auth-session.ts';
import { AuthProvider } from '../auth/auth-provider.tsx';
import { useAuth } from '../auth/use-auth.ts';
import type { RuntimeConfig } from './config/runtime-config.ts';
import { LiveApp } from './live-app.tsx';

export interface AppProps {
  readonly config: RuntimeConfig;
  readonly session: AuthSession;
  readonly queryClient: QueryClient;
}

/** A new sign-in starts from a clean slate: a fresh store and source per session. */
function SignedIn({ session, defaultBoard }: { readonly session: AuthSession; readonly defaultBoard: string }): ReactElement {
  const { sessionId } = useAuth();
  return <LiveApp key={sessionId} session={session} defaultBoard={defaultBoard} />;
}

/** Providers, then the sign-in gate, then the live boards. */
export function App({ config, session, queryClient }: AppProps): ReactElement {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider session={session}>
        <AuthGate>
          <SignedIn session={session} defaultBoard={config.defaultBoard} />
        </AuthGate>
      </AuthProvider>
    </QueryClientProvider>
  );
}
