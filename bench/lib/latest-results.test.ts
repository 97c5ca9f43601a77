import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeSection, parseLatestResults, readLatestResults, recordSection } from './latest-results.ts';

const PIPELINE = { updatesPerSecond: 812_345.6, naiveUpdatesPerSecond: 9_876.54 };
const BUNDLE = { initialGzipKiB: 123.456, totalGzipKiB: 234.5 };

describe('latest results', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'latest-results-'));
    file = join(dir, 'results', 'latest.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should read a missing file as empty', () => {
    expect(readLatestResults(file)).toEqual({ results: {}, dropped: [] });
  });

  it('should replace only the section measured and keep the others', () => {
    recordSection(file, { name: 'bundle', figures: BUNDLE });
    recordSection(file, { name: 'pipeline', figures: PIPELINE });
    recordSection(file, { name: 'bundle', figures: { initialGzipKiB: 100, totalGzipKiB: 200 } });
    const written = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(written)).toEqual(['pipeline', 'bundle']);
    expect(written).toEqual({ pipeline: { updatesPerSecond: 812_346, naiveUpdatesPerSecond: 9_877 }, bundle: { initialGzipKiB: 100, totalGzipKiB: 200 } });
  });

  it('should replace a corrupt file instead of failing', () => {
    writeFileSync(join(dir, 'corrupt.json'), '{"pipeline": {"updatesPerSec');
    const corrupt = join(dir, 'corrupt.json');
    expect(readLatestResults(corrupt).results).toEqual({});
    recordSection(corrupt, { name: 'bundle', figures: BUNDLE });
    expect(JSON.parse(readFileSync(corrupt, 'utf8'))).toEqual({ bundle: { initialGzipKiB: 123.5, totalGzipKiB: 234.5 } });
  });

  it('should drop sections in another shape and unknown keys, keeping the valid ones', () => {
    const read = parseLatestResults(
      JSON.stringify({ pipeline: PIPELINE, startup: { firstLiveTileMs: 'fast' }, mock: { sessions: -1 }, extra: 1, bundle: { ...BUNDLE, note: 'x' } }),
    );
    expect(read.results).toEqual({ pipeline: PIPELINE, bundle: BUNDLE });
    expect(read.dropped).toEqual(['startup', 'mock', 'extra']);
    expect(parseLatestResults('[1, 2]')).toEqual({ results: {}, dropped: ['(not an object)'] });
  });

  it('should refuse to write figures that are not in the section shape', () => {
    const broken = { name: 'startup', figures: { firstLiveTileMs: Number.NaN } } as const;
    expect(() => mergeSection({}, broken)).toThrow(/startup/);
  });
});
