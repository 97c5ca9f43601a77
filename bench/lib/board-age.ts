import type { Page } from '@playwright/test';

/** Where the page keeps when the board on screen last changed (performance.now()). */
const SHOWN_AT = '__soakBoardShownAt';

/**
 * Notes in the page when the board on screen changes, on every load (a kiosk reload included). One
 * observer of one attribute and one number: nothing that grows with time, so it cannot be what
 * the soak finds growing.
 */
export async function installBoardAge(page: Page): Promise<void> {
  await page.addInitScript((key: string) => {
    const store = window as unknown as Record<string, number>;
    new MutationObserver(() => {
      store[key] = performance.now();
    }).observe(document, { attributes: true, attributeFilter: ['data-board'], subtree: true });
  }, SHOWN_AT);
}

/** How long the board on screen has been there (since the page loaded if it never changed). */
export function boardAgeMs(page: Page): Promise<number> {
  return page.evaluate((key: string) => performance.now() - ((window as unknown as Record<string, number | undefined>)[key] ?? 0), SHOWN_AT);
}

/** Settled from 5 s after a rotation to 3 s before the next, less for short intervals so a window remains. */
export function settleTiming(intervalMs: number): SettleTiming {
  return { intervalMs, settleMs: Math.min(5000, intervalMs * 0.3), marginMs: Math.min(3000, intervalMs * 0.2) };
}

export interface SettleTiming {
  /** Seconds each board stays (the kiosk's `interval`). */
  readonly intervalMs: number;
  /** A board this young is still mounting (tiles, a chart's entry animation): its heap is not the steady one. */
  readonly settleMs: number;
  /** A board this close to its rotation may change under the GC and the reads. */
  readonly marginMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * Waits until the board on screen is settled: shown at least `settleMs` ago and not about to
 * rotate. A sample taken across a rotation would measure the old board's teardown and the new
 * one's mount, not what the kiosk keeps. Gives up after one interval and a bit (a stuck playlist
 * is sampled as it is) and resolves to the board's age.
 */
export async function waitForSettledBoard(page: Page, timing: SettleTiming): Promise<number> {
  const deadline = Date.now() + timing.intervalMs + timing.settleMs + 10_000;
  for (;;) {
    const age = await boardAgeMs(page);
    const settled = age >= timing.settleMs && age <= timing.intervalMs - timing.marginMs;
    if (settled || Date.now() >= deadline) return age;
    const wait = age < timing.settleMs ? timing.settleMs - age : timing.intervalMs - age + timing.settleMs;
    await sleep(Math.min(Math.max(wait, 100), timing.intervalMs));
  }
}
