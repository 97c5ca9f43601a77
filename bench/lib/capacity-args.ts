import { LAG_LIMIT_MS, type StepPlan } from './capacity-step.ts';
import { PERIOD_MS } from './period.ts';

export interface CapacityArgs {
  readonly steps: readonly StepPlan[];
  /** A whole number of notification periods. */
  readonly windowMs: number;
  readonly drainMs: number;
  /** A step passes while lag p99 is at most this. */
  readonly lagLimitMs: number;
  readonly batchSize: number;
  /** Load-generator processes the sessions of a step are split over. */
  readonly processes: number;
  /** Run every step even after one fails (to see how it degrades). */
  readonly keepGoing: boolean;
  /** No new step starts after this many ms of the run (keeps `npm run bench` bounded). */
  readonly budgetMs: number;
  readonly out: string;
  /** Write V8 CPU profiles of the mock and the load generators here (flushed as each exits). */
  readonly cpuProfDir: string | undefined;
}

/**
 * sessions × statistics per session: quick doublings up to 160k statistics, then finer steps
 * where the reference machine (2 cores, mock and load generator side by side) crosses the bar,
 * around 250k–300k. The run stops at the first step over it.
 */
export const DEFAULT_STEPS: readonly StepPlan[] = [
  { sessions: 10, statisticsPerSession: 100 },
  { sessions: 50, statisticsPerSession: 200 },
  { sessions: 100, statisticsPerSession: 400 },
  { sessions: 200, statisticsPerSession: 800 },
  { sessions: 200, statisticsPerSession: 1000 },
  { sessions: 250, statisticsPerSession: 1000 },
  { sessions: 300, statisticsPerSession: 1000 },
  { sessions: 400, statisticsPerSession: 1000 },
];
const QUICK_STEPS: readonly StepPlan[] = [
  { sessions: 5, statisticsPerSession: 100 },
  { sessions: 20, statisticsPerSession: 200 },
];
/** Guards against a typo that would open a million sessions. */
const MAX_SESSIONS = 2000;
const MAX_STATISTICS_PER_SESSION = 20_000;

export const CAPACITY_USAGE = `usage: npx tsx bench/mock-capacity.ts [--quick] [--steps 10x100,50x400,...] [--window SECONDS]
       [--drain SECONDS] [--lag-limit MS] [--batch N] [--procs N] [--keep-going] [--budget SECONDS] [--out FILE] [--cpu-prof DIR]
  --quick       two small steps, one-period windows: a smoke test (under a minute)
  --steps       sessions x statistics-per-session, comma-separated
  --window      measurement window per step, rounded up to whole 10 s periods (default 20 s)
  --drain       extra time for values due in the window to arrive (default 3 s)
  --lag-limit   a step passes while lag p99 is at most this (default ${LAG_LIMIT_MS} ms)
  --batch       statistics per subscription POST (default 500)
  --procs       load-generator processes to split the sessions over (default 1)
  --keep-going  run every step even after one fails
  --budget      start no new step after this many seconds (default 300)
  --out         results file (default bench/results/mock-capacity.json)
  --cpu-prof    write CPU profiles of the mock and of the load-generator processes into DIR
                (open them in Chrome DevTools; the file name carries the pid printed at start)`;

function parseSteps(text: string): StepPlan[] {
  return text.split(',').map((part) => {
    const match = /^(\d+)x(\d+)$/.exec(part.trim());
    const sessions = Number(match?.[1]);
    const statisticsPerSession = Number(match?.[2]);
    if (!match || sessions < 1 || sessions > MAX_SESSIONS || statisticsPerSession < 1 || statisticsPerSession > MAX_STATISTICS_PER_SESSION) {
      throw new Error(`bad step "${part}": want SESSIONSxSTATISTICS, 1..${MAX_SESSIONS} x 1..${MAX_STATISTICS_PER_SESSION}`);
    }
    return { sessions, statisticsPerSession };
  });
}

function positiveNumber(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
  return n;
}

/** Throws with a readable message (the caller prints it with the usage). */
export function parseCapacityArgs(argv: readonly string[]): CapacityArgs {
  let steps: readonly StepPlan[] | undefined;
  let windowSec: number | undefined;
  let drainMs = 3000;
  let lagLimitMs = LAG_LIMIT_MS;
  let batchSize = 500;
  let processes = 1;
  let keepGoing = false;
  let budgetMs = 300_000;
  let out = 'bench/results/mock-capacity.json';
  let cpuProfDir: string | undefined;
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    switch (flag) {
      case '--quick':
        quick = true;
        break;
      case '--steps':
        steps = parseSteps(argv[++i] ?? '');
        break;
      case '--window':
        windowSec = positiveNumber(flag, argv[++i]);
        break;
      case '--drain':
        drainMs = positiveNumber(flag, argv[++i]) * 1000;
        break;
      case '--lag-limit':
        lagLimitMs = positiveNumber(flag, argv[++i]);
        break;
      case '--batch':
        batchSize = Math.min(10_000, Math.floor(positiveNumber(flag, argv[++i])));
        break;
      case '--procs':
        processes = Math.min(8, Math.floor(positiveNumber(flag, argv[++i])));
        break;
      case '--keep-going':
        keepGoing = true;
        break;
      case '--budget':
        budgetMs = positiveNumber(flag, argv[++i]) * 1000;
        break;
      case '--out':
        out = argv[++i] ?? out;
        break;
      case '--cpu-prof':
        cpuProfDir = argv[++i];
        if (!cpuProfDir) throw new Error('--cpu-prof needs a folder');
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  // Explicit flags win over what --quick implies.
  const periods = Math.max(1, Math.ceil(((windowSec ?? (quick ? 10 : 20)) * 1000) / PERIOD_MS));
  return {
    steps: steps ?? (quick ? QUICK_STEPS : DEFAULT_STEPS),
    windowMs: periods * PERIOD_MS,
    drainMs,
    lagLimitMs,
    batchSize,
    processes,
    keepGoing,
    budgetMs,
    out,
    cpuProfDir,
  };
}
