import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useMemo, type ReactElement } from 'react';
import { AuthGate } from '../auth/auth-gate.tsx';
import type { AuthSessions } from '../auth/auth-sessions.ts';
import { AuthProvider } from '../auth/auth-provider.tsx';
import { useAuth } from '../auth/use-auth.ts';
import type { LocalBoards } from '../boards/local-boards.ts';
import { configuredSources, defaultSourceId, type RuntimeConfig } from './config/runtime-config.ts';
import { useConfiguredSources, useSourceDefinitions, type SourceDefinitions } from './configured-sources.ts';
import { KioskApp } from '../kiosk/kiosk-app.tsx';
import { isKioskPath } from '../kiosk/kiosk-route.ts';
import { LiveApp, type LiveAppProps } from './live-app.tsx';

export interface AppProps {
  readonly config: RuntimeConfig;
  /** One session per source that signs a person in, started together (src/auth/auth-sessions.ts). */
  readonly sessions: AuthSessions;
  readonly queryClient: QueryClient;
  readonly localBoards: LocalBoards;
}

/**
 * A new sign-in starts from a clean slate: a fresh store and source per session. The address says
 * app or kiosk; it is read once signed in, after the callback has put the address back.
 */
type SignedInProps = Omit<LiveAppProps, 'sources'> & { readonly config: RuntimeConfig; readonly sessions: AuthSessions };

function SignedIn(props: SignedInProps): ReactElement {
  const configs = useMemo(() => configuredSources(props.config), [props.config]);
  const definitions = useSourceDefinitions(configs);
  if (definitions.state === 'failed') {
    return (
      <p role="alert" className="p-8 text-lg text-red-300">
        The app could not load the code of its sources: {definitions.message}. Reload the page.
      </p>
    );
  }
  if (definitions.state === 'loading') return <p className="p-8 text-slate-400">Connecting…</p>;
  return <SignedInWith {...props} configs={configs} definitions={definitions.definitions} />;
}

function SignedInWith({
  config,
  sessions,
  configs,
  definitions,
  ...props
}: SignedInProps & { readonly configs: ReturnType<typeof configuredSources>; readonly definitions: SourceDefinitions }): ReactElement {
  const { sessionId } = useAuth();
  const sources = useConfiguredSources(configs, defaultSourceId(config), sessions.sessions, definitions);
  if (isKioskPath(window.location.pathname)) return <KioskApp key={sessionId} sources={sources} {...props} />;
  return <LiveApp key={sessionId} sources={sources} {...props} />;
}

/**
 * Providers, then the sign-in gate, then the live boards. The gate is the default source's sign-in:
 * a person signs in there first; every other source the boards need offers its own sign-in in the
 * header (once: its identity provider remembers the person, src/auth/auth-sessions.ts).
 */
export function App({ config, sessions, queryClient, localBoards }: AppProps): ReactElement {
  const gate = sessions.get(defaultSourceId(config)) ?? [...sessions.sessions.values()][0];
  if (!gate) return <p role="alert" className="p-8 text-lg text-red-300">No configured source signs a person in: config.json needs a genesys-v3 or genesys-cloud source.</p>;
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider session={gate}>
        <AuthGate>
          <SignedIn
            config={config}
            sessions={sessions}
            defaultBoard={config.defaultBoard}
            localBoards={localBoards}
            serviceLevelTargetPercent={config.serviceLevelTargetPercent}
          />
        </AuthGate>
      </AuthProvider>
    </QueryClientProvider>
  );
}
