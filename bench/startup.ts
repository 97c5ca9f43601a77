/**
 * `npm run bench -- startup`: signed-in navigation to the Queues board → its first live tile,
 * median of 5, against the mock serving the production build in headless Chromium. Beside it, as
 * `npm run bench:sign-in` measured before, pressing "Sign in" → first live tile.
 *
 * Which navigation. The normal app keeps its tokens in memory only (docs/kiosk.md), so a full page
 * load of `/?board=queues` after signing in would land on the sign-in page again: a reload is not a
 * signed-in navigation there. The kiosk is the app's one address that stays signed in across page
 * loads (a rotated refresh token in localStorage), so the figure is: sign in at
 * `/kiosk?board=skills` as kiosk/kiosk, wait for that board to be live, then a full navigation to
 * `/kiosk?board=queues` — HTML, the cached bundle, React, the refresh-token grant, config and
 * boards, the CometD handshake, the subscription and its first values. The bundle comes from the
 * HTTP cache as it would for anyone who has opened the app before (the mock serves assets with
 * max-age 1 h); a first visit pays for it on the sign-in figure instead.
 *
 * The time is taken in the page: `performance.now()` (0 = the navigation's start) when a
 * MutationObserver first sees a live tile of the Queues board, so Playwright's polling adds nothing.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOutcome } from './lib/bench-registry.ts';
import { launchChromium, submitSignIn } from './lib/browser.ts';
import { startMockProcess, type MockProcess } from './lib/mock-process.ts';
import { BUSY_NEIGHBOUR_PCT, startNeighbourLoadMeter } from './lib/neighbour-load.ts';
import { median } from './lib/pipeline-rounds.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VIEWPORT = { width: 1920, height: 1080 };
const LIVE_TIMEOUT_MS = 30_000;
const QUEUES_LIVE = '[data-board="queues"] [data-testid="tile"][data-status="live"]';
const ANY_LIVE = '[data-testid="tile"][data-status="live"]';

const USAGE = `usage: npm run bench -- startup [--runs N] [--dist DIR] [--timeline]
  --runs      fresh browser contexts, each measured once (default 5; the figure is the median)
  --dist      the build the mock serves (default dist)
  --timeline  print where the last navigation's time went: the page's own milestones and every
              request it made, from the Navigation and Resource Timing entries`;

interface StartupArgs {
  readonly runs: number;
  readonly dist: string;
  readonly timeline: boolean;
}

function parseArgs(argv: readonly string[]): StartupArgs {
  let runs = 5;
  let dist = 'dist';
  let timeline = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--timeline') {
      timeline = true;
      continue;
    }
    const value = argv[++i];
    if (flag === '--runs' && Number.isInteger(Number(value)) && Number(value) > 0) runs = Math.min(50, Number(value));
    else if (flag === '--dist' && value !== undefined) dist = value;
    else throw new Error(`bad option ${flag ?? ''} ${value ?? ''}`);
  }
  return { runs, dist, timeline };
}

/**
 * Runs in every document of the context before the app: notes when the first live Queues tile
 * appears. A string, not a function: tsx's transform wraps named inner functions in a `__name`
 * helper that does not exist in the page.
 */
const WATCH_FOR_LIVE_TILE = `(() => {
  const selector = ${JSON.stringify(QUEUES_LIVE)};
  const check = () => {
    if (window.__firstLiveTileMs !== undefined || !document.querySelector(selector)) return false;
    window.__firstLiveTileMs = performance.now();
    return true;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
})();`;

async function firstLiveTileInPage(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { __firstLiveTileMs?: number }).__firstLiveTileMs, undefined, {
    timeout: LIVE_TIMEOUT_MS,
    polling: 100,
  });
  return (await handle.jsonValue()) as number;
}

/** The old bench:sign-in figure: "Sign in" pressed on the mock's form → the first live tile of the default board. */
async function signInToLive(browser: Browser, mock: MockProcess): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const submittedAt = await submitSignIn(page, mock.baseUrl);
    await page.locator(ANY_LIVE).first().waitFor({ timeout: LIVE_TIMEOUT_MS });
    return Date.now() - submittedAt;
  } finally {
    await context.close();
  }
}

interface NavigationTiming {
  /** In the page: navigation start → first live Queues tile. */
  readonly pageMs: number;
  /** In Node: `page.goto` called → Playwright saw the tile (adds the round trips of driving the browser). */
  readonly wallMs: number;
  /** Milestones and requests of the navigation, ms from its start (for --timeline). */
  readonly timeline: readonly string[];
}

/** The page's own record of the navigation: document milestones, then each request's start and end. */
const READ_TIMELINE = `(() => {
  const ms = (t) => Math.round(t);
  const nav = performance.getEntriesByType('navigation')[0];
  const lines = nav ? [
    'document: response ' + ms(nav.responseEnd) + ' ms, DOMContentLoaded ' + ms(nav.domContentLoadedEventEnd) + ' ms, load ' + ms(nav.loadEventEnd) + ' ms',
  ] : [];
  for (const r of performance.getEntriesByType('resource')) {
    const url = new URL(r.name);
    lines.push(ms(r.startTime).toString().padStart(5) + ' → ' + ms(r.responseEnd).toString().padStart(5) + ' ms  ' + r.initiatorType.padEnd(14) + url.pathname + (r.transferSize === 0 && r.decodedBodySize > 0 ? '  (cache)' : ''));
  }
  return lines;
})()`;

async function signedInNavigation(browser: Browser, mock: MockProcess): Promise<NavigationTiming> {
  const context: BrowserContext = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await submitSignIn(page, `${mock.baseUrl}/kiosk?board=skills`, 'kiosk');
    await page.locator(`[data-board="skills"] ${ANY_LIVE}`).first().waitFor({ timeout: LIVE_TIMEOUT_MS });
    await page.addInitScript(WATCH_FOR_LIVE_TILE);
    const startedAt = Date.now();
    await page.goto(`${mock.baseUrl}/kiosk?board=queues`);
    await page.locator(QUEUES_LIVE).first().waitFor({ timeout: LIVE_TIMEOUT_MS });
    const wallMs = Date.now() - startedAt;
    if (page.url().includes('/authorize')) throw new Error('the kiosk navigation asked to sign in again');
    const pageMs = await firstLiveTileInPage(page);
    return { pageMs, wallMs, timeline: (await page.evaluate(READ_TIMELINE)) as string[] };
  } finally {
    await context.close();
  }
}

export async function runStartupBench(argv: readonly string[]): Promise<BenchOutcome> {
  if (argv.includes('--help')) {
    console.info(USAGE);
    return { exitCode: 0 };
  }
  let args: StartupArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return { exitCode: 2 };
  }
  const mock = await startMockProcess({ cwd: ROOT, speed: 1, seed: 5, mockArgs: ['--dist', resolve(ROOT, args.dist)] });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await mock.stop();
    throw error;
  });
  const navigations: NavigationTiming[] = [];
  const signIns: number[] = [];
  const neighbours = startNeighbourLoadMeter();
  let otherPct: number | undefined;
  try {
    for (let run = 0; run < args.runs; run++) {
      const navigation = await signedInNavigation(browser, mock);
      const signIn = await signInToLive(browser, mock);
      navigations.push(navigation);
      signIns.push(signIn);
      console.info(`run ${run + 1}/${args.runs}: navigation → first live tile ${Math.round(navigation.pageMs)} ms (${navigation.wallMs} ms seen from Node); sign-in → first live tile ${signIn} ms`);
    }
    otherPct = neighbours.stop();
  } finally {
    await browser.close();
    await mock.stop();
  }
  const firstLiveTileMs = median(navigations.map((n) => n.pageMs));
  console.info(`signed-in navigation to /kiosk?board=queues → first live tile: median ${Math.round(firstLiveTileMs)} ms (from Node: ${median(navigations.map((n) => n.wallMs))} ms)`);
  console.info(`sign-in → first live tile (the old bench:sign-in): ${signIns.join(', ')} ms; median ${median(signIns)} ms`);
  const last = navigations.at(-1);
  if (args.timeline && last) {
    console.info(`the last navigation (first live tile at ${Math.round(last.pageMs)} ms):`);
    for (const line of last.timeline) console.info(`  ${line}`);
  }
  if (otherPct !== undefined) {
    const busy = otherPct > BUSY_NEIGHBOUR_PCT ? ': a busy machine, the times are longer than on a quiet one' : '';
    console.info(`other processes (not this benchmark, its mock or its Chromium) used ${otherPct.toFixed(0)} % of a core meanwhile${busy}`);
  }
  return { exitCode: 0, section: { name: 'startup', figures: { firstLiveTileMs } } };
}
