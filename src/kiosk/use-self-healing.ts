import { useEffect, useRef, useState } from 'react';
import type { LiveControls } from '../app/live-sources.tsx';
import type { StatStore } from '../store/create-stat-store.ts';
import type { StatValue } from '../store/stat-value.ts';
import { appServerAnswers } from './app-server-probe.ts';
import { heapOverBound, sampleHeap } from './heap-watch.ts';
import { createReloadGuard } from './reload-guard.ts';
import { createSelfHeal, silenceLimitMs, type SelfHeal } from './self-heal.ts';

const CHECK_MS = 1000;

/** The shortest period promised by any statistic of a source watched, live or gone stale (staleness is what we are watching for). */
function shortestPeriod(values: ReadonlyMap<string, StatValue>, sourceId: string): number | undefined {
  let shortest: number | undefined;
  const prefix = `${sourceId}|`;
  for (const value of values.values()) {
    if (value.status === 'error' || value.periodMs === undefined || !value.key.startsWith(prefix)) continue;
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
 * The kiosk's watchdog: about once a second it looks, source by source, for silence past what that
 * source promises (src/sources/source-definition.ts `Freshness`), an uncaught error or a heap past
 * its bound, and climbs each source's ladder — reconnect, new source, reload — with jittered
 * spacing. One silent vendor is healed without touching the others until a reload is all that is
 * left. A reload happens only when the server answers and the reload guard allows it, and comes
 * back to the same board and position (they are in the address).
 */
export function useSelfHealing(controls: LiveControls, stat: StatStore, watching: boolean): SelfHealingState {
  const watchingRef = useRef(watching);
  const lastActionRef = useRef<{ action: string; at: number } | undefined>(undefined);
  const levelRef = useRef<() => number>(() => 0);
  // Read by the overlay once a second, not rendered from: getters over refs, one stable object.
  const [state] = useState<SelfHealingState>(() => ({ level: () => levelRef.current(), lastAction: () => lastActionRef.current }));

  useEffect(() => {
    watchingRef.current = watching;
  }, [watching]);

  useEffect(() => {
    const heals = new Map<string, SelfHeal>();
    const healOf = (sourceId: string): SelfHeal => {
      let heal = heals.get(sourceId);
      if (!heal) {
        heal = createSelfHeal(Date.now());
        heals.set(sourceId, heal);
      }
      return heal;
    };
    levelRef.current = () => Math.max(0, ...[...heals.values()].map((heal) => heal.level()));
    const guard = createReloadGuard(window.sessionStorage);
    let reloading = false;
    let threw = false;
    const onError = (): void => {
      threw = true;
    };
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
      const { values, connections } = stat.store.getState();
      const now = Date.now();
      if (heapOverBound(sampleHeap())) {
        void reload('heap over its bound');
        return;
      }
      if (threw) {
        threw = false;
        void reload('page error');
        return;
      }
      for (const control of controls.values()) {
        const heal = healOf(control.sourceId);
        const connection = connections.get(control.sourceId)?.state ?? 'connecting';
        const lastActivityAt = control.lastActivityAt();
        const limit = silenceLimitMs(control.freshness, shortestPeriod(values, control.sourceId), connection);
        const action = heal.observe({ now, lastActivityAt, connection, watching: watchingRef.current, silenceLimitMs: limit });
        if (!action) continue;
        const silentSec = Math.round((now - lastActivityAt) / 1000);
        lastActionRef.current = { action: `${action} ${control.sourceId}`, at: now };
        if (action === 'reconnect') control.reconnect(`no sign of life from the server for ${silentSec} s`);
        else if (action === 'restart') control.restart();
        else void reload(`${control.sourceId} silent for ${silentSec} s`);
      }
    }, CHECK_MS);

    return () => {
      clearInterval(timer);
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    };
  }, [controls, stat]);

  return state;
}
