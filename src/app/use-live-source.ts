import { useEffect, useRef, useState } from 'react';
import type { AuthSession } from '../auth/auth-session.ts';
import { createGenesysV3Source } from '../sources/genesys-v3/create-genesys-v3-source.ts';
import type { StatSource } from '../sources/stat-source.ts';
import type { StatSpec } from '../sources/stat-spec.ts';
import { createStatStore, FRAME_BUDGET, type StatStore, type StatStoreDeps } from '../store/create-stat-store.ts';

/** How often live values are checked against their period (a value older than two periods goes stale). */
const FRESHNESS_CHECK_MS = 1000;

const BROWSER_STORE_DEPS: StatStoreDeps = {
  now: () => Date.now(),
  requestFrame: (flush) => {
    requestAnimationFrame(flush);
  },
  frameBudget: FRAME_BUDGET,
};

/** What self-healing may do to the source, without knowing which vendor it is. */
export interface LiveSourceControl {
  /** A new connection, every subscription re-created (StatSource.reconnect). */
  reconnect(reason: string): void;
  /** The whole source thrown away and made anew: the next step when a reconnect did not help. */
  restart(): void;
  /** Epoch ms of the last sign of life from the server; 0 before any. */
  lastActivityAt(): number;
}

export interface LiveSource {
  readonly stat: StatStore;
  readonly control: LiveSourceControl;
}

/**
 * One store and one source per signed-in session (ARCHITECTURE.md: source adapter → store → tiles).
 * The app is the only place that knows which vendor adapter feeds the store.
 */
export function useLiveSource(session: AuthSession, specs: readonly StatSpec[]): LiveSource {
  const [stat] = useState(() => createStatStore(BROWSER_STORE_DEPS));
  const [generation, setGeneration] = useState(0);
  const source = useRef<StatSource | undefined>(undefined);
  const latestSpecs = useRef<readonly StatSpec[]>(specs);
  const [control] = useState<LiveSourceControl>(() => ({
    reconnect: (reason) => source.current?.reconnect(reason),
    restart: () => setGeneration((g) => g + 1),
    lastActivityAt: () => source.current?.lastActivityAt() ?? 0,
  }));

  // Declared first so that on mount it runs before the source exists, and later follows the board.
  useEffect(() => {
    latestSpecs.current = specs;
    source.current?.watch(specs);
  }, [specs]);

  useEffect(() => {
    const { settings, tokenManager, authorizedFetch } = session;
    const created = createGenesysV3Source({
      baseUrl: settings.apiBaseUrl,
      apiKey: settings.apiKey,
      getAccessToken: () => tokenManager.getAccessToken(),
      onTokenChange: (listener) => tokenManager.onTokenChange(listener),
      handleUnauthorized: (token) => tokenManager.handleUnauthorized(token),
      authorizedFetch,
      sink: stat.sink,
    });
    created.start();
    created.watch(latestSpecs.current);
    source.current = created;
    const freshness = setInterval(() => stat.checkFreshness(), FRESHNESS_CHECK_MS);
    return () => {
      clearInterval(freshness);
      source.current = undefined;
      void created.stop();
    };
    // `generation` is here only to make a new source on restart().
  }, [session, stat, generation]);

  return { stat, control };
}
