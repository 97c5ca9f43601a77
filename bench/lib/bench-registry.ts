import { figureRows, formatBudgetTable, missingSections } from './budget-table.ts';
import { readLatestResults, recordSection, type LatestSection, type SectionName } from './latest-results.ts';

/** What a benchmark that feeds latest.json resolves to: its exit code and its section of the file. */
export interface BenchOutcome {
  readonly exitCode: number;
  /** Absent when nothing was measured (a failed run, `--help`): the file keeps its earlier figures. */
  readonly section?: LatestSection;
}

/** One named benchmark of `npm run bench`. */
export interface Benchmark {
  readonly name: string;
  readonly description: string;
  /** Run by a bare `npm run bench`; long soaks stay out and are run by name. */
  readonly inDefaultRun: boolean;
  /**
   * Gets the arguments after its name; resolves to the exit code (0 = the run worked), or to an
   * outcome with its section of bench/results/latest.json (the soak writes its own file instead).
   */
  run(args: readonly string[]): Promise<number | BenchOutcome>;
}

export type Print = (line: string) => void;

export interface BenchIo {
  readonly print: Print;
  /** bench/results/latest.json, or a scratch file in tests. */
  readonly resultsFile: string;
}

export function benchUsage(benchmarks: readonly Benchmark[]): string {
  const width = Math.max(0, ...benchmarks.map((b) => b.name.length));
  const rows = benchmarks.map((b) => `  ${b.name.padEnd(width)}  ${b.description}${b.inDefaultRun ? '' : ' (by name only)'}`);
  return [
    'usage: npm run bench                    every benchmark of the default run, then the table of every figure',
    '       npm run bench -- NAME [options]  one benchmark (options: npm run bench -- NAME --help)',
    '',
    'benchmarks:',
    ...(rows.length > 0 ? rows : ['  (none)']),
  ].join('\n');
}

function asOutcome(result: number | BenchOutcome): BenchOutcome {
  return typeof result === 'number' ? { exitCode: result } : result;
}

/** Runs one benchmark; a throw is a failed run (exit code 1), so a default run goes on with the next. */
async function runOne(benchmark: Benchmark, args: readonly string[], io: BenchIo): Promise<BenchOutcome> {
  let outcome: BenchOutcome;
  try {
    outcome = asOutcome(await benchmark.run(args));
  } catch (error) {
    io.print(`${benchmark.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { exitCode: 1 };
  }
  if (outcome.section) {
    const { dropped } = recordSection(io.resultsFile, outcome.section);
    if (dropped.length > 0) io.print(`${io.resultsFile}: left out what was not in the expected shape: ${dropped.join(', ')}`);
    io.print(`${outcome.section.name} figures written to ${io.resultsFile}`);
  }
  return outcome;
}

function printTable(io: BenchIo, thisRun: ReadonlySet<SectionName>, only?: ReadonlySet<SectionName>): void {
  const { results } = readLatestResults(io.resultsFile);
  const rows = figureRows(results, thisRun, only);
  if (rows.length === 0 && only) return;
  io.print('');
  io.print(formatBudgetTable(rows, only ? [] : missingSections(results)));
}

/**
 * `npm run bench [-- NAME ...]`: a name runs that benchmark with the rest of the arguments; none
 * runs the default set one after another (each gets the machine to itself) and fails if any did.
 * Each section a benchmark returns is merged into the results file as soon as it is measured (a
 * later crash keeps it); a bare run ends with one table of every figure in the file against its
 * budget. A missed budget is a result, printed as MISSED, not a failed run. Returns the exit
 * code: 2 for a name it does not know.
 */
export async function runBench(argv: readonly string[], benchmarks: readonly Benchmark[], io: BenchIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h') {
    io.print(benchUsage(benchmarks));
    return 0;
  }
  if (name !== undefined) {
    const chosen = benchmarks.find((b) => b.name === name);
    if (!chosen) {
      io.print(`unknown benchmark "${name}"\n\n${benchUsage(benchmarks)}`);
      return 2;
    }
    const outcome = await runOne(chosen, rest, io);
    if (outcome.section) printTable(io, new Set([outcome.section.name]), new Set([outcome.section.name]));
    return outcome.exitCode;
  }
  const defaults = benchmarks.filter((b) => b.inDefaultRun);
  if (defaults.length === 0) {
    io.print(`no benchmark is in the default run yet; run one by name.\n\n${benchUsage(benchmarks)}`);
    return 0;
  }
  let failed = 0;
  const measured = new Set<SectionName>();
  for (const benchmark of defaults) {
    io.print(`\n== ${benchmark.name}: ${benchmark.description}`);
    const outcome = await runOne(benchmark, [], io);
    if (outcome.section) measured.add(outcome.section.name);
    if (outcome.exitCode !== 0) {
      failed++;
      io.print(`== ${benchmark.name} failed (exit code ${outcome.exitCode})`);
    }
  }
  printTable(io, measured);
  return failed === 0 ? 0 : 1;
}
