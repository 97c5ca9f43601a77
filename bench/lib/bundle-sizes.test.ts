import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialAssetsOf, measureBundle, staticImportsOf } from './bundle-sizes.ts';

const HTML = `<!doctype html><html><head>
  <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
  <script type="module" crossorigin src="/assets/index-A.js"></script>
  <link rel="modulepreload" crossorigin href="/assets/vendor-B.js">
  <link rel="stylesheet" crossorigin href="/assets/index-C.css">
  <script src="https://cdn.example/analytics.js"></script>
</head><body><div id="root"></div></body></html>`;

describe('bundle sizes', () => {
  let dist: string;
  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), 'bundle-sizes-'));
    mkdirSync(join(dist, 'assets'));
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it('should take the scripts, stylesheets and module preloads of index.html, not icons or other hosts', () => {
    expect(initialAssetsOf(HTML)).toEqual(['assets/index-A.js', 'assets/vendor-B.js', 'assets/index-C.css']);
  });

  it('should find static imports and leave dynamic ones out', () => {
    const code = 'import{a as e}from"./vendor-B.js";import"./side-D.js";const l=()=>import(`./chart-E.js`);export{x}from"./re-F.js";';
    expect(staticImportsOf(code)).toEqual(['./vendor-B.js', './side-D.js', './re-F.js']);
  });

  it('should count index.html code and its static imports as initial and everything else as lazy', () => {
    const write = (file: string, text: string): void => writeFileSync(join(dist, file), text);
    write('index.html', HTML);
    write('assets/index-A.js', `import{a}from"./vendor-B.js";import"./side-D.js";const c=()=>import("./chart-E.js");${'x'.repeat(2000)}`);
    write('assets/vendor-B.js', 'export const a=1;');
    write('assets/side-D.js', 'console.log(1);');
    write('assets/index-C.css', 'body{color:red}');
    write('assets/chart-E.js', `import{a}from"./vendor-B.js";${'y'.repeat(5000)}`);
    write('assets/chart-E.js.map', '{}');
    const report = measureBundle(dist);
    expect(report.initial.map((a) => a.file).sort()).toEqual(['assets/index-A.js', 'assets/index-C.css', 'assets/side-D.js', 'assets/vendor-B.js']);
    expect(report.lazy.map((a) => a.file)).toEqual(['assets/chart-E.js']);
    const gz = (text: string): number => gzipSync(text, { level: 9 }).length;
    expect(report.lazy[0]?.gzipBytes).toBe(gz(`import{a}from"./vendor-B.js";${'y'.repeat(5000)}`));
    expect(report.totalGzipKiB * 1024).toBe(report.initial.reduce((n, a) => n + a.gzipBytes, 0) + gz(`import{a}from"./vendor-B.js";${'y'.repeat(5000)}`));
  });

  it('should say to build first when there is no index.html', () => {
    expect(() => measureBundle(dist)).toThrow(/npm run build/);
  });
});
