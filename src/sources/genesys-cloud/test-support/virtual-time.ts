import type { GcTimers } from '../gc-timers.ts';

interface VirtualTimer {
  readonly id: number;
  readonly due: number;
  readonly callback: () => void;
}

/** Timers and a clock that move only when the test says: minutes of scheduling in milliseconds of test. */
export interface VirtualTime extends GcTimers {
  /** Moves time forward, firing every timer due on the way in order, letting answers arrive between. */
  advance(ms: number): Promise<void>;
  /** Lets pending promise chains (answers, parsing) run without moving time. */
  settle(): Promise<void>;
  /** Delays of the timers pending now, from now. */
  pending(): number[];
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function createVirtualTime(start = Date.UTC(2026, 10, 23, 10, 30)): VirtualTime {
  let now = start;
  let next = 1;
  let timers: VirtualTimer[] = [];

  async function settle(): Promise<void> {
    for (let i = 0; i < 12; i++) await macrotask();
  }

  return {
    now: () => now,
    setTimeout(callback, ms) {
      const timer = { id: next++, due: now + Math.max(0, ms), callback };
      timers.push(timer);
      return timer.id;
    },
    clearTimeout(handle) {
      timers = timers.filter((t) => t.id !== handle);
    },
    settle,
    async advance(ms) {
      const target = now + ms;
      await settle();
      for (;;) {
        const due = timers.filter((t) => t.due <= target).sort((a, b) => a.due - b.due || a.id - b.id)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = Math.max(now, due.due);
        due.callback();
        await settle();
      }
      now = target;
      await settle();
    },
    pending: () => timers.map((t) => t.due - now),
  };
}
