import { useSyncExternalStore } from 'react';

/**
 * One 1-second clock for every tile that must move between notifications (ticking durations,
 * stale ages): a single interval however many tiles listen, started by the first and stopped
 * with the last.
 */
const TICK_MS = 1000;

const listeners = new Set<() => void>();
let interval: ReturnType<typeof setInterval> | undefined;
let now = Date.now();

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (interval === undefined) {
    now = Date.now();
    interval = setInterval(tick, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && interval !== undefined) {
      clearInterval(interval);
      interval = undefined;
    }
  };
}

function getSnapshot(): number {
  // Nobody listening: nothing refreshes `now`, so refresh it here — at most once a second, so that
  // React's repeated reads during one render agree.
  if (interval === undefined && Math.abs(Date.now() - now) >= TICK_MS) now = Date.now();
  return now;
}

const noSubscription = (): (() => void) => () => undefined;

/** The time of the last tick (epoch ms); re-renders every second only while `active`. */
export function useNow(active: boolean): number {
  return useSyncExternalStore(active ? subscribe : noSubscription, getSnapshot, getSnapshot);
}

/** How many tiles are listening (tests check that one interval serves them all). */
export function tickerListenerCount(): number {
  return listeners.size;
}
