import type { PipelinePath } from './pipeline-paths.ts';

/** What the timing loop needs of the fixture: messages, their sizes, and a way to make them new. */
export interface MessageSource {
  readonly messages: readonly unknown[];
  updatesIn(index: number): number;
  /** Prepares a message for its next use (outside the timed part). */
  prepare(index: number): void;
}

export interface RoundOptions {
  readonly rounds: number;
  readonly roundMs: number;
  /** Untimed run of each path first (JIT; the stores start full, see createNaivePath). */
  readonly warmupMs: number;
  /** Messages per modelled animation frame: `frame()` runs after every this many. */
  readonly frameMessages: number;
  /**
   * Untimed, before each path's turn: a full GC, so no path pays for the garbage of the one before
   * (the naive path leaves hundreds of MB of copied Maps behind).
   */
  readonly beforeTurn?: () => void;
}

export interface PathResult {
  readonly name: string;
  /** Updates per second of each round, in round order. */
  readonly rates: readonly number[];
  readonly median: number;
  /** Updates offered during the timed rounds and the warm-up, for the check against what the store applied. */
  readonly updatesOffered: number;
}

export type Clock = () => number;

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

interface Runner {
  readonly path: PipelinePath;
  cursor: number;
  sinceFrame: number;
  offered: number;
}

/**
 * Applies messages until `budgetMs` of timed work is done and returns
 * the updates and ms. Each message is timed on its own so preparing the next one stays outside;
 * the frame that follows the last message is timed too, so deferred work is never left out.
 */
function runFor(runner: Runner, source: MessageSource, options: RoundOptions, budgetMs: number, clock: Clock): { updates: number; ms: number } {
  let updates = 0;
  let ms = 0;
  const count = source.messages.length;
  while (ms < budgetMs) {
    const index = runner.cursor;
    runner.cursor = (runner.cursor + 1) % count;
    source.prepare(index);
    const start = clock();
    runner.path.apply(source.messages[index]);
    if (++runner.sinceFrame >= options.frameMessages) {
      runner.sinceFrame = 0;
      runner.path.frame();
    }
    ms += clock() - start;
    updates += source.updatesIn(index);
  }
  const start = clock();
  runner.path.frame();
  runner.sinceFrame = 0;
  ms += clock() - start;
  runner.offered += updates;
  return { updates, ms };
}

/**
 * Side by side in one process: after a warm-up, each round runs every path for `roundMs` of work,
 * the order alternating from round to round so neither always gets the warmer (or the more
 * garbage-laden) turn; the figure is each path's median over the rounds, so one noisy round on a
 * shared machine does not move it.
 */
export function measurePaths(paths: readonly PipelinePath[], source: MessageSource, options: RoundOptions, clock: Clock = () => performance.now()): PathResult[] {
  const runners: Runner[] = paths.map((path) => ({ path, cursor: 0, sinceFrame: 0, offered: 0 }));
  for (const runner of runners) runFor(runner, source, options, options.warmupMs, clock);
  const rates: number[][] = runners.map(() => []);
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? runners.map((_, i) => i) : runners.map((_, i) => runners.length - 1 - i);
    for (const i of order) {
      options.beforeTurn?.();
      const { updates, ms } = runFor(runners[i] as Runner, source, options, options.roundMs, clock);
      (rates[i] as number[]).push(ms > 0 ? (updates * 1000) / ms : 0);
    }
  }
  return runners.map((runner, i) => ({ name: runner.path.name, rates: rates[i] as number[], median: median(rates[i] as number[]), updatesOffered: runner.offered }));
}

