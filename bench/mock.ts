/**
 * `npm run bench -- mock`: issue 7's mock figure. How many sessions, subscribed statistics and
 * statistic updates per second ONE mock process serves at speed 1 while notification lag p99 stays
 * at or under 100 ms — the capacity ladder of bench/mock-capacity.ts with the issue's bar instead of
 * its own (1 s), on steps around the budget (50 sessions, 20,000 statistics, 10,000 updates/s),
 * stopping at the first step over the bar. Then "the per-session queue is bounded": a client that
 * never polls while the firehose runs (bench/lib/outbox-check.ts).
 *
 * Writes the details to bench/results/mock.json (git-ignored); the figure is the largest step
 * that passed, returned for latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOutcome } from './lib/bench-registry.ts';
import { parseCapacityArgs, type CapacityArgs } from './lib/capacity-args.ts';
import { runLadder, type LadderOutcome } from './lib/capacity-ladder.ts';
import { formatTable, summarize } from './lib/capacity-report.ts';
import { startMockProcess } from './lib/mock-process.ts';
import { DEFAULT_OUTBOX_CHECK, runOutboxCheck, type OutboxCheckResult } from './lib/outbox-check.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LAG_BAR_MS = 100;
/**
 * 50 sessions (the budget) with 20,000 statistics (the budget), then on towards the ~10,000
 * updates/s of the budget: every subscribed statistic but the change-based agent states is sent
 * every 10 s, so 105,000 statistics ≈ 10,060 updates/s; then half as much again and double, with
 * more sessions.
 */
const STEPS = '50x400,50x1000,50x1500,50x2100,100x1600,200x1050';
/** One 10 s period per step: every whole-second phase of the grid is seen once. */
const WINDOW_SECONDS = '10';
/** No new step after this: the ladder and the outbox check fit in about 4 minutes. */
const LADDER_BUDGET_SECONDS = '150';

const USAGE = `usage: npm run bench -- mock [--skip-outbox] [capacity ladder options]
  the ladder options of bench/mock-capacity.ts (npx tsx bench/mock-capacity.ts --help), with
  defaults --steps ${STEPS} --window ${WINDOW_SECONDS} --lag-limit ${LAG_BAR_MS}
  --budget ${LADDER_BUDGET_SECONDS} --out bench/results/mock.json
  --skip-outbox  leave out the bounded-outbox check (45 s)`;

function ladderArgs(argv: readonly string[]): CapacityArgs {
  return parseCapacityArgs([
    '--steps',
    STEPS,
    '--window',
    WINDOW_SECONDS,
    '--lag-limit',
    String(LAG_BAR_MS),
    '--budget',
    LADDER_BUDGET_SECONDS,
    '--out',
    'bench/results/mock.json',
    // Later flags win: the caller's own --steps, --window… replace the defaults above.
    ...argv,
  ]);
}

function printOutbox(check: OutboxCheckResult): void {
  console.info(`\nbounded outbox: one client that never polls, ${DEFAULT_OUTBOX_CHECK.healthySessions} that do, firehose at ${DEFAULT_OUTBOX_CHECK.updatesPerSecond} updates/s`);
  console.info('   s  silent queued  healthy queued max  mock RSS MB  heap after GC MB');
  check.samples.forEach((s, i) => {
    if (s.heapAfterGcMb === undefined && i !== check.samples.length - 1) return;
    console.info(
      `${(s.atMs / 1000).toFixed(0).padStart(4)}  ${String(s.silentQueued ?? 'gone').padStart(13)}  ${String(s.healthyQueuedMax).padStart(18)}  ` +
        `${(s.rssMb?.toFixed(0) ?? '?').padStart(11)}  ${(s.heapAfterGcMb?.toFixed(1) ?? '').padStart(16)}`,
    );
  });
  console.info(`${check.pass ? 'ok' : 'FAIL'}: ${check.verdict}`);
}

function writeDetails(args: CapacityArgs, outcome: LadderOutcome, outbox: OutboxCheckResult | undefined, durationMs: number): string {
  const out = resolve(ROOT, args.out);
  mkdirSync(dirname(out), { recursive: true });
  const report = {
    generatedAt: new Date().toISOString(),
    durationSec: Math.round(durationMs / 1000),
    machine: { cpus: availableParallelism(), node: process.version, platform: process.platform },
    lagLimitMs: args.lagLimitMs,
    clockOffsetMs: outcome.clockOffsetMs,
    stoppedBecause: outcome.stoppedBecause,
    ...(outcome.error ? { error: outcome.error } : {}),
    mock: summarize(outcome.results) ?? null,
    steps: outcome.results,
    outbox: outbox ?? null,
  };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  return out;
}

export async function runMockBench(argv: readonly string[]): Promise<BenchOutcome> {
  if (argv.includes('--help')) {
    console.info(USAGE);
    return { exitCode: 0 };
  }
  const skipOutbox = argv.includes('--skip-outbox');
  let args: CapacityArgs;
  try {
    args = ladderArgs(argv.filter((a) => a !== '--skip-outbox'));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return { exitCode: 2 };
  }
  const startedAt = Date.now();
  const mock = await startMockProcess({ cwd: ROOT, speed: 1, heapProbe: true });
  let outcome: LadderOutcome;
  let outbox: OutboxCheckResult | undefined;
  try {
    outcome = await runLadder(args, mock, startedAt, []);
    if (!skipOutbox && outcome.stoppedBecause !== 'step-error' && outcome.stoppedBecause !== 'teardown-failed') {
      outbox = await runOutboxCheck(mock);
    }
  } finally {
    await mock.stop();
  }
  console.info(`\n${formatTable(outcome.results)}`);
  const summary = summarize(outcome.results);
  console.info(
    summary
      ? `\nlargest step with lag p99 ≤ ${args.lagLimitMs} ms: ${summary.sessions} sessions, ${summary.subscribedStatistics} statistics, ` +
          `${summary.notificationsPerSecond} updates/s, lag p99 ${summary.lagP99Ms} ms`
      : `\nno step kept lag p99 ≤ ${args.lagLimitMs} ms`,
  );
  if (outbox) printOutbox(outbox);
  console.info(`details written to ${writeDetails(args, outcome, outbox, Date.now() - startedAt)}`);

  // A ladder that could not measure a step (sessions failed to open, the mock died) or a queue that
  // outgrew its bound is a failed run; a step over the lag bar is the result.
  const broken = outcome.stoppedBecause === 'step-error' || outcome.stoppedBecause === 'teardown-failed';
  const failed = broken || (outbox !== undefined && !outbox.pass);
  // Zeros are a result only when the smallest step was measured and missed the bar.
  const figures = summary ?? (broken || outcome.results.length === 0 ? undefined : { sessions: 0, subscribedStatistics: 0, notificationsPerSecond: 0, lagP99Ms: 0 });
  return { exitCode: failed ? 1 : 0, ...(figures ? { section: { name: 'mock', figures } } : {}) };
}
