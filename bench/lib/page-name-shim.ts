import type { BrowserContext } from '@playwright/test';

/**
 * tsx compiles the bench with esbuild's keepNames, which wraps every named inner function in a
 * call to its helper `__name(fn, "name")`. Functions handed to `addInitScript` or `evaluate` are
 * sent to the page as source text, where that helper does not exist and the first named arrow
 * throws. This gives the page an identity `__name` before any other init script runs; the app
 * never uses the name, so it changes nothing the benchmark measures.
 */
export async function installNameShim(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
}
