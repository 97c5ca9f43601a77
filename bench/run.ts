/**
 * `npm run bench [-- NAME [options]]`: the benchmarks by name. A bare `npm run bench` runs those
 * in the default run; long ones (the kiosk soak takes 10 minutes) run only by name. The script
 * builds the app first, so every benchmark measures the production build.
 */
import { runBench, type Benchmark } from './lib/bench-registry.ts';
import { runKioskSoak } from './kiosk-soak.ts';

const BENCHMARKS: readonly Benchmark[] = [
  {
    name: 'kiosk',
    description: 'kiosk playlist soak: 10 min at --speed 60, JS heap slope in MB per simulated hour (target < 2)',
    inDefaultRun: false,
    run: runKioskSoak,
  },
];

runBench(process.argv.slice(2), BENCHMARKS, (line) => console.info(line)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
