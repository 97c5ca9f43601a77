import type { SourceMapLookup } from './source-map-lookup.ts';

/** The parts of a V8 `.cpuprofile` (CDP `Profiler.stop`) the summary reads. */
export interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
  }>;
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export interface SelfTime {
  /** `name (module:line)`, with the original name and file when a source map knows them. */
  readonly label: string;
  readonly module: string;
  readonly selfMs: number;
  /** Share of the profile's whole duration. */
  readonly percent: number;
}

export interface ProfileSummary {
  readonly durationMs: number;
  /** Heaviest functions by self time. */
  readonly functions: readonly SelfTime[];
  /** The same time added up per module (source file, or package for node_modules). */
  readonly modules: readonly SelfTime[];
}

/** Finds the source map of a script by its URL; undefined when there is none (an inline script, the page's own). */
export type SourceMapFor = (url: string) => SourceMapLookup | undefined;

/**
 * `node_modules/react-dom/cjs/…` → `react-dom`; `../../src/store/x.ts` → `src/store/x.ts`. A
 * dependency is one module (what matters is whether the time is ours or React's); our files stay
 * files, since the next change is made in one of them.
 */
export function moduleOf(source: string): string {
  const nodeModules = source.lastIndexOf('node_modules/');
  if (nodeModules >= 0) {
    const rest = source.slice(nodeModules + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? source);
  }
  const src = source.indexOf('src/');
  return src >= 0 ? source.slice(src) : source.replace(/^(\.\.\/)+/, '');
}

/** V8's own entries: `(program)` is native work outside JS (style, layout, paint among it), `(idle)` is waiting. */
function isVmEntry(functionName: string, url: string): boolean {
  return url === '' && functionName.startsWith('(');
}

/**
 * Self time per function and per module. A sample's time is the delta to the next sample (as
 * DevTools counts it), so the last sample gets none. Minified positions are mapped back through
 * the build's source maps; what has no map is named by its URL's file.
 */
export function summarizeCpuProfile(profile: CpuProfile, sourceMapFor: SourceMapFor, top = 15): ProfileSummary {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const selfUs = new Map<number, number>();
  for (let i = 0; i < samples.length - 1; i++) {
    const node = samples[i] as number;
    selfUs.set(node, (selfUs.get(node) ?? 0) + Math.max(0, deltas[i + 1] ?? 0));
  }
  const durationMs = (profile.endTime - profile.startTime) / 1000;
  const byFunction = new Map<string, { module: string; us: number }>();
  const byModule = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id);
    if (us === undefined || us === 0) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    let label: string;
    let module: string;
    if (isVmEntry(functionName, url)) {
      label = functionName;
      module = functionName;
    } else {
      const original = url === '' ? undefined : sourceMapFor(url)?.lookup(lineNumber, columnNumber);
      if (original) {
        module = moduleOf(original.source);
        label = `${original.name ?? (functionName || '(anonymous)')} (${module}:${original.line + 1})`;
      } else {
        module = url === '' ? '(native)' : (url.split('/').pop() ?? url);
        label = `${functionName || '(anonymous)'} (${module}:${lineNumber + 1})`;
      }
    }
    const entry = byFunction.get(label) ?? { module, us: 0 };
    entry.us += us;
    byFunction.set(label, entry);
    byModule.set(module, (byModule.get(module) ?? 0) + us);
  }
  const toSelfTime = (label: string, module: string, us: number): SelfTime => ({
    label,
    module,
    selfMs: Math.round(us / 100) / 10,
    percent: durationMs > 0 ? Math.round((us / 1000 / durationMs) * 1000) / 10 : 0,
  });
  return {
    durationMs: Math.round(durationMs),
    functions: [...byFunction]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([label, e]) => toSelfTime(label, e.module, e.us)),
    modules: [...byModule]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([module, us]) => toSelfTime(module, module, us)),
  };
}
