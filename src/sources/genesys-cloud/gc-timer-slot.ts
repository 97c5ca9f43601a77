import type { GcTimers } from './gc-timers.ts';

/** One timer that is either pending or not: setting it again replaces it. */
export interface TimerSlot {
  set(ms: number, callback: () => void): void;
  clear(): void;
  pending(): boolean;
}

export function createTimerSlot(timers: GcTimers): TimerSlot {
  let handle: unknown;
  const clear = (): void => {
    if (handle !== undefined) timers.clearTimeout(handle);
    handle = undefined;
  };
  return {
    set(ms, callback) {
      clear();
      handle = timers.setTimeout(() => {
        handle = undefined;
        callback();
      }, ms);
    },
    clear,
    pending: () => handle !== undefined,
  };
}
