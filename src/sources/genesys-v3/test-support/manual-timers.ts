import type { Timers } from '../timers.ts';

interface ManualTimer {
  readonly id: number;
  readonly callback: () => void;
  readonly ms: number;
  cleared: boolean;
  fired: boolean;
}

/** Timers that fire only when the test says so: back-off without waiting, and without fake global clocks. */
export interface ManualTimers extends Timers {
  /** Timers set and neither cleared nor fired, optionally only those of at most `maxMs`. */
  pending(maxMs?: number): ReadonlyArray<{ readonly ms: number }>;
  /** Fires every pending timer of at most `maxMs`; returns how many fired. */
  fire(maxMs: number): number;
}

export function createManualTimers(): ManualTimers {
  const timers: ManualTimer[] = [];
  let next = 1;
  const due = (maxMs: number): ManualTimer[] => timers.filter((t) => !t.cleared && !t.fired && t.ms <= maxMs);
  return {
    setTimeout(callback, ms) {
      const timer: ManualTimer = { id: next++, callback, ms, cleared: false, fired: false };
      timers.push(timer);
      return timer.id;
    },
    clearTimeout(handle) {
      const timer = timers.find((t) => t.id === handle);
      if (timer) timer.cleared = true;
    },
    pending: (maxMs = Number.POSITIVE_INFINITY) => due(maxMs).map(({ ms }) => ({ ms })),
    fire(maxMs) {
      const firing = due(maxMs);
      for (const timer of firing) {
        timer.fired = true;
        timer.callback();
      }
      return firing.length;
    },
  };
}
