import { startBurstMeter, type BurstCpu } from './burst-meter.ts';
import { openClientPool } from './client-pool.ts';
import { startCpuMeter, type CpuReport } from './cpu-meter.ts';
import { fetchAdminSessions } from './mock-api.ts';
import { PERIOD_MS } from './period.ts';
import { startServerSampler, type ServerSamples } from './server-sampler.ts';
import { summarizeWindow, type WindowResult } from './window-summary.ts';

export { PERIOD_MS };
/**
 * The lag a wallboard may show before a value reads as late: the ladder's default bar. The issue's
 * `npm run bench -- mock` sets a stricter one (100 ms) through `StepSettings.lagLimitMs`.
 */
export const LAG_LIMIT_MS = 1000;
/**
 * The mock's clock ticks every 100 ms, so a value is computed up to one tick after it was due even
 * on an idle server; the due-time bar allows for that tick and catches a server whose ticks run
 * late (which the timestamp-based lag cannot see).
 */
const TICK_MS = 100;

export interface StepPlan {
  readonly sessions: number;
  readonly statisticsPerSession: number;
}

export interface StepSettings {
  readonly baseUrl: string;
  readonly serverPid: number;
  readonly isServerAlive: () => boolean;
  readonly clockOffsetMs: number;
  /** A step passes while lag p99 is at most this (due-time lag p99: this plus one tick). */
  readonly lagLimitMs: number;
  /** A whole number of periods: the window then holds exactly that many bursts. */
  readonly windowMs: number;
  /** After the window, how long values due inside it may still arrive and count. */
  readonly drainMs: number;
  readonly batchSize: number;
  /** Load-generator processes the sessions are split over. */
  readonly processes: number;
  /** Extra `node` flags for them (profiling). */
  readonly loadgenNodeArgs: readonly string[];
  /** Sessions each process opens at the same time. */
  readonly concurrency: number;
  readonly setupTimeoutMs: number;
  readonly sampleEveryMs: number;
}

export interface StepResult extends StepPlan {
  readonly subscribedStatistics: number;
  readonly processes: number;
  readonly setupMs: number;
  /** Updates received per second of the window (whole periods, so the steady rate). */
  readonly updatesPerSecond: number;
  readonly messagesPerSecond: number;
  readonly window: WindowResult;
  readonly cpu: CpuReport;
  /** Worst event-loop delay of any load-generator process during the window (p99 and max, ms). */
  readonly loadgenLoopDelayP99Ms: number;
  readonly loadgenLoopDelayMaxMs: number;
  readonly server: ServerSamples;
  /** Who was busy during each burst of the window. */
  readonly bursts: readonly BurstCpu[];
  /** Statistics the server held after setup (should equal subscribedStatistics). */
  readonly serverStatistics: number;
  /** Teardown left no session and no statistic on the server. */
  readonly teardownOk: boolean;
  readonly pass: boolean;
  /** Why the step failed, in words; undefined when it passed. */
  readonly failure: string | undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Real time of the next point half way between two grid points: a window that starts and ends
 * there holds whole bursts only, so updates/s is not skewed by where the window happens to fall.
 */
function nextMidPeriod(clockOffsetMs: number): number {
  const simNow = Date.now() - clockOffsetMs;
  const half = PERIOD_MS / 2;
  return (Math.floor((simNow - half) / PERIOD_MS) + 1) * PERIOD_MS + half + clockOffsetMs;
}

/** Polls the admin endpoint (bounded) until the server holds no statistic and no session. */
async function waitForEmptyServer(baseUrl: string, timeoutMs: number): Promise<boolean> {
  const attempts = Math.ceil(timeoutMs / 250);
  for (let i = 0; i < attempts; i++) {
    const admin = await fetchAdminSessions(baseUrl);
    if (admin.statistics === 0 && admin.sessions.length === 0) return true;
    await sleep(250);
  }
  return false;
}

function judge(window: WindowResult, serverStatistics: number, expectedStatistics: number, teardownOk: boolean, lagLimitMs: number): string | undefined {
  if (serverStatistics !== expectedStatistics) return `server holds ${serverStatistics} statistics, expected ${expectedStatistics}`;
  if (window.expected === 0) return 'no update was due in the window';
  if (window.lost > 0) return `${window.lost} of ${window.expected} due updates lost or later than the drain`;
  if (window.unknown > 0) return `${window.unknown} updates for statistics never opened`;
  if (window.lag.p99 > lagLimitMs) return `lag p99 ${Math.round(window.lag.p99)} ms > ${lagLimitMs} ms`;
  if (window.dueLag.p99 > lagLimitMs + TICK_MS) {
    return `due-time lag p99 ${Math.round(window.dueLag.p99)} ms > ${lagLimitMs + TICK_MS} ms`;
  }
  if (!teardownOk) return 'teardown left sessions or statistics on the server';
  return undefined;
}

/**
 * One rung of the ladder: open the sessions and their statistics, measure a window, tear down.
 * Tearing down is part of the step (and checked) so the next step starts from an empty server.
 */
export async function runCapacityStep(plan: StepPlan, settings: StepSettings, tag: string): Promise<StepResult> {
  const setupStart = Date.now();
  const pool = await openClientPool({
    processes: settings.processes,
    sessions: plan.sessions,
    baseUrl: settings.baseUrl,
    tag,
    statisticsPerSession: plan.statisticsPerSession,
    batchSize: settings.batchSize,
    concurrency: settings.concurrency,
    setupTimeoutMs: settings.setupTimeoutMs,
    nodeArgs: settings.loadgenNodeArgs,
  });
  const setupMs = Date.now() - setupStart;
  let closed = false;
  try {
    const serverStatistics = (await fetchAdminSessions(settings.baseUrl)).statistics;
    const start = nextMidPeriod(settings.clockOffsetMs);
    const end = start + settings.windowMs;
    await pool.setWindow(start, end, settings.clockOffsetMs);

    await sleep(start - Date.now());
    const cpuMeter = startCpuMeter(settings.serverPid, pool.pids);
    const burstMeter = startBurstMeter(settings.serverPid, pool.pids);
    const sampler = startServerSampler(settings.baseUrl, settings.serverPid, settings.sampleEveryMs);
    await sleep(end - Date.now());
    const cpu = cpuMeter.stop();
    const server = await sampler.stop();
    await sleep(settings.drainMs);
    const raws = await pool.results();
    const window = summarizeWindow(raws, { start, end, offset: settings.clockOffsetMs, periodMs: PERIOD_MS });
    const bursts = burstMeter.stop(window.burstTimings);
    if (!settings.isServerAlive()) throw new Error('the mock process died during the step');

    closed = true;
    const failedCloses = await pool.close();
    const teardownOk = failedCloses === 0 && (await waitForEmptyServer(settings.baseUrl, 10_000));
    const subscribedStatistics = plan.sessions * plan.statisticsPerSession;
    const failure = judge(window, serverStatistics, subscribedStatistics, teardownOk, settings.lagLimitMs);
    const seconds = window.windowMs / 1000;
    return {
      ...plan,
      subscribedStatistics,
      processes: pool.pids.length,
      setupMs,
      updatesPerSecond: window.updatesReceived / seconds,
      messagesPerSecond: window.messagesReceived / seconds,
      window,
      cpu,
      loadgenLoopDelayP99Ms: Math.max(0, ...raws.map((r) => r.loopDelayP99Ms)),
      loadgenLoopDelayMaxMs: Math.max(0, ...raws.map((r) => r.loopDelayMaxMs)),
      server,
      bursts,
      serverStatistics,
      teardownOk,
      pass: failure === undefined,
      failure,
    };
  } finally {
    // On an error above, still say goodbye and end the processes.
    if (!closed) await pool.close().catch(() => undefined);
  }
}
