/** The timer functions and local clock the source schedules with; injected so tests run on virtual time. */
export interface GcTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Local epoch ms (this browser's clock). */
  now(): number;
}

export const globalGcTimers: GcTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  now: () => Date.now(),
};
