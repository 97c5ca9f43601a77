import { startCpuMeter, type CpuReport } from './cpu-meter.ts';
import { fetchAdminSessions } from './mock-api.ts';
import { closeClients, openClients } from './open-clients.ts';
import { startServerSampler, type ServerSamples } from './server-sampler.ts';
import { createUpdateTracker, type WindowResult } from './update-tracker.ts';

/** Every pre-configured periodical statistic of the mock notifies every 10 s. */
export const PERIOD_MS = 10_000;
/** The lag a wallboard may show before a value reads as late: the bar of every step. */
export const LAG_LIMIT_MS = 1000;

export interface StepPlan {
  readonly sessions: number;
  readonly statisticsPerSession: number;
}

export interface StepSettings {
  readonly baseUrl: string;
  readonly serverPid: number;
  readonly isServerAlive: () => boolean;
  readonly clockOffsetMs: number;
  readonly windowMs: number;
  /** After the window, how long values due inside it may still arrive and count. */
  readonly drainMs: number;
  /** 0 = open every session at once; PERIOD_MS = spread them over one period. */
  readonly spreadMs: number;
  readonly batchSize: number;
  readonly concurrency: number;
  readonly sampleEveryMs: number;
}

export interface StepResult extends StepPlan {
  readonly subscribedStatistics: number;
  readonly setupMs: number;
  readonly updatesPerSecond: number;
  readonly messagesPerSecond: number;
  readonly window: WindowResult;
  readonly cpu: CpuReport;
  readonly server: ServerSamples;
  /** Statistics the server held after setup (should equal subscribedStatistics). */
  readonly serverStatistics: number;
  /** Teardown left no session and no statistic on the server. */
  readonly teardownOk: boolean;
  readonly pass: boolean;
  /** Why the step failed, in words; undefined when it passed. */
  readonly failure: string | undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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

function judge(window: WindowResult, serverStatistics: number, expectedStatistics: number, teardownOk: boolean): string | undefined {
  if (serverStatistics !== expectedStatistics) return `server holds ${serverStatistics} statistics, expected ${expectedStatistics}`;
  if (window.expected === 0) return 'no update was due in the window (window shorter than a period?)';
  if (window.lost > 0) return `${window.lost} of ${window.expected} due updates lost or later than the drain`;
  if (window.unknown > 0) return `${window.unknown} updates for statistics never opened`;
  if (window.lag.p99 >= LAG_LIMIT_MS) return `lag p99 ${Math.round(window.lag.p99)} ms ≥ ${LAG_LIMIT_MS} ms`;
  if (window.dueLag.p99 >= LAG_LIMIT_MS) return `due-time lag p99 ${Math.round(window.dueLag.p99)} ms ≥ ${LAG_LIMIT_MS} ms`;
  if (!teardownOk) return 'teardown left sessions or statistics on the server';
  return undefined;
}

/**
 * One rung of the ladder: open the sessions and their statistics, measure a window, tear down.
 * Tearing down is part of the step (and checked) so the next step starts from an empty server.
 */
export async function runCapacityStep(plan: StepPlan, settings: StepSettings, tag: string): Promise<StepResult> {
  const tracker = createUpdateTracker(PERIOD_MS);
  const setupStart = Date.now();
  const clients = await openClients({
    baseUrl: settings.baseUrl,
    tag,
    sessions: plan.sessions,
    statistics: plan.statisticsPerSession,
    batchSize: settings.batchSize,
    spreadMs: settings.spreadMs,
    concurrency: settings.concurrency,
    tracker,
  });
  const setupMs = Date.now() - setupStart;
  let teardownOk = false;
  try {
    const serverStatistics = (await fetchAdminSessions(settings.baseUrl)).statistics;

    const windowStart = Date.now();
    tracker.startWindow(windowStart, settings.clockOffsetMs);
    const cpuMeter = startCpuMeter(settings.serverPid);
    const sampler = startServerSampler(settings.baseUrl, settings.serverPid, settings.sampleEveryMs);
    await sleep(settings.windowMs);
    tracker.endWindow(Date.now());
    const cpu = cpuMeter.stop();
    const server = await sampler.stop();
    await sleep(settings.drainMs);
    const window = tracker.result();
    if (!settings.isServerAlive()) throw new Error('the mock process died during the step');

    const failedCloses = await closeClients(clients);
    teardownOk = failedCloses === 0 && (await waitForEmptyServer(settings.baseUrl, 10_000));
    const subscribedStatistics = plan.sessions * plan.statisticsPerSession;
    const failure = judge(window, serverStatistics, subscribedStatistics, teardownOk);
    const seconds = window.windowMs / 1000;
    return {
      ...plan,
      subscribedStatistics,
      setupMs,
      updatesPerSecond: window.updatesReceived / seconds,
      messagesPerSecond: window.messagesReceived / seconds,
      window,
      cpu,
      server,
      serverStatistics,
      teardownOk,
      pass: failure === undefined,
      failure,
    };
  } finally {
    // On an error above, still say goodbye; closing twice is a no-op.
    if (!teardownOk) await closeClients(clients);
  }
}
