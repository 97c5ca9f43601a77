import { describe, expect, it } from 'vitest';
import { moduleOf, summarizeCpuProfile, type CpuProfile } from './cpu-profile-summary.ts';
import type { SourceMapLookup } from './source-map-lookup.ts';

const frame = (functionName: string, url = '', lineNumber = 0, columnNumber = 0): CpuProfile['nodes'][number]['callFrame'] => ({ functionName, url, lineNumber, columnNumber });

const BUNDLE = 'http://127.0.0.1:9/assets/index-x.js';
/** 100 ms of samples every 10 ms: the first sample's delta is the start, so 9 intervals are counted. */
const profile: CpuProfile = {
  startTime: 0,
  endTime: 100_000,
  nodes: [
    { id: 1, callFrame: frame('(root)') },
    { id: 2, callFrame: frame('(program)') },
    { id: 3, callFrame: frame('s', BUNDLE, 0, 100) },
    { id: 4, callFrame: frame('Gt', BUNDLE, 0, 900) },
    { id: 5, callFrame: frame('(garbage collector)') },
  ],
  samples: [2, 3, 3, 3, 4, 4, 2, 2, 2, 5],
  timeDeltas: [0, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000],
};

const map: SourceMapLookup = {
  lookup: (_line, column) =>
    column < 500
      ? { source: '../../src/store/create-stat-store.ts', line: 41, column: 2, name: 'flush' }
      : { source: '../../node_modules/react-dom/cjs/react-dom-client.production.js', line: 1419, column: 0, name: undefined },
};

describe('moduleOf', () => {
  it('should name our files by path and dependencies by package', () => {
    expect(moduleOf('../../src/tiles/stat-tile.tsx')).toBe('src/tiles/stat-tile.tsx');
    expect(moduleOf('../../node_modules/react-dom/cjs/x.js')).toBe('react-dom');
    expect(moduleOf('../../node_modules/@tanstack/query-core/build/x.js')).toBe('@tanstack/query-core');
  });
});

describe('summarizeCpuProfile', () => {
  const summary = summarizeCpuProfile(profile, (url) => (url === BUNDLE ? map : undefined));

  it('should add self time per function, named through the source map', () => {
    expect(summary.durationMs).toBe(100);
    expect(summary.functions).toEqual([
      { label: '(program)', module: '(program)', selfMs: 40, percent: 40 },
      { label: 'flush (src/store/create-stat-store.ts:42)', module: 'src/store/create-stat-store.ts', selfMs: 30, percent: 30 },
      { label: 'Gt (react-dom:1420)', module: 'react-dom', selfMs: 20, percent: 20 },
    ]);
  });

  it('should add the same time up per module', () => {
    expect(summary.modules.map((m) => [m.label, m.selfMs])).toEqual([
      ['(program)', 40],
      ['src/store/create-stat-store.ts', 30],
      ['react-dom', 20],
    ]);
  });

  it('should name a script without a source map by its file', () => {
    const plain = summarizeCpuProfile(profile, () => undefined);
    expect(plain.functions.map((f) => f.label)).toContain('s (index-x.js:1)');
  });
});
