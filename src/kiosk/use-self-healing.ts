import { useEffect, useRef, useState } from 'react';
import type { LiveSourceControl } from '../app/use-live-source.ts';
import type { StatStore } from '../store/create-stat-store.ts';
import type { StatValue } from '../store/stat-value.ts';
import { appServerAnswers } from './app-server-probe.ts';
import { heapOverBound, sampleHeap } from './heap-watch.ts';
import { createReloadGuard } from './reload-guard.ts';
import { createSelfHeal, silenceLimitMs } from './self-heal.ts';

const CHECK_MS = 1000;

/** The shortest period promised by any statistic watched, live or gone stale (staleness is what we are watching for). */
function shortestPeriod(values: ReadonlyMap<string, StatValue>): number | undefined {
  let shortest: number | undefined;
  for (const value of values.values()) {
    if (value.status === 'error' || value.periodMs === undefined) continue;
    if (shortest === undefined || value.periodMs < shortest) shortest = value.periodMs;
  }
  return shortest;
}

export interface SelfHealingState {
  /** 0 when healthy; the ladder's step otherwise. */
  readonly level: () => number;
  /** What was last done and when, for the health overlay. */
  readonly lastAction: () => { readonly action: string; readonly at: number } | undefined;
}

/**
 * The kiosk's watchdog (issue 6): about once a second it looks for silence from the server, an
 * uncaught error or a heap past its bound, and climbs the ladder — reconnect, new source, reload —
 * with jittered spacing. A reload happens only when the server answers and the reload guard allows
 * it, and comes back to the same board and position (they are in the address).
 */
export function useSelfHealing(control: LiveSourceControl, stat: StatStore, watching: boolean): SelfHealingState {
  const watchingRef = useRef(watching);
  const lastActionRef = useRef<{ action: string; at: number } | undefined>(undefined);
  const levelRef = useRef<() => number>(() => 0);
  // Read by the overlay once a second, not rendered from: getters over refs, one stable object.
  const [state] = useState<SelfHealingState>(() => ({ level: () => levelRef.current(), lastAction: () => lastActionRef.current }));

  useEffect(() => {
    watchingRef.current = watching;
  }, [watching]);

  useEffect(() => {
    const heal = createSelfHeal(Date.now());
    levelRef.current = () => heal.level();
    const guard = createReloadGuard(window.sessionStorage);
    let reloading = false;
    const onError = (): void => heal.pageThrew();
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);

    async function reload(why: string): Promise<void> {
      if (reloading || !guard.mayReload(Date.now())) return;
      reloading = true;
      try {
        if (!(await appServerAnswers())) return;
        guard.recordReload(Date.now());
        lastActionRef.current = { action: `reload (${why})`, at: Date.now() };
        window.location.reload();
      } finally {
        reloading = false;
      }
    }

    const timer = setInterval(() => {
      const { values, connection } = stat.store.getState();
      const now = Date.now();
      if (heapOverBound(sampleHeap())) {
        void reload('heap over its bound');
        return;
      }
      const lastActivityAt = control.lastActivityAt();
      const limit = silenceLimitMs(shortestPeriod(values), connection.state);
      const action = heal.observe({ now, lastActivityAt, connection: connection.state, watching: watchingRef.current, silenceLimitMs: limit });
      if (!action) return;
      const silentSec = Math.round((now - lastActivityAt) / 1000);
      lastActionRef.current = { action, at: now };
      if (action === 'reconnect') control.reconnect(`no sign of life from the server for ${silentSec} s`);
      else if (action === 'restart') control.restart();
      else void reload(lastActivityAt > 0 ? `silent for ${silentSec} s` : 'page error');
    }, CHECK_MS);

    return () => {
      clearInterval(timer);
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    };
  }, [control, stat]);

  return state;
}
