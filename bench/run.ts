/**
 * `npm run bench [-- NAME [options]]`: the benchmarks by name. A bare `npm run bench` runs those
 * in the default run, merges each one's figures into bench/results/latest.json and ends with one
 * table of every figure against its budget; long ones (the kiosk soak takes 10 minutes) run only
 * by name. The script builds the app first, so every benchmark measures the production build.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBench, type Benchmark } from './lib/bench-registry.ts';
import { measureBrowser } from './browser-firehose.ts';
import { runBundleBench } from './bundle.ts';
import { runKioskSoak } from './kiosk-soak.ts';
import { runMockBench } from './mock.ts';
import { runPipelineBench } from './pipeline.ts';
import { runStartupBench } from './startup.ts';

const RESULTS_FILE = resolve(dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');

/** In the order a bare run measures them: cheap and deterministic first, the long mock ladder last. */
const BENCHMARKS: readonly Benchmark[] = [
  {
    name: 'pipeline',
    description: 'notifications parsed and applied to the store in Node: batched (the app) vs one set per statistic (~30 s)',
    inDefaultRun: true,
    run: runPipelineBench,
  },
  {
    name: 'bundle',
    description: 'gzip sizes of the initial and total JS+CSS of dist/, lazy chunks listed (seconds)',
    inDefaultRun: true,
    run: runBundleBench,
  },
  {
    name: 'startup',
    description: 'signed-in navigation to the Queues board → first live tile, median of 5 (~1 min)',
    inDefaultRun: true,
    run: runStartupBench,
  },
  {
    name: 'browser',
    description: '1,000 kiosk tiles under the firehose at 5,000 updates/s for 60 s: fps vs idle, script per frame, long tasks, latency to DOM, lost updates (~2 min)',
    inDefaultRun: true,
    run: async () => ({ exitCode: 0, section: { name: 'browser', figures: await measureBrowser({}) } }),
  },
  {
    name: 'mock',
    description: 'sessions, statistics and updates/s one mock process serves at lag p99 ≤ 100 ms; bounded outbox of a client that never polls (~4 min)',
    inDefaultRun: true,
    run: runMockBench,
  },
  {
    name: 'kiosk',
    description: 'kiosk playlist soak: 10 min at --speed 60, JS heap slope in MB per simulated hour (target < 2)',
    inDefaultRun: false,
    run: runKioskSoak,
  },
];

runBench(process.argv.slice(2), BENCHMARKS, { print: (line) => console.info(line), resultsFile: RESULTS_FILE }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
