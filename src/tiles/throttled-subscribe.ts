type Subscribe = (listener: () => void) => () => void;

/**
 * The same subscription, telling its listener at most once per `intervalMs`: the first change at
 * once, the rest folded into one call at the end of the interval, so the last change is never lost.
 * A chart redrawn for every value of a busy statistic costs frames and shows nothing a person can
 * read; once a second is what a trend needs.
 */
export function throttledSubscribe(
  subscribe: Subscribe,
  intervalMs: number,
  timers: { setTimeout: (run: () => void, ms: number) => unknown; clearTimeout: (handle: unknown) => void; now: () => number } = {
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
  },
): Subscribe {
  return (listener) => {
    let lastCall = -Infinity;
    let pending: unknown;
    const call = (): void => {
      pending = undefined;
      lastCall = timers.now();
      listener();
    };
    const unsubscribe = subscribe(() => {
      if (pending !== undefined) return;
      const wait = lastCall + intervalMs - timers.now();
      if (wait <= 0) call();
      else pending = timers.setTimeout(call, wait);
    });
    return () => {
      if (pending !== undefined) timers.clearTimeout(pending);
      pending = undefined;
      unsubscribe();
    };
  };
}
