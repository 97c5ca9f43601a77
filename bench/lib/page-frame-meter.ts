import type { BrowserContext, Page } from '@playwright/test';

/** What the page recorded, every time in the page's `Date.now()` (the clock the benchmark's windows use). */
export interface FrameMeterReading {
  /** One entry per requestAnimationFrame callback. */
  readonly frames: number[];
  /** `longtask` entries: tasks over 50 ms. */
  readonly longTasks: Array<{ readonly at: number; readonly durationMs: number }>;
  /** `long-animation-frame` entries: frames over 50 ms, their blocking time and the script time of the scripts LoAF lists (only those over 5 ms). */
  readonly longFrames: Array<{ readonly at: number; readonly durationMs: number; readonly scriptMs: number; readonly blockingMs: number }>;
  /** LoAF is Chromium-only; false means the list above is empty because nobody could observe it. */
  readonly longFramesObserved: boolean;
}

const KEY = '__benchFrameMeter';

/**
 * On every page of the context, from its first script on: a requestAnimationFrame loop that notes
 * each callback's time (fps), and PerformanceObservers for `longtask` and `long-animation-frame`.
 * Entry times are performance-clock; each is turned into `Date.now()` terms when observed
 * (now − age), so the page's windows and the benchmark's compare directly.
 */
export async function installFrameMeter(context: BrowserContext): Promise<void> {
  await context.addInitScript((key: string) => {
    const state: { frames: number[]; longTasks: Array<{ at: number; durationMs: number }>; longFrames: Array<{ at: number; durationMs: number; scriptMs: number; blockingMs: number }>; longFramesObserved: boolean } = {
      frames: [],
      longTasks: [],
      longFrames: [],
      longFramesObserved: false,
    };
    (window as unknown as Record<string, unknown>)[key] = state;
    const epochOf = (startTime: number): number => Date.now() - (performance.now() - startTime);
    const tick = (): void => {
      state.frames.push(Date.now());
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push({ at: epochOf(entry.startTime), durationMs: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      state.longFramesObserved = true;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const loaf = entry as PerformanceEntry & { blockingDuration?: number; scripts?: ReadonlyArray<{ duration: number }> };
          const scriptMs = (loaf.scripts ?? []).reduce((sum, s) => sum + s.duration, 0);
          state.longFrames.push({ at: epochOf(entry.startTime), durationMs: entry.duration, scriptMs, blockingMs: loaf.blockingDuration ?? 0 });
        }
      }).observe({ type: 'long-animation-frame', buffered: true });
    }
  }, KEY);
}

export async function readFrameMeter(page: Page): Promise<FrameMeterReading> {
  return page.evaluate((key: string) => {
    const state = (window as unknown as Record<string, FrameMeterReading | undefined>)[key];
    if (!state) throw new Error('the frame meter is not installed in this page');
    return state;
  }, KEY);
}
