import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands on its own (docs/architecture.md, convention 14): code, tests and docs cite
 * pages under docs/ (the vendor facts are in docs/vendors/), never design notes or vendor digests
 * that live outside it and that a newcomer does not have.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FOLDERS = ['src', 'mock-server', 'e2e', 'bench', 'scripts', 'docs'];
const SKIPPED_FOLDERS = new Set(['node_modules', 'results']);
const BINARY = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.ico', '.woff', '.woff2', '.mp3', '.wav']);
/** This file names what it looks for. */
const SELF = relative(ROOT, fileURLToPath(import.meta.url));

const OUTSIDE_DOCUMENTS: readonly RegExp[] = [
  /API-CONTRACT/,
  /CONTRACTS\.md/,
  /ARCHITECTURE\.md/,
  /VENDORS\.md/,
  /STYLE\.md/,
  /\.\.\/shared\b/,
  /\/work\/shared\b/,
];

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : filesUnder(path);
    return entry.isFile() && !BINARY.has(extname(entry.name).toLowerCase()) ? [path] : [];
  });
}

function rootFiles(): string[] {
  return readdirSync(ROOT, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js|mjs|json|md|html)$/.test(entry.name) && entry.name !== 'package-lock.json')
    .map((entry) => join(ROOT, entry.name));
}

/** Every line, as `path:line: text`, that cites a document outside the repository. */
function outsideCitations(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const path = relative(ROOT, file);
    if (path === SELF) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, index) => (OUTSIDE_DOCUMENTS.some((pattern) => pattern.test(line)) ? [`${path}:${index + 1}: ${line.trim()}`] : []));
  });
}

describe('citations', () => {
  it('should find the checked folders and read their files', () => {
    const files = FOLDERS.flatMap((folder) => filesUnder(join(ROOT, folder)));
    expect(files.map((file) => relative(ROOT, file))).toEqual(
      expect.arrayContaining(['docs/vendors/genesys-engage.md', 'mock-server/stats/statistics.yaml', SELF]),
    );
  });

  it('should flag a line that cites an outside document, and leave the docs pages alone', () => {
    const line = (text: string): boolean => OUTSIDE_DOCUMENTS.some((pattern) => pattern.test(text));
    expect(line('// the value object (API-CONTRACT §2.8)')).toBe(true);
    expect(line('see ../shared/seeds/ for the originals')).toBe(true);
    expect(line('imports point one way (ARCHITECTURE.md "Layout")')).toBe(true);
    expect(line('// the value object (docs/vendors/genesys-engage.md §2.8)')).toBe(false);
    expect(line('imports point one way (docs/architecture.md "Where things are")')).toBe(false);
  });

  it('should cite only pages in the repository from code, tests, scripts and docs', () => {
    const files = [...FOLDERS.flatMap((folder) => filesUnder(join(ROOT, folder))), ...rootFiles()];
    expect(outsideCitations(files)).toEqual([]);
  });
});
