/**
 * `npm run bench -- kiosk`: the kiosk playlist left running, as on a wall TV, against the mock at
 * `--speed 60` (10 minutes = 10 simulated hours). Once a minute it forces a GC in the page and
 * reads the JS heap, DOM nodes and event listeners over CDP, with the mock's simulated clock, and
 * checks the board is still live. The slope of the heap after warm-up, per simulated hour, is the
 * issue's number (target: under 2 MB per simulated hour).
 *
 * Writes bench/results/kiosk-soak.json. Exit code 1 when the run failed (not live at the end, a
 * page error, a sign-in page); a missed heap target is reported, not a failure of the run.
 */
import type { Browser, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installBoardAge, settleTiming, waitForSettledBoard } from './lib/board-age.ts';
import { launchChromium, simulatedNow, submitSignIn } from './lib/browser.ts';
import { watchKioskPage, type KioskPageWatch } from './lib/kiosk-page-watch.ts';
import { KIOSK_SOAK_USAGE, parseKioskSoakArgs, startAtEpochMs, type KioskSoakArgs } from './lib/kiosk-soak-args.ts';
import { startMockProcess, type MockProcess } from './lib/mock-process.ts';
import { openPageHeapProbe } from './lib/page-heap.ts';
import { formatSampleHeader, formatSampleRow, formatSummary } from './lib/soak-report.ts';
import { summarizeSoak, type SoakSample } from './lib/soak-summary.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = 7;
const PLAYLIST = ['queues', 'skills', 'agents'];
const VIEWPORT = { width: 1920, height: 1080 };
const TARGET_MB_PER_SIMULATED_HOUR = 2;
const SAMPLE_EVERY_MS = 60_000;
/** Sign-in and the first values of every board of the playlist. */
const LIVE_TIMEOUT_MS = 60_000;
/** At the end, a board that rotated in a moment ago gets this long to show every tile live. */
const END_GRACE_MS = 15_000;

/** Every tile of the board on screen live, and the connection live. */
function everyTileLive(page: Page, timeoutMs: number): Promise<boolean> {
  return page
    .waitForFunction(
      () => {
        const tiles = [...document.querySelectorAll('[data-testid="tile"]')];
        const connection = document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-state');
        return document.querySelector('[data-testid="kiosk"]') !== null && connection === 'live' && tiles.length > 0 && tiles.every((t) => t.getAttribute('data-status') === 'live');
      },
      undefined,
      { timeout: timeoutMs, polling: 250 },
    )
    .then(
      () => true,
      () => false,
    );
}

function sleepUntil(at: number): Promise<void> {
  return new Promise((done) => setTimeout(done, Math.max(0, at - Date.now())));
}

/** Which app was measured: the commit, and whether src/ had changes not in it (the build is of the work tree). */
function buildInfo(): { commit: string; uncommittedSrc: string[] } | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' });
    return { commit, uncommittedSrc: status.split('\n').filter((line) => line.trim() !== '').map((line) => line.slice(3)) };
  } catch {
    return undefined;
  }
}

interface SoakRun {
  readonly samples: readonly SoakSample[];
  readonly stoppedEarly: string | null;
  readonly liveAtEnd: boolean;
}

async function soak(args: KioskSoakArgs, mock: MockProcess, page: Page, watch: KioskPageWatch): Promise<SoakRun> {
  const path = `/kiosk?playlist=${PLAYLIST.join(',')}&interval=${args.intervalSec}`;
  await installBoardAge(page);
  const settle = settleTiming(args.intervalSec * 1000);
  await submitSignIn(page, `${mock.baseUrl}${path}`, 'kiosk');
  if (!(await everyTileLive(page, LIVE_TIMEOUT_MS))) throw new Error(`the kiosk was not live within ${LIVE_TIMEOUT_MS / 1000} s of signing in (${page.url()})`);
  watch.arm();
  const probe = await openPageHeapProbe(page);
  const liveAt = Date.now();
  console.info(`kiosk live at ${path}; sampling every minute for ${args.minutes} min\n`);
  console.info(formatSampleHeader());

  const samples: SoakSample[] = [];
  let stoppedEarly: string | null = null;
  try {
    for (let minute = 0; minute <= args.minutes; minute++) {
      await sleepUntil(liveAt + minute * SAMPLE_EVERY_MS);
      if (!mock.isAlive()) throw new Error('the mock process exited');
      const boardShownMs = await waitForSettledBoard(page, settle);
      const realMs = Date.now() - liveAt;
      const simNow = await simulatedNow(page, mock.baseUrl);
      const heap = await probe.read();
      const view = await watch.view();
      const sample: SoakSample = { minute, realMs, simNow, ...heap, ...view, boardShownMs: Math.round(boardShownMs), reloads: watch.reloads() };
      samples.push(sample);
      console.info(formatSampleRow(sample, samples[0] ?? sample));
    }
  } catch (error: unknown) {
    // Keep what was measured: a soak that dies at minute 9 still says how the heap went until then.
    stoppedEarly = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
  }
  const liveAtEnd = stoppedEarly === null && (await everyTileLive(page, END_GRACE_MS));
  await probe.detach().catch(() => undefined);
  return { samples, stoppedEarly, liveAtEnd };
}

interface RunContext {
  readonly startedAt: Date;
  readonly repo: ReturnType<typeof buildInfo>;
}

function writeReport(args: KioskSoakArgs, run: SoakRun, watch: KioskPageWatch, summary: ReturnType<typeof summarizeSoak>, context: RunContext): string {
  const out = resolve(ROOT, args.out);
  mkdirSync(dirname(out), { recursive: true });
  const report = {
    benchmark: 'kiosk-soak',
    generatedAt: new Date().toISOString(),
    startedAt: context.startedAt.toISOString(),
    // The work tree `npm run bench` built from (with --dist, whatever that folder holds).
    repo: context.repo,
    machine: { cpus: availableParallelism(), node: process.version, platform: process.platform },
    settings: {
      minutes: args.minutes,
      speed: args.speed,
      seed: SEED,
      playlist: PLAYLIST,
      intervalSec: args.intervalSec,
      startAt: args.startAt,
      dist: args.dist,
      viewport: VIEWPORT,
      sampleEverySec: SAMPLE_EVERY_MS / 1000,
      heap: 'Runtime.getHeapUsage usedSize after HeapProfiler.collectGarbage, MB = 2^20 bytes',
    },
    summary,
    samples: run.samples,
    pageErrors: watch.pageErrors(),
    consoleErrors: watch.consoleErrors(),
  };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  return out;
}

export async function runKioskSoak(argv: readonly string[]): Promise<number> {
  let args: KioskSoakArgs;
  try {
    args = parseKioskSoakArgs(argv);
  } catch (error: unknown) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${KIOSK_SOAK_USAGE}`);
    return 2;
  }
  if (args.help) {
    console.info(KIOSK_SOAK_USAGE);
    return 0;
  }

  // Read at the start: others may commit while a 10-minute soak runs, and the build is of now.
  const context: RunContext = { startedAt: new Date(), repo: buildInfo() };
  const startAt = startAtEpochMs(args.startAt);
  const mock = await startMockProcess({
    cwd: ROOT,
    speed: args.speed,
    seed: SEED,
    mockArgs: ['--dist', resolve(ROOT, args.dist), ...(startAt === undefined ? [] : ['--start-at', String(startAt)])],
  });
  // On paths that skip `finally` (process.exit from a signal handler, Playwright's included), the
  // mock goes with us; exit-with-parent.ts inside it covers a SIGKILL of this process.
  const killMock = (): void => {
    try {
      process.kill(mock.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', killMock);
  let browser: Browser | undefined;
  let watch: KioskPageWatch | undefined;
  try {
    console.info(`mock at ${mock.baseUrl} (speed ${args.speed}, seed ${SEED}, simulated day from ${args.startAt}); Chromium ${VIEWPORT.width}×${VIEWPORT.height}`);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: VIEWPORT });
    watch = watchKioskPage(page);
    let crashed = false;
    page.on('crash', () => {
      crashed = true;
    });
    const run = await soak(args, mock, page, watch);
    watch.stop();
    const stoppedEarly = run.stoppedEarly ?? (crashed ? 'the page crashed' : null);
    if (run.samples.length === 0) {
      console.error(`no sample taken: ${stoppedEarly ?? 'unknown reason'}`);
      return 1;
    }
    const summary = summarizeSoak(
      run.samples,
      { pageErrors: watch.pageErrors().length, signInPagesSeen: watch.signInPagesSeen(), reloads: watch.reloads(), liveAtEnd: run.liveAtEnd, stoppedEarly },
      args.minutes,
      TARGET_MB_PER_SIMULATED_HOUR,
    );
    const out = writeReport(args, run, watch, summary, context);
    console.info(`\n${formatSummary(summary)}`);
    for (const message of watch.pageErrors().slice(0, 5)) console.info(`  page error: ${message}`);
    console.info(`\nresults: ${out}`);
    return summary.failures.length === 0 ? 0 : 1;
  } finally {
    watch?.stop();
    await browser?.close().catch(() => undefined);
    await mock.stop();
    process.off('exit', killMock);
  }
}
