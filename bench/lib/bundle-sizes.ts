import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetSize {
  /** Relative to dist/, with forward slashes (`assets/index-abc.js`). */
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface BundleReport {
  /** What the first page load fetches before the app can run: index.html's scripts, styles and module preloads, and their static imports. */
  readonly initial: readonly AssetSize[];
  /** Every other .js/.css in dist/assets: loaded on demand (a lazy chart, a kiosk-only part). */
  readonly lazy: readonly AssetSize[];
  readonly initialGzipKiB: number;
  readonly totalGzipKiB: number;
}

const TAG = /<(script|link)\b[^>]*>/gi;
const ATTRIBUTE = (name: string): RegExp => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');

function attribute(tag: string, name: string): string | undefined {
  const match = ATTRIBUTE(name).exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

function isLocal(url: string): boolean {
  return !/^(?:[a-z]+:)?\/\//i.test(url) && !url.startsWith('data:');
}

/**
 * The JS and CSS index.html makes the browser fetch at once: `<script src>`, `<link rel=stylesheet>`
 * and `<link rel=modulepreload>` (Vite's list of the entry's static chunks). Icons and other
 * links are not code, and are left out. Paths come back relative to dist/.
 */
export function initialAssetsOf(html: string): string[] {
  const files: string[] = [];
  for (const [tag, name] of html.matchAll(TAG)) {
    const url = name?.toLowerCase() === 'script' ? attribute(tag, 'src') : linkedCode(tag);
    if (url !== undefined && isLocal(url)) files.push(url.replace(/^\.?\//, '').split(/[?#]/)[0] ?? url);
  }
  return [...new Set(files)];
}

function linkedCode(tag: string): string | undefined {
  const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
  return rel.includes('stylesheet') || rel.includes('modulepreload') ? attribute(tag, 'href') : undefined;
}

/**
 * Relative modules a built chunk imports statically (`import{a}from"./x.js"`, `import"./y.js"`):
 * fetched before it runs, so part of the initial load even without a modulepreload link. Dynamic
 * `import("./z.js")` is what makes a chunk lazy, and is not matched.
 */
export function staticImportsOf(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+\.(?:js|mjs|css))["'`]/g)) {
    if (match[1] !== undefined) found.add(match[1]);
  }
  return [...found];
}

function sizeOf(distDir: string, file: string): AssetSize {
  const content = readFileSync(join(distDir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

function listAssets(distDir: string): string[] {
  const assets = join(distDir, 'assets');
  if (!existsSync(assets)) return [];
  return readdirSync(assets, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(?:js|mjs|css)$/.test(file))
    .map((file) => posix.join('assets', file.split('\\').join('/')))
    .sort();
}

/** index.html's code and everything it statically imports, transitively. */
function initialClosure(distDir: string, html: string): string[] {
  const seen = new Set<string>();
  const queue = initialAssetsOf(html);
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file) || !existsSync(join(distDir, file))) continue;
    seen.add(file);
    if (!/\.m?js$/.test(file)) continue;
    for (const imported of staticImportsOf(readFileSync(join(distDir, file), 'utf8'))) {
      queue.push(relative(distDir, join(distDir, dirname(file), imported)).split('\\').join('/'));
    }
  }
  return [...seen];
}

const kib = (bytes: number): number => bytes / 1024;

/** Gzip (level 9) sizes of a production build's JS and CSS: what index.html loads first, and all of it. */
export function measureBundle(distDir: string): BundleReport {
  const htmlPath = join(distDir, 'index.html');
  if (!existsSync(htmlPath)) throw new Error(`${htmlPath} not found: build the app first (npm run build)`);
  const initialFiles = initialClosure(distDir, readFileSync(htmlPath, 'utf8'));
  const initial = initialFiles.map((file) => sizeOf(distDir, file));
  const lazy = listAssets(distDir)
    .filter((file) => !initialFiles.includes(file))
    .map((file) => sizeOf(distDir, file));
  // Initial files outside assets/ (none in a Vite build) still count in the total.
  const sum = (sizes: readonly AssetSize[]): number => sizes.reduce((n, s) => n + s.gzipBytes, 0);
  return { initial, lazy, initialGzipKiB: kib(sum(initial)), totalGzipKiB: kib(sum(initial) + sum(lazy)) };
}
