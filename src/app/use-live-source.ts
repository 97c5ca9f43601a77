import { useEffect, useRef, useState } from 'react';
import type { AuthSession } from '../auth/auth-session.ts';
import { createGenesysV3Source } from '../sources/genesys-v3/create-genesys-v3-source.ts';
import type { StatSource } from '../sources/stat-source.ts';
import type { StatSpec } from '../sources/stat-spec.ts';
import { createStatStore, type StatStore, type StatStoreDeps } from '../store/create-stat-store.ts';

/** How often live values are checked against their period (a value older than two periods goes stale). */
const FRESHNESS_CHECK_MS = 1000;

const BROWSER_STORE_DEPS: StatStoreDeps = {
  now: () => Date.now(),
  requestFrame: (flush) => {
    requestAnimationFrame(flush);
  },
};

/**
 * One store and one source per signed-in session (ARCHITECTURE.md: source adapter → store → tiles).
 * The app is the only place that knows which vendor adapter feeds the store.
 */
export function useLiveSource(session: AuthSession, specs: readonly StatSpec[]): StatStore {
  const [stat] = useState(() => createStatStore(BROWSER_STORE_DEPS));
  const source = useRef<StatSource | undefined>(undefined);
  const latestSpecs = useRef<readonly StatSpec[]>(specs);

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
  }, [session, stat]);

  return stat;
}
