/** One named benchmark of `npm run bench`. */
export interface Benchmark {
  readonly name: string;
  readonly description: string;
  /** Run by a bare `npm run bench`; long soaks stay out and are run by name. */
  readonly inDefaultRun: boolean;
  /** Gets the arguments after its name; resolves to the exit code (0 = the run worked). */
  run(args: readonly string[]): Promise<number>;
}

export type Print = (line: string) => void;

export function benchUsage(benchmarks: readonly Benchmark[]): string {
  const width = Math.max(0, ...benchmarks.map((b) => b.name.length));
  const rows = benchmarks.map((b) => `  ${b.name.padEnd(width)}  ${b.description}${b.inDefaultRun ? '' : ' (by name only)'}`);
  return [
    'usage: npm run bench                    every benchmark of the default run',
    '       npm run bench -- NAME [options]  one benchmark (options: npm run bench -- NAME --help)',
    '',
    'benchmarks:',
    ...(rows.length > 0 ? rows : ['  (none)']),
  ].join('\n');
}

/**
 * `npm run bench [-- NAME ...]`: a name runs that benchmark with the rest of the arguments; none
 * runs the default set one after another (each gets the machine to itself) and fails if any did.
 * Returns the exit code: 2 for a name it does not know.
 */
export async function runBench(argv: readonly string[], benchmarks: readonly Benchmark[], print: Print): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h') {
    print(benchUsage(benchmarks));
    return 0;
  }
  if (name !== undefined) {
    const chosen = benchmarks.find((b) => b.name === name);
    if (!chosen) {
      print(`unknown benchmark "${name}"\n\n${benchUsage(benchmarks)}`);
      return 2;
    }
    return chosen.run(rest);
  }
  const defaults = benchmarks.filter((b) => b.inDefaultRun);
  if (defaults.length === 0) {
    print(`no benchmark is in the default run yet; run one by name.\n\n${benchUsage(benchmarks)}`);
    return 0;
  }
  let failed = 0;
  for (const benchmark of defaults) {
    print(`\n== ${benchmark.name}: ${benchmark.description}`);
    const code = await benchmark.run([]);
    if (code !== 0) {
      failed++;
      print(`== ${benchmark.name} failed (exit code ${code})`);
    }
  }
  return failed === 0 ? 0 : 1;
}
