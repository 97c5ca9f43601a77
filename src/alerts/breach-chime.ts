import { isWorse, type AlertLevel } from './breach-entry.ts';
import type { BreachSignal } from './breach-signal.ts';

/** Breaches this close to the last sound are part of it (a board's worth of tiles crossing together). */
export const CHIME_WINDOW_MS = 1000;

export interface BreachChimeDeps {
  readonly play: (level: AlertLevel) => void;
  /** A monotonic clock in ms (`performance.now` in the app). */
  readonly now: () => number;
  /**
   * Runs `flush` after the current commit's effects, so every tile of one commit is heard as one
   * (`queueMicrotask` in the app; tests flush by hand).
   */
  readonly defer?: (flush: () => void) => void;
  readonly windowMs?: number;
}

/**
 * Turns tiles' breach signals into sounds: the tiles of one commit make one sound at the worst
 * level among them, and nothing sounds again within `windowMs` of the last sound unless it is
 * worse (a critical right after a warning is news; ten queues going amber one frame apart is not).
 */
export function createBreachChime({ play, now, defer = queueMicrotask, windowMs = CHIME_WINDOW_MS }: BreachChimeDeps): BreachSignal {
  let pending: AlertLevel | undefined;
  let last: { readonly at: number; readonly level: AlertLevel } | undefined;

  function flush(): void {
    const level = pending;
    pending = undefined;
    if (!level) return;
    const at = now();
    if (last && at - last.at < windowMs && !isWorse(level, last.level)) return;
    last = { at, level };
    play(level);
  }

  return {
    breached(level) {
      if (pending === undefined) defer(flush);
      if (!pending || isWorse(level, pending)) pending = level;
    },
  };
}
