/**
 * The `browser` benchmark (issue 7): a generated board of 1,000 stat tiles in the kiosk, fed by the
 * mock's firehose (`POST /mock/admin/firehose`) at 5,000 statistic updates/s for 60 s. It reports
 * frames (fps against the same page's idle fps, script per frame, long tasks), the latency from the
 * mock stamping an update to the tile's DOM showing it, how many values reached the screen, and
 * whether every statistic ended on its last value.
 *
 * Method, and why:
 *
 * - **The board.** Every tile shows a statistic of its own, as on a real board, so 5,000 statistic
 *   updates/s are 5,000 tile changes/s. The numeric (statistic, object) pairs are every
 *   statistics.yaml entry × every object of its type, less the two agent-state statistics (they
 *   carry a state name; the firehose's integers would be refused as malformed): 536 with the demo's
 *   40 agents, too few, so the mock runs with `--agents N`, the smallest floor with 1,000 pairs
 *   (`agentsForDistinctTiles`). The firehose goes round-robin over the subscribed statistics (5
 *   updates/s each at 5,000/s). `--demo-floor` keeps the 40 agents, as the first runs did: the
 *   1,000 tiles then cycle over 536 pairs, 464 of them shown twice (one store key, two tiles), and
 *   each statistic gets ~9.3 updates/s, ~9,300 tile changes/s. Each tile is one grid cell (w=1,
 *   h=1), 12 a row: 84 rows.
 * - **Kiosk, not the normal app.** The normal app gives a row at least 3.5 rem and scrolls the
 *   other ~70 rows off screen; `/kiosk?board=` fits the board to the 1920×1080 viewport, so every
 *   tile is on screen and painted. The board is the user's own (localStorage `wallboard.boards.v1`,
 *   written by an init script before the app reads it), opened by its id.
 * - **The mock as its own process** at speed 0: its CPU does not share this process's event loop,
 *   and with the simulated clock stopped no periodic notification moves a value, so every value
 *   change on screen is the firehose's (needed to attribute it) and the final values are known.
 * - **Windows.** Idle reference: 10 s of the live board with no firehose. Then 60 s of firehose; the
 *   first 10 s are warm-up (JIT, GC sizing, CometD batching settling) and left out of every figure.
 *   Both windows are in the same page, same run, same tracing: the fps ratio compares like with like.
 * - **Frames.** fps = requestAnimationFrame callbacks per second in the page. Script per frame comes
 *   from a Chromium trace recorded over both windows: `long-animation-frame` entries exist only for
 *   frames over 50 ms, so their script times say nothing of the other frames; the trace has every
 *   frame (bench/lib/trace-frames.ts). Long tasks: a `longtask` PerformanceObserver in the page.
 * - **Latency, to DOM.** The page keeps every CometD answer (each StatisticUpdate's value and the
 *   mock's `timestamp`, stamped with `Date.now()` as it emits) and a MutationObserver notes each
 *   tile's `data-value` change with the page's `Date.now()`; same machine, same clock. A change is
 *   traced to the newest update of its key carrying that value (bench/lib/firehose-latency.ts).
 *   Observer callbacks run right after React's commit, before style, layout and paint of that
 *   frame: the figure is "to DOM", and the frame's rendering comes on top of it.
 *   The store's commit would give the stamps without keeping response bodies, but src/ has no hook
 *   for it. The hook that would do: `createStatStore` (src/store/create-stat-store.ts) taking an
 *   optional `onCommit(committed: readonly StatValue[], at: number)` called at the end of `flush()`
 *   with the values it put, and src/app wiring it to `window.__wallboardOnCommit` when an init
 *   script has defined that function — the values already carry the server `timestamp`.
 * - **appliedUpdatesPerSecond** = new statistic values that reached the DOM per second in the
 *   measured window: a key whose value changed counts once, however many tiles show it. Updates
 *   that a later one overtook before a frame (the store keeps the last per key per frame) never
 *   reach the screen and are not counted; they are not lost either.
 * - **lostUpdates** = statistics whose tiles do not all show the last value the page received for
 *   them, once the firehose has stopped and the DOM has been still for a second. That the page
 *   received everything the mock sent is checked too (received vs the mock's `sent` count).
 *
 * Reading the figures: the work is per tile change, not per update received, and a slow frame
 * carries more changes (the store keeps one per key per frame), so script per frame and fps move
 * together; the printed per-frame split (script, style+layout, paint) says which part to cut. On
 * 2 cores a neighbour's work takes CPU from the page: the run prints how much other processes used.
 */
import type { Browser, Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDefaultContactCenter, DEFAULT_AGENT_COUNT, MAX_AGENT_COUNT } from '../mock-server/sim/default-contact-center.ts';
import { loadStatisticsCatalog } from '../mock-server/stats/statistics-catalog.ts';
import { LOCAL_BOARDS_KEY } from '../src/boards/local-boards.ts';
import { launchChromium, submitSignIn } from './lib/browser.ts';
import { summarizeCpuProfile, type CpuProfile, type ProfileSummary } from './lib/cpu-profile-summary.ts';
import { agentsForDistinctTiles, distinctStatPairs, firehoseBoard } from './lib/firehose-board.ts';
import { startFirehose, stopFirehose } from './lib/firehose-control.ts';
import { changeLatencies, finalMismatches, indexUpdates, valuesShown, type NotifiedUpdate, type TileChange } from './lib/firehose-latency.ts';
import { framesPerSecond, percentile, round1 } from './lib/frame-rate.ts';
import { fetchAdminSessions } from './lib/mock-api.ts';
import { startMockProcess, type MockProcess } from './lib/mock-process.ts';
import { startCpuShareMeter, type CpuShare } from './lib/process-tree-cpu.ts';
import { readCpuMs } from './lib/proc-stats.ts';
import { installFrameMeter, readFrameMeter } from './lib/page-frame-meter.ts';
import { installNameShim } from './lib/page-name-shim.ts';
import { watchSubscriptions } from './lib/page-subscriptions.ts';
import { installUpdateCapture, lastTileChangeAt, readReceivedUpdates, readShownValues, readTileChanges } from './lib/page-update-capture.ts';
import { parseSourceMap, type SourceMapLookup } from './lib/source-map-lookup.ts';
import { frameTimes, rendererMainThread, scriptByEntryPoint, timeStampAt, type FrameTime, type TraceEvent } from './lib/trace-frames.ts';

/** The issue's figures, as bench/results/latest.json holds them under `browser`. */
export interface BrowserFigures {
  readonly tiles: number;
  readonly offeredUpdatesPerSecond: number;
  readonly appliedUpdatesPerSecond: number;
  readonly lostUpdates: number;
  readonly scriptPerFrameP95Ms: number;
  readonly longTasksOver50ms: number;
  readonly fps: number;
  readonly idleFps: number;
  readonly latencyP50Ms: number;
  readonly latencyP95Ms: number;
}

export interface BrowserOptions {
  /** Firehose duration, warm-up included (default 60). */
  readonly seconds?: number;
  /** Firehose rate (default 5000). */
  readonly updatesPerSecond?: number;
  /** Tiles on the generated board (default 1000). */
  readonly tiles?: number;
  /**
   * The demo's 40 agents, whose 536 numeric pairs the tiles then share (the first runs' board);
   * by default the mock gets as many agents as it takes for every tile to show its own statistic.
   */
  readonly demoFloor?: boolean;
  readonly print?: (line: string) => void;
  /** Left out of every figure at the start of the firehose (default 10, at most half the run). */
  readonly warmupSeconds?: number;
  /** The idle reference window (default 10). */
  readonly idleSeconds?: number;
  /** The build the mock serves (default `dist`, relative to the repository). */
  readonly distDir?: string;
  /** When set, after the measurement: a CPU profile of the page under the firehose, written here. */
  readonly cpuProfilePath?: string;
  /** Length of that profile (default 10 s). */
  readonly profileSeconds?: number;
  /** When set: the Chromium trace of both windows, for DevTools' Performance panel (tens of MB). */
  readonly tracePath?: string;
  /** When set: the figures with everything behind them (frame breakdown, counts, profile summary) as JSON. */
  readonly detailsPath?: string;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BOARD_ID = 'bench-firehose';
const VIEWPORT = { width: 1920, height: 1080 };
const SEED = 5;
const LIVE_TIMEOUT_MS = 60_000;
/** The DOM has settled when no tile changed for this long after the firehose stopped. */
const SETTLED_AFTER_MS = 1000;
const SETTLE_TIMEOUT_MS = 30_000;
/**
 * `devtools.timeline`: frames (`AnimationFrame`), script entry points, layout, paint, `TimeStamp`;
 * the disabled-by-default one adds `RunTask` (busy time); `v8.execute` adds `RunMicrotasks`.
 */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'];
const PROFILE_WARMUP_MS = 2000;
/** Above this (% of one core) the run shared the machine with someone else's work, and says so. */
const BUSY_NEIGHBOURS_PERCENT = 25;

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Marks an instant in the page: a `TimeStamp` in the trace, and the page's `Date.now()` at that moment. */
function mark(page: Page, label: string): Promise<number> {
  return page.evaluate((text: string) => {
    // eslint-disable-next-line no-console -- the one page API that writes a mark into the trace
    console.timeStamp(text);
    return Date.now();
  }, label);
}

/** Every tile of the board shown and live, and the connection live. */
async function waitForLiveBoard(page: Page, tiles: number): Promise<void> {
  await page.waitForFunction(
    (count: number) => {
      const all = document.querySelectorAll('[data-testid="tile"]');
      if (all.length !== count) return false;
      if (document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-state') !== 'live') return false;
      for (const tile of all) if (tile.getAttribute('data-status') !== 'live') return false;
      return true;
    },
    tiles,
    { timeout: LIVE_TIMEOUT_MS, polling: 250 },
  );
}

/** Waits (a condition, polled) until no tile has changed for SETTLED_AFTER_MS. */
async function waitForSettledDom(page: Page, stoppedAt: number): Promise<number> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const last = Math.max(stoppedAt, await lastTileChangeAt(page));
    if (Date.now() - last >= SETTLED_AFTER_MS) return last;
    if (Date.now() > deadline) throw new Error(`the tiles were still changing ${SETTLE_TIMEOUT_MS / 1000} s after the firehose stopped`);
    await sleep(250);
  }
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

interface FrameSummary {
  readonly frames: number;
  readonly scriptP50Ms: number;
  readonly scriptP95Ms: number;
  readonly meanScriptMs: number;
  readonly meanStyleLayoutMs: number;
  readonly meanPaintMs: number;
  readonly meanBusyMs: number;
  readonly meanFrameMs: number;
}

function summarizeFrames(frames: readonly FrameTime[]): FrameSummary {
  const script = frames.map((f) => f.scriptMs);
  return {
    frames: frames.length,
    scriptP50Ms: round1(percentile(script, 50)),
    scriptP95Ms: round1(percentile(script, 95)),
    meanScriptMs: round1(mean(script)),
    meanStyleLayoutMs: round1(mean(frames.map((f) => f.styleLayoutMs))),
    meanPaintMs: round1(mean(frames.map((f) => f.paintMs))),
    meanBusyMs: round1(mean(frames.map((f) => f.busyMs))),
    meanFrameMs: round1(mean(frames.map((f) => (f.to - f.from) / 1000))),
  };
}

function describeFrames(label: string, s: FrameSummary): string {
  return (
    `${label}: ${s.frames} frames, script/frame p50 ${s.scriptP50Ms} p95 ${s.scriptP95Ms} ms; per frame on average: ` +
    `${s.meanFrameMs} ms long, busy ${s.meanBusyMs} (script ${s.meanScriptMs}, style+layout ${s.meanStyleLayoutMs}, paint ${s.meanPaintMs})`
  );
}

/** Source maps of the build the mock serves, by script URL (`…/assets/index-x.js` → `dist/assets/index-x.js.map`). */
function sourceMapsOf(distDir: string): (url: string) => SourceMapLookup | undefined {
  const cache = new Map<string, SourceMapLookup | undefined>();
  return (url) => {
    if (cache.has(url)) return cache.get(url);
    let lookup: SourceMapLookup | undefined;
    try {
      const path = new URL(url).pathname;
      if (path.startsWith('/assets/')) lookup = parseSourceMap(JSON.parse(readFileSync(join(distDir, `${path}.map`), 'utf8')));
    } catch {
      lookup = undefined;
    }
    cache.set(url, lookup);
    return lookup;
  };
}

async function profileUnderFirehose(page: Page, mock: MockProcess, rate: number, seconds: number, path: string): Promise<CpuProfile> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await startFirehose(mock.baseUrl, rate);
    // Profile the steady state, not the first burst after a pause.
    await sleep(PROFILE_WARMUP_MS);
    await cdp.send('Profiler.start');
    await sleep(seconds * 1000);
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(profile));
    return profile;
  } finally {
    await stopFirehose(mock.baseUrl).catch(() => undefined);
    await cdp.detach().catch(() => undefined);
  }
}

function describeShare(share: CpuShare | undefined): string {
  return share ? `ours ${share.ownPercent}, other processes ${share.othersPercent}` : 'not measured';
}

function describeProfile(summary: ProfileSummary, print: (line: string) => void): void {
  print(`CPU profile (${summary.durationMs} ms), self time by module:`);
  for (const m of summary.modules) print(`  ${m.percent.toFixed(1).padStart(5)} %  ${String(m.selfMs).padStart(7)} ms  ${m.label}`);
  print('heaviest functions (self time):');
  for (const f of summary.functions) print(`  ${f.percent.toFixed(1).padStart(5)} %  ${String(f.selfMs).padStart(7)} ms  ${f.label}`);
}

export async function measureBrowser(options: BrowserOptions = {}): Promise<BrowserFigures> {
  const seconds = options.seconds ?? 60;
  const rate = options.updatesPerSecond ?? 5000;
  const tileCount = options.tiles ?? 1000;
  const print = options.print ?? ((line: string) => console.info(line));
  const warmupSeconds = Math.min(options.warmupSeconds ?? 10, seconds / 2);
  const idleSeconds = options.idleSeconds ?? 10;
  const distDir = resolve(ROOT, options.distDir ?? 'dist');

  const { entries } = loadStatisticsCatalog();
  const agents = options.demoFloor
    ? DEFAULT_AGENT_COUNT
    : agentsForDistinctTiles(tileCount, entries, (count) => createDefaultContactCenter({ agents: count }), { minimum: DEFAULT_AGENT_COUNT, maximum: MAX_AGENT_COUNT });
  const center = createDefaultContactCenter({ agents });
  const pairs = distinctStatPairs({ entries, ...center });
  const board = firehoseBoard(BOARD_ID, pairs, tileCount);
  const distinct = Math.min(pairs.length, tileCount);
  print(`board: ${tileCount} tiles over ${distinct} distinct statistics (the mock, with ${agents} agents, has ${pairs.length} numeric statistic/object pairs), kiosk at ${VIEWPORT.width}×${VIEWPORT.height}`);

  const mock = await startMockProcess({ cwd: ROOT, speed: 0, seed: SEED, mockArgs: ['--dist', distDir, '--agents', String(agents)] });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: VIEWPORT });
    await installNameShim(context);
    await context.addInitScript(
      ({ key, value }: { key: string; value: string }) => {
        localStorage.setItem(key, value);
      },
      { key: LOCAL_BOARDS_KEY, value: JSON.stringify({ boards: [board] }) },
    );
    await installFrameMeter(context);
    await installUpdateCapture(context);
    const page = await context.newPage();
    const kinds = new Map(pairs.map((pair) => [`${pair.statistic}|${pair.objectId}`, pair.objectType]));
    const subscriptions = watchSubscriptions(page, (statistic, objectId) => kinds.get(`${statistic}|${objectId}`));
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    let loads = 0;
    page.on('load', () => loads++);

    const signInAt = Date.now();
    await submitSignIn(page, `${mock.baseUrl}/kiosk?board=${BOARD_ID}`);
    await waitForLiveBoard(page, tileCount);
    const loadsWhenLive = loads;
    const held = await fetchAdminSessions(mock.baseUrl);
    print(`live ${Date.now() - signInAt} ms after sign-in; the mock holds ${held.statistics} statistics in ${held.subscriptions} subscriptions of ${held.sessions.length} session(s)`);
    if (held.statistics !== distinct) print(`warning: expected ${distinct} subscribed statistics; the firehose goes round-robin over what is subscribed`);

    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const idleCpu = startCpuShareMeter();
    const idleFrom = await mark(page, 'bench:idle-start');
    await sleep(idleSeconds * 1000);
    const idleTo = await mark(page, 'bench:idle-end');
    const idleShare = idleCpu.stop();

    const start = await startFirehose(mock.baseUrl, rate);
    const firehoseFrom = Date.now();
    print(`idle reference done; firehose at ${rate}/s for ${seconds} s (first ${warmupSeconds} s warm-up)`);
    await sleep(warmupSeconds * 1000);
    const loadCpu = startCpuShareMeter();
    const mockCpuFrom = readCpuMs(mock.pid);
    const measureFrom = await mark(page, 'bench:measure-start');
    await sleep(Math.max(0, firehoseFrom + seconds * 1000 - Date.now()));
    const measureTo = await mark(page, 'bench:measure-end');
    const loadShare = loadCpu.stop();
    const mockCpuTo = readCpuMs(mock.pid);
    const stop = await stopFirehose(mock.baseUrl);
    const firehoseTo = Date.now();
    const traceBuffer = await browser.stopTracing();
    if (options.tracePath) {
      mkdirSync(dirname(resolve(ROOT, options.tracePath)), { recursive: true });
      writeFileSync(resolve(ROOT, options.tracePath), traceBuffer);
    }
    const trace = JSON.parse(traceBuffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    const settledAt = await waitForSettledDom(page, firehoseTo);
    print(`firehose stopped; DOM settled ${settledAt - firehoseTo} ms later`);
    if (loads !== loadsWhenLive) throw new Error(`the kiosk reloaded itself during the run (${loads - loadsWhenLive} time(s)): the page's records are gone`);

    const shown = await readShownValues(page);
    const changesRaw = await readTileChanges(page);
    const received = await readReceivedUpdates(page);
    const meter = await readFrameMeter(page);

    // Updates, in the order received, under their store keys.
    let unknownStatistic = 0;
    const updates: NotifiedUpdate[] = [];
    for (let i = 0; i < received.statistic.length; i++) {
      const key = subscriptions.keyOf(received.statisticIds[received.statistic[i] as number] ?? '');
      if (key === undefined) unknownStatistic++;
      else updates.push({ key, value: received.value[i] as number, stampedAt: received.stampedAt[i] as number });
    }
    const changes: TileChange[] = changesRaw.tile.map((tile, i) => ({
      tile,
      key: changesRaw.keys[tile] ?? '',
      value: changesRaw.value[i] as number,
      seenAt: changesRaw.seenAt[i] as number,
    }));
    const index = indexUpdates(updates);
    const measured = { from: measureFrom, to: measureTo };
    const windowSeconds = (measureTo - measureFrom) / 1000;
    const latency = changeLatencies(index, changes, measured);
    const applied = valuesShown(changes, measured);
    const final = finalMismatches(index.lastValues(), shown);
    const sent = stop.sent - start.sent;

    const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
    const thread = rendererMainThread(events);
    if (!thread) throw new Error('the trace has no renderer main thread with frames');
    const frames = frameTimes(events, thread);
    const at = (label: string): number => {
      const ts = timeStampAt(events, label);
      if (ts === undefined) throw new Error(`the trace lacks the mark ${label}`);
      return ts;
    };
    const framesIn = (from: number, to: number): FrameTime[] => frames.filter((f) => f.to >= from && f.to < to);
    const idleFrames = summarizeFrames(framesIn(at('bench:idle-start'), at('bench:idle-end')));
    const loadFrames = summarizeFrames(framesIn(at('bench:measure-start'), at('bench:measure-end')));
    const entryPoints = scriptByEntryPoint(events, thread, at('bench:measure-start'), at('bench:measure-end'));

    const figures: BrowserFigures = {
      tiles: shown.length,
      offeredUpdatesPerSecond: Math.round((sent * 1000) / (firehoseTo - firehoseFrom)),
      appliedUpdatesPerSecond: Math.round(applied / windowSeconds),
      lostUpdates: final.statistics,
      scriptPerFrameP95Ms: loadFrames.scriptP95Ms,
      longTasksOver50ms: meter.longTasks.filter((t) => t.at >= measureFrom && t.at < measureTo).length,
      fps: round1(framesPerSecond(meter.frames, measureFrom, measureTo)),
      idleFps: round1(framesPerSecond(meter.frames, idleFrom, idleTo)),
      latencyP50Ms: round1(percentile(latency.samples, 50)),
      latencyP95Ms: round1(percentile(latency.samples, 95)),
    };

    const longFrames = meter.longFrames.filter((f) => f.at >= measureFrom && f.at < measureTo);
    print(`emitted ${sent} updates (${figures.offeredUpdatesPerSecond}/s); the page received ${updates.length + unknownStatistic} in ${received.updateMessages} messages${unknownStatistic ? ` (${unknownStatistic} of unknown statistics)` : ''}`);
    print(`measured window ${windowSeconds.toFixed(1)} s: ${latency.samples.length} tile changes timed (p50 ${figures.latencyP50Ms}, p95 ${figures.latencyP95Ms}, p99 ${round1(percentile(latency.samples, 99))}, max ${round1(percentile(latency.samples, 100))} ms to DOM), ${latency.unattributed} not traceable to an update`);
    print(describeFrames('idle', idleFrames));
    print(describeFrames('firehose', loadFrames));
    print(`script by entry point under the firehose (ms per s): ${Object.entries(entryPoints).sort((a, b) => b[1] - a[1]).map(([name, ms]) => `${name} ${round1(ms / windowSeconds)}`).join(', ')}`);
    print(`long animation frames (LoAF, > 50 ms) in the window: ${meter.longFramesObserved ? longFrames.length : 'not observable'}; long tasks: ${figures.longTasksOver50ms}`);
    print(`final values: ${final.statistics} statistics (${final.tiles} tiles) not on their last value${final.examples.length ? `: ${final.examples.join('; ')}` : ''}`);
    const mockPercent = mockCpuFrom === undefined || mockCpuTo === undefined ? undefined : Math.round(((mockCpuTo - mockCpuFrom) * 100) / (measureTo - measureFrom));
    print(`CPU, % of one core (2 cores = 200): idle ${describeShare(idleShare)}; firehose ${describeShare(loadShare)}${mockPercent === undefined ? '' : `, of which the mock ${mockPercent}`}`);
    const busiest = Math.max(idleShare?.othersPercent ?? 0, loadShare?.othersPercent ?? 0);
    if (busiest > BUSY_NEIGHBOURS_PERCENT) print(`warning: other processes used up to ${busiest} % of a core beside this run; on 2 cores that is CPU the page did not get, so fps and latency are worse than this machine alone gives (the fps ratio to idle is still like for like)`);
    if (pageErrors.length > 0) print(`page errors: ${pageErrors.slice(0, 5).join(' | ')}`);

    let profile: ProfileSummary | undefined;
    if (options.cpuProfilePath) {
      const path = resolve(ROOT, options.cpuProfilePath);
      const raw = await profileUnderFirehose(page, mock, rate, options.profileSeconds ?? 10, path);
      profile = summarizeCpuProfile(raw, sourceMapsOf(distDir));
      print(`CPU profile written to ${path}`);
      describeProfile(profile, print);
    }
    subscriptions.stop();

    if (options.detailsPath) {
      const path = resolve(ROOT, options.detailsPath);
      mkdirSync(dirname(path), { recursive: true });
      const details = {
        benchmark: 'browser',
        generatedAt: new Date().toISOString(),
        settings: { seconds, updatesPerSecond: rate, tiles: tileCount, warmupSeconds, idleSeconds, viewport: VIEWPORT, route: `/kiosk?board=${BOARD_ID}`, mockSpeed: 0, seed: SEED },
        figures,
        board: { distinctStatistics: distinct, agents, numericPairsInMock: pairs.length, subscribedStatistics: held.statistics },
        firehose: { emitted: sent, received: updates.length + unknownStatistic, unknownStatistic, updateMessages: received.updateMessages, seconds: (firehoseTo - firehoseFrom) / 1000 },
        latency: {
          timedChanges: latency.samples.length,
          unattributed: latency.unattributed,
          p99Ms: round1(percentile(latency.samples, 99)),
          maxMs: round1(percentile(latency.samples, 100)),
        },
        cpuPercentOfOneCore: { idle: idleShare ?? null, firehose: loadShare ?? null, mockUnderFirehose: mockPercent ?? null },
        frames: { idle: idleFrames, firehose: loadFrames, scriptByEntryPointMsPerSecond: Object.fromEntries(Object.entries(entryPoints).map(([k, v]) => [k, round1(v / windowSeconds)])) },
        longAnimationFrames: { observed: meter.longFramesObserved, count: longFrames.length, scriptP95Ms: round1(percentile(longFrames.map((f) => f.scriptMs), 95)) },
        final,
        pageErrors: pageErrors.slice(0, 20),
        ...(profile ? { cpuProfile: { path: options.cpuProfilePath, ...profile } } : {}),
      };
      writeFileSync(path, `${JSON.stringify(details, null, 2)}\n`);
      print(`details written to ${path}`);
    }
    return figures;
  } finally {
    await browser?.close().catch(() => undefined);
    await mock.stop();
  }
}
