import type { CDPSession, Page } from '@playwright/test';

export interface PageHeapReading {
  readonly usedHeapBytes: number;
  readonly jsHeapUsedBytes: number;
  readonly nodes: number;
  readonly listeners: number;
}

export interface PageHeapProbe {
  /** Forces a full GC, then reads the heap and the DOM counters. */
  read(): Promise<PageHeapReading>;
  detach(): Promise<void>;
}

/**
 * The page's JS heap and DOM counters over the Chrome DevTools Protocol. The GC first, so a reading
 * is what the page holds on to, not how much garbage happened to be waiting: only what survives a
 * full collection can make a leak.
 */
export async function openPageHeapProbe(page: Page): Promise<PageHeapProbe> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return {
    async read() {
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string): number => {
        const value = metrics.find((m) => m.name === name)?.value;
        if (value === undefined) throw new Error(`Performance.getMetrics has no ${name}`);
        return value;
      };
      return { usedHeapBytes: heap.usedSize, jsHeapUsedBytes: metric('JSHeapUsedSize'), nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
    },
    detach: () => cdp.detach(),
  };
}
