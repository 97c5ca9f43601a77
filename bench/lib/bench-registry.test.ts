import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBench, type BenchIo, type BenchOutcome, type Benchmark } from './bench-registry.ts';

function fake(name: string, inDefaultRun: boolean, result: number | BenchOutcome = 0): Benchmark & { readonly calls: (readonly string[])[] } {
  const calls: (readonly string[])[] = [];
  return {
    name,
    description: `the ${name} benchmark`,
    inDefaultRun,
    calls,
    run: (args) => {
      calls.push(args);
      return Promise.resolve(result);
    },
  };
}

describe('runBench', () => {
  let dir: string;
  let lines: string[];
  let io: BenchIo;
  const text = (): string => lines.join('\n');
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-registry-'));
    lines = [];
    io = { print: (line) => lines.push(line), resultsFile: join(dir, 'latest.json') };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should run the named benchmark with the arguments after its name', async () => {
    const kiosk = fake('kiosk', false, 3);
    expect(await runBench(['kiosk', '--minutes', '2'], [kiosk], io)).toBe(3);
    expect(kiosk.calls).toEqual([['--minutes', '2']]);
  });

  it('should print the list and exit 0 when nothing is in the default run', async () => {
    const kiosk = fake('kiosk', false);
    expect(await runBench([], [kiosk], io)).toBe(0);
    expect(kiosk.calls).toHaveLength(0);
    expect(text()).toContain('kiosk');
    expect(text()).toContain('npm run bench -- NAME');
  });

  it('should run only the default benchmarks when no name is given, and fail if one failed', async () => {
    const quick = fake('quick', true);
    const broken = fake('broken', true, 1);
    const soak = fake('soak', false);
    expect(await runBench([], [quick, broken, soak], io)).toBe(1);
    expect(quick.calls).toEqual([[]]);
    expect(broken.calls).toEqual([[]]);
    expect(soak.calls).toHaveLength(0);
  });

  it('should print the usage and exit 2 for a name it does not know', async () => {
    expect(await runBench(['kiosks'], [fake('kiosk', false)], io)).toBe(2);
    expect(text()).toContain('unknown benchmark "kiosks"');
    expect(text()).toContain('usage:');
  });

  it('should merge each section into the results file and end a bare run with the table of every figure', async () => {
    const bundle = fake('bundle', true, { exitCode: 0, section: { name: 'bundle', figures: { initialGzipKiB: 150, totalGzipKiB: 400 } } });
    const startup = fake('startup', true, { exitCode: 0, section: { name: 'startup', figures: { firstLiveTileMs: 900 } } });
    expect(await runBench([], [bundle, startup], io)).toBe(0);
    expect(JSON.parse(readFileSync(io.resultsFile, 'utf8'))).toEqual({
      startup: { firstLiveTileMs: 900 },
      bundle: { initialGzipKiB: 150, totalGzipKiB: 400 },
    });
    const table = text();
    expect(table).toMatch(/startup\.firstLiveTileMs\s+900 ms\s+≤ 1,500 ms\s+ok\s+this run/);
    expect(table).toMatch(/bundle\.initialGzipKiB\s+150 KiB\s+≤ 200 KiB\s+ok/);
    expect(table).toMatch(/bundle\.totalGzipKiB\s+400 KiB\s+≤ 350 KiB\s+MISSED/);
    expect(table).toContain('pipeline: not measured yet');
  });

  it('should go on with the next benchmark when one throws, and count it as failed', async () => {
    const throwing: Benchmark = { name: 'boom', description: 'throws', inDefaultRun: true, run: () => Promise.reject(new Error('mock died')) };
    const after = fake('after', true);
    expect(await runBench([], [throwing, after], io)).toBe(1);
    expect(after.calls).toEqual([[]]);
    expect(text()).toContain('mock died');
  });

  it('should mark figures an earlier run left in the file', async () => {
    await runBench(['pipe'], [fake('pipe', true, { exitCode: 0, section: { name: 'pipeline', figures: { updatesPerSecond: 600_000, naiveUpdatesPerSecond: 100_000 } } })], io);
    await runBench([], [fake('startup', true, { exitCode: 0, section: { name: 'startup', figures: { firstLiveTileMs: 2000 } } })], io);
    expect(text()).toMatch(/pipeline speed-up over naive\s+6 ×\s+≥ 10 ×\s+MISSED\s+earlier run/);
    expect(text()).toMatch(/startup\.firstLiveTileMs\s+2,000 ms\s+≤ 1,500 ms\s+MISSED\s+this run/);
  });
});
