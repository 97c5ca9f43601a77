import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * bench/results/latest.json (issue 7): one section per benchmark, each replaced by the run that
 * measured it and the others left as they were, so `npm run bench -- NAME` refreshes one figure
 * without losing the rest.
 */
const figure = z.number().nonnegative();

export const SECTION_SCHEMAS = {
  pipeline: z.object({ updatesPerSecond: figure, naiveUpdatesPerSecond: figure }),
  browser: z.object({
    tiles: figure,
    offeredUpdatesPerSecond: figure,
    appliedUpdatesPerSecond: figure,
    lostUpdates: figure,
    scriptPerFrameP95Ms: figure,
    longTasksOver50ms: figure,
    fps: figure,
    idleFps: figure,
    latencyP50Ms: figure,
    latencyP95Ms: figure,
  }),
  startup: z.object({ firstLiveTileMs: figure }),
  bundle: z.object({ initialGzipKiB: figure, totalGzipKiB: figure }),
  mock: z.object({ sessions: figure, subscribedStatistics: figure, notificationsPerSecond: figure, lagP99Ms: figure }),
} as const;

export type SectionName = keyof typeof SECTION_SCHEMAS;
/** In the order, which is also the file's. */
export const SECTION_NAMES: readonly SectionName[] = ['pipeline', 'browser', 'startup', 'bundle', 'mock'];

export type SectionFigures<K extends SectionName> = z.infer<(typeof SECTION_SCHEMAS)[K]>;
export type LatestResults = { readonly [K in SectionName]?: SectionFigures<K> };
/** What a benchmark hands back: its section of the file. */
export type LatestSection = { readonly [K in SectionName]: { readonly name: K; readonly figures: SectionFigures<K> } }[SectionName];

export interface ReadResults {
  readonly results: LatestResults;
  /** Sections that were in the file but not in the expected shape (left out, so the next write replaces them). */
  readonly dropped: readonly string[];
}

/**
 * The file's text, checked section by section: a section in another shape (an older layout, a
 * hand edit) is dropped rather than trusted, and text that is not a JSON object at all is read as
 * an empty file. Either way the next write replaces it; nothing here throws.
 */
export function parseLatestResults(text: string): ReadResults {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { results: {}, dropped: ['(not JSON)'] };
  }
  const top = z.record(z.string(), z.unknown()).safeParse(raw);
  if (!top.success) return { results: {}, dropped: ['(not an object)'] };
  const results: { [K in SectionName]?: SectionFigures<K> } = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(top.data)) {
    if (!isSectionName(key)) {
      dropped.push(key);
      continue;
    }
    if (!assignSection(results, key, value)) dropped.push(key);
  }
  return { results, dropped };
}

function isSectionName(key: string): key is SectionName {
  return (SECTION_NAMES as readonly string[]).includes(key);
}

function assignSection<K extends SectionName>(results: { [S in SectionName]?: SectionFigures<S> }, name: K, value: unknown): boolean {
  const parsed = SECTION_SCHEMAS[name].safeParse(value);
  if (!parsed.success) return false;
  // Each key holds its own schema's output; TypeScript cannot follow that through the generic index.
  (results as Record<SectionName, unknown>)[name] = parsed.data;
  return true;
}

/** A missing file is an empty one (the first run). */
export function readLatestResults(path: string): ReadResults {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { results: {}, dropped: [] };
    throw error;
  }
  return parseLatestResults(text);
}

/** The section replaced (checked against its schema, so extra fields a benchmark returns stay out of the file). */
export function mergeSection(results: LatestResults, section: LatestSection): LatestResults {
  const next: { [K in SectionName]?: SectionFigures<K> } = { ...results };
  if (!assignSection(next, section.name, section.figures)) {
    throw new Error(`the ${section.name} figures are not in the expected shape: ${JSON.stringify(section.figures)}`);
  }
  return next;
}

/** Sections in the order, figures rounded to what is worth committing. */
export function formatLatestResults(results: LatestResults): string {
  const ordered: Record<string, unknown> = {};
  for (const name of SECTION_NAMES) {
    const section = results[name];
    if (section === undefined) continue;
    ordered[name] = Object.fromEntries(Object.entries(section).map(([key, value]) => [key, roundFigure(value)]));
  }
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function roundFigure(value: number): number {
  return Math.abs(value) >= 1000 ? Math.round(value) : Math.round(value * 10) / 10;
}

/** Written beside and renamed over, so an interrupted run never leaves half a file. */
export function writeLatestResults(path: string, results: LatestResults): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, formatLatestResults(results));
  renameSync(temporary, path);
}

/** Read, replace one section, write: what every benchmark's result goes through. */
export function recordSection(path: string, section: LatestSection): ReadResults {
  const read = readLatestResults(path);
  const results = mergeSection(read.results, section);
  writeLatestResults(path, results);
  return { results, dropped: read.dropped };
}
