/**
 * `npm run bench -- bundle`: gzip (level 9) sizes of the production build's JS and CSS, what
 * index.html loads at once (initial) and all of it (total), with each lazy chunk listed and the
 * packages that make it up (from its source map), so a heavy part that slipped into the initial
 * load shows by name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { BenchOutcome } from './lib/bench-registry.ts';
import { measureBundle, type AssetSize } from './lib/bundle-sizes.ts';

const USAGE = `usage: npm run bench -- bundle [--dist DIR]
  --dist  the build to measure (default dist, which npm run bench has just built)`;

const sourceMapSchema = z.object({ sources: z.array(z.string()), sourcesContent: z.array(z.string().nullable()).optional() });

/** The npm package a source file comes from, or `app` for the project's own code. */
function packageOf(source: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return match?.[1] ?? 'app';
}

/** The largest contributors to a chunk by source size (a hint: minified shares differ), from its `.map`. */
function makeup(distDir: string, file: string): string {
  const mapPath = join(distDir, `${file}.map`);
  if (!existsSync(mapPath)) return '';
  const parsed = sourceMapSchema.safeParse(JSON.parse(readFileSync(mapPath, 'utf8')));
  if (!parsed.success || !parsed.data.sourcesContent) return '';
  const contents = parsed.data.sourcesContent;
  const bytes = new Map<string, number>();
  parsed.data.sources.forEach((source, i) => {
    const name = packageOf(source);
    bytes.set(name, (bytes.get(name) ?? 0) + (contents[i]?.length ?? 0));
  });
  const total = [...bytes.values()].reduce((n, b) => n + b, 0);
  if (total === 0) return '';
  const top = [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 4);
  return top.map(([name, b]) => `${name} ${Math.round((100 * b) / total)} %`).join(', ');
}

const kib = (bytes: number): string => (bytes / 1024).toFixed(1);

function row(distDir: string, asset: AssetSize): string {
  const parts = makeup(distDir, asset.file);
  return `  ${asset.file.padEnd(40)} ${kib(asset.bytes).padStart(8)} KiB  ${kib(asset.gzipBytes).padStart(7)} KiB gzip${parts ? `   (${parts})` : ''}`;
}

export function runBundleBench(argv: readonly string[]): Promise<BenchOutcome> {
  if (argv.includes('--help')) {
    console.info(USAGE);
    return Promise.resolve({ exitCode: 0 });
  }
  let dist = 'dist';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dist' && argv[i + 1] !== undefined) dist = argv[++i] as string;
    else {
      console.error(`unknown option ${argv[i] ?? ''}\n${USAGE}`);
      return Promise.resolve({ exitCode: 2 });
    }
  }
  const distDir = resolve(dist);
  const report = measureBundle(distDir);
  console.info(`initial load (index.html and its static imports): ${report.initialGzipKiB.toFixed(1)} KiB gzip`);
  for (const asset of report.initial) console.info(row(distDir, asset));
  console.info(`lazy chunks (loaded on demand): ${(report.totalGzipKiB - report.initialGzipKiB).toFixed(1)} KiB gzip`);
  for (const asset of report.lazy) console.info(row(distDir, asset));
  if (report.lazy.length === 0) console.info('  (none: everything loads at once)');
  console.info(`total: ${report.totalGzipKiB.toFixed(1)} KiB gzip`);
  return Promise.resolve({ exitCode: 0, section: { name: 'bundle', figures: { initialGzipKiB: report.initialGzipKiB, totalGzipKiB: report.totalGzipKiB } } });
}
