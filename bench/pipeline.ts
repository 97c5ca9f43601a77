/**
 * `npm run bench -- pipeline`: how many statistic updates per second the app's update path takes
 * in, in Node, from a StatisticUpdate's `data` (as the CometD client hands it over) to the store:
 * zod parse, SubscriptionBook lookup, value normalisation, `sink.updates`, and the store's flush
 * once per modelled frame. Measured side by side with a naive store (one `setState`, one Map copy
 * per statistic) over the same parsing, so the ratio holds on a noisy machine.
 *
 * Profile it: `node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx bench/run.ts pipeline --path batched`.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BenchOutcome } from './lib/bench-registry.ts';
import { formatNumber } from './lib/budget-table.ts';
import { BUSY_NEIGHBOUR_PCT, startNeighbourLoadMeter } from './lib/neighbour-load.ts';
import { createPipelineFixture, stampMessage, type PipelineFixture } from './lib/pipeline-fixture.ts';
import { createBatchedPath, createNaivePath, createStagePaths, type PipelinePath } from './lib/pipeline-paths.ts';
import { measurePaths, type MessageSource, type PathResult } from './lib/pipeline-rounds.ts';
import type { StatValue } from '../src/store/stat-value.ts';

/** The budget; the default frame holds what arrives in one 60 Hz frame at this rate. */
const BUDGET_UPDATES_PER_SECOND = 500_000;
const FRAME_MS = 1000 / 60;

export interface PipelineArgs {
  readonly statistics: number;
  readonly updatesPerMessage: number;
  readonly frameMessages: number;
  readonly rounds: number;
  readonly roundMs: number;
  readonly warmupMs: number;
  readonly paths: 'both' | 'batched' | 'naive';
  /** Also time the batched path cut after the message schema and after the adapter. */
  readonly stages: boolean;
}

export const PIPELINE_USAGE = `usage: npm run bench -- pipeline [--statistics N] [--batch N] [--frame-messages N]
       [--rounds N] [--round-ms MS] [--warmup-ms MS] [--path both|batched|naive] [--stages]
  --statistics      statistics on the board (default 10000)
  --batch           updates per StatisticUpdate message (default 100)
  --frame-messages  messages per modelled animation frame (default: what arrives in 16.7 ms at
                    ${formatNumber(BUDGET_UPDATES_PER_SECOND)} updates/s, 83 with --batch 100)
  --rounds          timed rounds per path, alternating (default 7; the figure is the median)
  --round-ms        timed work per path per round (default 1000)
  --warmup-ms       untimed work per path first (default 3000)
  --path            one path alone (for a CPU profile); writes nothing to latest.json
  --stages          also time the batched path's first stages alone: the message schema, then
                    the adapter (book lookups, value parsing) into a sink that keeps nothing`;

function positiveInteger(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive whole number`);
  return n;
}

export function parsePipelineArgs(argv: readonly string[]): PipelineArgs {
  let statistics = 10_000;
  let updatesPerMessage = 100;
  let frameMessages: number | undefined;
  let rounds = 7;
  let roundMs = 1000;
  let warmupMs = 3000;
  let paths: PipelineArgs['paths'] = 'both';
  let stages = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string | undefined => argv[++i];
    switch (flag) {
      case '--statistics':
        statistics = Math.min(200_000, positiveInteger(flag, value()));
        break;
      case '--batch':
        updatesPerMessage = Math.min(10_000, positiveInteger(flag, value()));
        break;
      case '--frame-messages':
        frameMessages = positiveInteger(flag, value());
        break;
      case '--rounds':
        rounds = Math.min(100, positiveInteger(flag, value()));
        break;
      case '--round-ms':
        roundMs = positiveInteger(flag, value());
        break;
      case '--warmup-ms':
        warmupMs = positiveInteger(flag, value());
        break;
      case '--path': {
        const chosen = value();
        if (chosen !== 'both' && chosen !== 'batched' && chosen !== 'naive') throw new Error('--path is both, batched or naive');
        paths = chosen;
        break;
      }
      case '--stages':
        stages = true;
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  return {
    statistics,
    updatesPerMessage,
    frameMessages: frameMessages ?? Math.max(1, Math.round((BUDGET_UPDATES_PER_SECOND * FRAME_MS) / 1000 / updatesPerMessage)),
    rounds,
    roundMs,
    warmupMs,
    paths,
    stages,
  };
}

/**
 * A full GC on demand without `node --expose-gc` (npm run bench starts tsx plainly): the flag set
 * at run time, and `gc` taken from a fresh context, where V8 installs it from then on.
 */
function fullGc(): (() => void) | undefined {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? () => void gc() : undefined;
}

function messageSource(fixture: PipelineFixture): MessageSource {
  return {
    messages: fixture.messages,
    updatesIn: (index) => fixture.notified[index]?.length ?? 0,
    prepare: (index) => stampMessage(fixture, index),
  };
}

/**
 * Both paths fed the first pass from empty must end with the same value for every statistic:
 * otherwise one of them is skipping work (a drop, a refused value) and the ratio means nothing.
 * On a smaller board of the same mix: the naive path takes seconds to fill 10,000 values.
 */
function checkSameResult(args: PipelineArgs): string | undefined {
  const fixture = createPipelineFixture({ statistics: Math.min(args.statistics, 1000), updatesPerMessage: args.updatesPerMessage, passes: 1 });
  const batched = createBatchedPath(fixture.book);
  const naive = createNaivePath(fixture.book);
  for (let m = 0; m < messagesPerPass(fixture); m++) {
    stampMessage(fixture, m);
    batched.apply(fixture.messages[m]);
    naive.apply(fixture.messages[m]);
  }
  batched.frame();
  const a = batched.values();
  const b = naive.values();
  if (a.size !== fixture.statistics || b.size !== fixture.statistics) return `stores hold ${a.size} and ${b.size} values, expected ${fixture.statistics}`;
  for (const [key, value] of a) {
    const other = b.get(key);
    if (!other || JSON.stringify(other.value) !== JSON.stringify(value.value) || other.timestamp !== value.timestamp || other.status !== value.status) {
      return `the paths disagree on ${key}: ${JSON.stringify(value)} vs ${JSON.stringify(other)}`;
    }
  }
  return undefined;
}

function filledValues(fixture: PipelineFixture): ReadonlyMap<string, StatValue> {
  const filler = createBatchedPath(fixture.book);
  for (let m = 0; m < messagesPerPass(fixture); m++) filler.apply(fixture.messages[m]);
  filler.frame();
  return filler.values();
}

function messagesPerPass(fixture: PipelineFixture): number {
  return Math.ceil(fixture.statistics / fixture.updatesPerMessage);
}

/** µs per update of each stage, from the medians: what each stage adds to the one before. */
function describeStages(results: readonly PathResult[]): string {
  const usPer = (name: string): number | undefined => {
    const r = results.find((x) => x.name === name);
    return r && r.median > 0 ? 1e6 / r.median : undefined;
  };
  const parse = usPer('parse');
  const adapter = usPer('adapter');
  const full = usPer('batched');
  if (parse === undefined || adapter === undefined || full === undefined) return '';
  const part = (label: string, us: number): string => `${label} ${us.toFixed(2)} µs (${((100 * us) / full).toFixed(0)} %)`;
  return `per update: ${part('message schema', parse)}, ${part('+ book and value parsing', adapter - parse)}, ${part('+ store (sink and flush)', full - adapter)}; total ${full.toFixed(2)} µs`;
}

function describeResult(r: PathResult): string {
  return `${r.name.padEnd(8)} median ${formatNumber(r.median).padStart(11)} updates/s   rounds: ${r.rates.map((x) => formatNumber(x)).join(', ')}`;
}

export async function runPipelineBench(argv: readonly string[]): Promise<BenchOutcome> {
  if (argv.includes('--help')) {
    console.info(PIPELINE_USAGE);
    return { exitCode: 0 };
  }
  let args: PipelineArgs;
  try {
    args = parsePipelineArgs(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${PIPELINE_USAGE}`);
    return { exitCode: 2 };
  }
  const mismatch = checkSameResult(args);
  if (mismatch) {
    console.error(`pipeline: ${mismatch}`);
    return { exitCode: 1 };
  }
  const fixture = createPipelineFixture({ statistics: args.statistics, updatesPerMessage: args.updatesPerMessage, passes: 4 });
  const perFrame = args.frameMessages * args.updatesPerMessage;
  console.info(
    `${formatNumber(args.statistics)} statistics, ${args.updatesPerMessage} updates per message, a frame every ${args.frameMessages} messages ` +
      `(${formatNumber(perFrame)} updates), ${args.rounds} rounds of ${args.roundMs} ms per path after ${args.warmupMs} ms of warm-up`,
  );
  const paths: PipelinePath[] = [];
  if (args.paths !== 'naive') paths.push(createBatchedPath(fixture.book));
  // Both stores start as full as the board (the batched one fills within its warm-up).
  if (args.paths !== 'batched') paths.push(createNaivePath(fixture.book, filledValues(fixture)));
  if (args.stages) paths.push(...createStagePaths(fixture.book));
  const neighbours = startNeighbourLoadMeter();
  const results = measurePaths(paths, messageSource(fixture), { ...args, beforeTurn: fullGc() });
  const otherPct = neighbours.stop();
  for (const r of results) console.info(describeResult(r));
  if (args.stages) console.info(describeStages(results));

  const batchedPath = paths.find((p) => p.name === 'batched');
  const batched = results.find((r) => r.name === 'batched');
  if (batchedPath && batched) {
    // Values of one statistic that meet in the same frame are coalesced by design; at the default
    // frame size none do, so anything missing here would be work the store skipped.
    const skipped = batched.updatesOffered - batchedPath.updatesApplied();
    console.info(`batched store applied ${formatNumber(batchedPath.updatesApplied())} of ${formatNumber(batched.updatesOffered)} updates offered (${skipped} coalesced or skipped)`);
  }
  if (otherPct !== undefined) {
    const busy = otherPct > BUSY_NEIGHBOUR_PCT ? ': a busy machine, the rates are lower than on a quiet one (their ratio holds better)' : '';
    console.info(`other processes used ${otherPct.toFixed(0)} % of a core meanwhile${busy}`);
  }
  const naive = results.find((r) => r.name === 'naive');
  if (!batched || !naive) return { exitCode: 0 };
  console.info(`speed-up over naive: ${formatNumber(batched.median / naive.median)}×`);
  return { exitCode: 0, section: { name: 'pipeline', figures: { updatesPerSecond: batched.median, naiveUpdatesPerSecond: naive.median } } };
}
