import type { CapacityArgs } from './capacity-args.ts';
import { runCapacityStep, type StepPlan, type StepResult, type StepSettings } from './capacity-step.ts';
import { measureClockOffset } from './mock-api.ts';
import type { MockProcess } from './mock-process.ts';

export type StopReason = 'ladder-complete' | 'step-failed' | 'step-error' | 'teardown-failed' | 'time-budget';

/**
 * Other processes busier than this (% of one core) during a failed step make the failure suspect:
 * on a 2-core machine a neighbour's build takes the core the mock or the load generator needed.
 */
export const NOISY_OTHER_PCT = 25;

export interface LadderStep extends StepResult {
  /** Set when the step failed on a busy machine and was measured again; this is the first try. */
  readonly firstAttempt?: { readonly failure: string; readonly otherPct: number };
}

export interface LadderOutcome {
  readonly clockOffsetMs: number;
  readonly results: LadderStep[];
  readonly stoppedBecause: StopReason;
  /** The step that could not even be measured (sessions failed to open, the mock died…). */
  readonly error: (StepPlan & { readonly message: string }) | undefined;
}

function describeStep(r: StepResult): string {
  const w = r.window;
  return (
    `${r.sessions} sessions × ${r.statisticsPerSession} = ${r.subscribedStatistics} statistics: ` +
    `${r.updatesPerSecond.toFixed(0)} updates/s, lag p50/p99/max ${w.lag.p50}/${w.lag.p99}/${w.lag.max} ms, ` +
    `lost ${w.lost}/${w.expected}, CPU % of a core: mock ${r.cpu.serverPct?.toFixed(0) ?? '?'}, ` +
    `load generator ${r.cpu.loadgenPct?.toFixed(0) ?? '?'}, others ${r.cpu.otherPct?.toFixed(0) ?? '?'} → ` +
    (r.pass ? 'ok' : `FAIL (${r.failure ?? ''})`)
  );
}

/**
 * Climbs the ladder of steps on one mock process until a step fails (or the list or the time
 * budget ends). A step that fails while other processes kept the machine busy is measured once
 * more, so a neighbour's build is not reported as the mock's limit.
 */
export async function runLadder(args: CapacityArgs, mock: MockProcess, startedAt: number, loadgenNodeArgs: readonly string[]): Promise<LadderOutcome> {
  const clockOffsetMs = await measureClockOffset(mock.baseUrl);
  console.info(`mock pid ${mock.pid} at ${mock.baseUrl}; simulated clock ${clockOffsetMs} ms behind real time (subtracted from lag)`);
  const settings: StepSettings = {
    baseUrl: mock.baseUrl,
    serverPid: mock.pid,
    isServerAlive: mock.isAlive,
    clockOffsetMs,
    lagLimitMs: args.lagLimitMs,
    windowMs: args.windowMs,
    drainMs: args.drainMs,
    batchSize: args.batchSize,
    processes: args.processes,
    loadgenNodeArgs,
    concurrency: 8,
    setupTimeoutMs: 60_000,
    sampleEveryMs: 2000,
  };
  const results: LadderStep[] = [];
  const overBudget = (): boolean => Date.now() - startedAt > args.budgetMs;
  for (const [index, plan] of args.steps.entries()) {
    if (overBudget()) {
      console.info(`time budget of ${args.budgetMs / 1000} s spent: not starting ${plan.sessions} × ${plan.statisticsPerSession}`);
      return { clockOffsetMs, results, stoppedBecause: 'time-budget', error: undefined };
    }
    console.info(`step ${index + 1}/${args.steps.length}: ${plan.sessions} sessions × ${plan.statisticsPerSession} statistics…`);
    let result: LadderStep;
    try {
      result = await runCapacityStep(plan, settings, `step${index + 1}`);
      const otherPct = result.cpu.otherPct ?? 0;
      if (!result.pass && result.teardownOk && otherPct > NOISY_OTHER_PCT && !overBudget()) {
        console.info(`  ${describeStep(result)}\n  other processes used ${otherPct.toFixed(0)} % of a core: measuring again`);
        const first = { failure: result.failure ?? '', otherPct };
        result = { ...(await runCapacityStep(plan, settings, `step${index + 1}r`)), firstAttempt: first };
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`  could not measure: ${message}`);
      return { clockOffsetMs, results, stoppedBecause: 'step-error', error: { ...plan, message } };
    }
    results.push(result);
    console.info(`  ${describeStep(result)}`);
    if (!result.teardownOk) {
      console.error('  teardown left state on the server: later steps would not start clean, stopping');
      return { clockOffsetMs, results, stoppedBecause: 'teardown-failed', error: undefined };
    }
    if (!result.pass && !args.keepGoing) return { clockOffsetMs, results, stoppedBecause: 'step-failed', error: undefined };
  }
  return { clockOffsetMs, results, stoppedBecause: 'ladder-complete', error: undefined };
}
