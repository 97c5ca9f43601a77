/**
 * How many subscribed statistics and CometD clients ONE mock process serves at speed 1 (real
 * time) while notification lag stays under a second. Climbs a ladder of sessions × statistics,
 * measuring each step for whole notification periods, and stops at the first step over the bar.
 *
 *   npx tsx bench/mock-capacity.ts [--quick] [--steps 10x100,...] [--window S] [--procs N] ...
 *
 * Writes bench/results/mock-capacity.json; its `mock` field is the largest passing step, in the
 * shape of the `mock` part of bench/results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CAPACITY_USAGE, parseCapacityArgs, type CapacityArgs } from './lib/capacity-args.ts';
import { runLadder, type LadderOutcome } from './lib/capacity-ladder.ts';
import { formatTable, summarize } from './lib/capacity-report.ts';
import { PERIOD_MS } from './lib/capacity-step.ts';
import { startMockProcess } from './lib/mock-process.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `node` flags that make a process write a CPU profile into --cpu-prof's folder when it exits. */
function profileArgs(args: CapacityArgs): string[] {
  return args.cpuProfDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', resolve(args.cpuProfDir)];
}

function writeReport(args: CapacityArgs, outcome: LadderOutcome, durationMs: number): string {
  const summary = summarize(outcome.results);
  const report = {
    generatedAt: new Date().toISOString(),
    durationSec: Math.round(durationMs / 1000),
    machine: { cpus: availableParallelism(), node: process.version, platform: process.platform },
    clockOffsetMs: outcome.clockOffsetMs,
    stoppedBecause: outcome.stoppedBecause,
    ...(outcome.error ? { error: outcome.error } : {}),
    settings: {
      speed: 1,
      lagLimitMs: args.lagLimitMs,
      periodMs: PERIOD_MS,
      windowMs: args.windowMs,
      drainMs: args.drainMs,
      batchSize: args.batchSize,
      loadgenProcesses: args.processes,
    },
    mock: summary ?? { sessions: 0, subscribedStatistics: 0, notificationsPerSecond: 0, lagP99Ms: 0 },
    steps: outcome.results,
  };
  const out = resolve(ROOT, args.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  return out;
}

async function main(): Promise<void> {
  let args: CapacityArgs;
  try {
    args = parseCapacityArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${CAPACITY_USAGE}`);
    process.exit(2);
  }
  const mock = await startMockProcess({ cwd: ROOT, speed: 1, nodeArgs: profileArgs(args) });
  // Never leave the mock running: Ctrl-C, kill, or any crash of this process stops it (and the
  // load-generator processes exit when their IPC channel to this one closes).
  const abort = (signal: NodeJS.Signals): void => {
    console.error(`\n${signal}: stopping the mock`);
    void mock.stop(2000).finally(() => process.exit(130));
  };
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  process.once('exit', () => {
    if (mock.isAlive()) process.kill(mock.pid, 'SIGKILL');
  });

  const startedAt = Date.now();
  let outcome: LadderOutcome;
  try {
    outcome = await runLadder(args, mock, startedAt, profileArgs(args));
  } finally {
    await mock.stop();
  }
  const out = writeReport(args, outcome, Date.now() - startedAt);

  const summary = summarize(outcome.results);
  console.info(`\n${formatTable(outcome.results)}\n`);
  console.info(
    summary
      ? `largest step with lag p99 ≤ ${args.lagLimitMs} ms: ${summary.sessions} sessions, ${summary.subscribedStatistics} statistics, ` +
          `${summary.notificationsPerSecond} updates/s, lag p99 ${summary.lagP99Ms} ms`
      : 'no step passed',
  );
  if (outcome.results.length > 0 && outcome.results.every((r) => r.pass)) {
    console.info('every step measured passed: the limit is above the largest one (try --steps with bigger ones)');
  }
  console.info(`written ${out}`);
}

main().catch((error: unknown) => {
  console.error('mock-capacity:', error);
  process.exit(1);
});
