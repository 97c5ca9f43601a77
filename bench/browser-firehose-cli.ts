/**
 * `npx vite build && npx tsx bench/browser-firehose-cli.ts [options]`: one run of the `browser`
 * benchmark by hand; prints its report, then the figures as JSON. Also writes the details to
 * bench/results/browser-firehose.json (git-ignored).
 *
 *   --seconds N    firehose seconds, warm-up included (60)   --rate N   updates/s (5000)
 *   --tiles N      tiles on the board (1000)                 --dist DIR the build to serve (dist)
 *   --cpu-prof     also profile the page under the firehose for 10 s afterwards, into
 *                  bench/results/browser-firehose.cpuprofile (or --cpu-prof-out FILE)
 *   --trace        keep the Chromium trace in bench/results/browser-firehose.trace.json
 *   --demo-floor   the demo's 40 agents: 1,000 tiles over 536 statistics, shown up to twice
 */
import { parseArgs } from 'node:util';
import { measureBrowser } from './browser-firehose.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string' },
    rate: { type: 'string' },
    tiles: { type: 'string' },
    dist: { type: 'string' },
    'cpu-prof': { type: 'boolean' },
    'cpu-prof-out': { type: 'string' },
    trace: { type: 'boolean' },
    'demo-floor': { type: 'boolean' },
  },
});

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number`);
  return n;
}

const seconds = positive('seconds', values.seconds);
const rate = positive('rate', values.rate);
const tiles = positive('tiles', values.tiles);
const profileOut = values['cpu-prof-out'] ?? (values['cpu-prof'] ? 'bench/results/browser-firehose.cpuprofile' : undefined);

measureBrowser({
  ...(seconds === undefined ? {} : { seconds }),
  ...(rate === undefined ? {} : { updatesPerSecond: rate }),
  ...(tiles === undefined ? {} : { tiles: Math.round(tiles) }),
  ...(values.dist === undefined ? {} : { distDir: values.dist }),
  ...(profileOut === undefined ? {} : { cpuProfilePath: profileOut }),
  ...(values['demo-floor'] ? { demoFloor: true } : {}),
  ...(values.trace ? { tracePath: 'bench/results/browser-firehose.trace.json' } : {}),
  detailsPath: 'bench/results/browser-firehose.json',
}).then(
  (figures) => console.info(JSON.stringify({ browser: figures }, null, 2)),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
