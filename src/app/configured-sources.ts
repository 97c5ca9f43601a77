import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { AuthSession } from '../auth/auth-session.ts';
import type { IdentityProviderSettings } from '../auth/identity-provider.ts';
import type { SourceEntry, Sources } from '../boards/sources-context.tsx';
import type { SourceContext, SourceDefinition, SourceKind } from '../sources/source-definition.ts';
import { loadSourceDefinition } from '../sources/source-registry.ts';
import type { SourceConfig } from './config/runtime-config.ts';

export type AnySession = AuthSession<IdentityProviderSettings>;

/** What a running source may do with its signed-in session; made once per session so sources are not restarted on every render. */
export function sourceContext(config: SourceConfig, session: AnySession): SourceContext {
  const { settings, tokenManager, authorizedFetch } = session;
  return {
    settings: { id: config.id, kind: config.kind, apiBaseUrl: settings.apiBaseUrl, apiKey: config.apiKey },
    authorizedFetch: (input, init) => authorizedFetch(input, init),
    getAccessToken: () => tokenManager.getAccessToken(),
    onTokenChange: (listener) => tokenManager.onTokenChange(listener),
    handleUnauthorized: (token) => tokenManager.handleUnauthorized(token),
  };
}

function subscribeAll(sessions: readonly AnySession[]): (listener: () => void) => () => void {
  return (listener) => {
    const offs = sessions.map((session) => session.subscribe(listener));
    return () => offs.forEach((off) => off());
  };
}

/** The ids of the sources signed in now, with their sign-in's number: a stable string snapshot for React. */
function signedInKey(sessions: readonly AnySession[]): string {
  return sessions
    .flatMap((session) => {
      const snapshot = session.getSnapshot();
      return snapshot.status === 'signed-in' ? [`${session.settings.sourceId}:${snapshot.sessionId}`] : [];
    })
    .join(',');
}

/**
 * The configured sources as the UI reaches them: each with its vendor's definition (from the
 * registry, the one module that knows the vendor folders) and, once its person is signed in, the
 * means of calling its API. A source kind this build cannot serve is left out; its tiles say so.
 */
export type SourceDefinitions = ReadonlyMap<SourceKind, SourceDefinition>;

/** What loading the configured kinds' code came to. */
export type DefinitionsState = { readonly state: 'loading' } | { readonly state: 'ready'; readonly definitions: SourceDefinitions } | { readonly state: 'failed'; readonly message: string };

/** Loads the code of every configured source kind (src/sources/source-registry.ts), once. */
export function useSourceDefinitions(configs: readonly SourceConfig[]): DefinitionsState {
  const kinds = useMemo(() => [...new Set(configs.map((config) => config.kind))].sort().join(','), [configs]);
  const [result, setResult] = useState<{ readonly kinds: string; readonly state: DefinitionsState }>({ kinds: '', state: { state: 'loading' } });
  useEffect(() => {
    let live = true;
    const wanted = kinds === '' ? [] : (kinds.split(',') as SourceKind[]);
    const loads = wanted.flatMap((kind) => {
      const promise = loadSourceDefinition(kind);
      return promise ? [promise.then((definition) => [kind, definition] as const)] : [];
    });
    Promise.all(loads).then(
      (pairs) => live && setResult({ kinds, state: { state: 'ready', definitions: new Map(pairs) } }),
      (error: unknown) => live && setResult({ kinds, state: { state: 'failed', message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      live = false;
    };
  }, [kinds]);
  return result.kinds === kinds ? result.state : { state: 'loading' };
}

export function useConfiguredSources(
  configs: readonly SourceConfig[],
  defaultSource: string,
  sessions: ReadonlyMap<string, AnySession>,
  definitions: SourceDefinitions,
): Sources {
  const list = useMemo(() => [...sessions.values()], [sessions]);
  const subscribe = useMemo(() => subscribeAll(list), [list]);
  const signedIn = useSyncExternalStore(subscribe, () => signedInKey(list), () => signedInKey(list));
  // One context per session for its whole life: a new object would restart its source.
  const contexts = useMemo(() => {
    const made = new Map<string, SourceContext>();
    for (const config of configs) {
      const session = sessions.get(config.id);
      if (session) made.set(config.id, sourceContext(config, session));
    }
    return made;
  }, [configs, sessions]);
  return useMemo(() => {
    const live = new Set(signedIn.split(',').map((entry) => entry.slice(0, entry.lastIndexOf(':'))));
    const byId = new Map<string, SourceEntry>();
    for (const config of configs) {
      const definition = definitions.get(config.kind);
      if (!definition) continue;
      const session = sessions.get(config.id);
      const context = live.has(config.id) ? contexts.get(config.id) : undefined;
      byId.set(config.id, { id: config.id, definition, context, ...(session && !context ? { signIn: () => void session.signIn() } : {}) });
    }
    return { defaultSource, byId };
  }, [configs, defaultSource, sessions, contexts, signedIn, definitions]);
}
