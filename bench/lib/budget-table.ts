import { SECTION_NAMES, type LatestResults, type SectionName } from './latest-results.ts';

/** A figure's budget from issue 7: at least (`min`) or at most (`max`) this. */
export interface Budget {
  readonly kind: 'min' | 'max';
  readonly limit: number;
}

interface FigureSpec {
  readonly section: SectionName;
  readonly label: string;
  readonly unit: string;
  readonly value: (results: LatestResults) => number | undefined;
  readonly budget?: Budget;
}

const min = (limit: number): Budget => ({ kind: 'min', limit });
const max = (limit: number): Budget => ({ kind: 'max', limit });

/** Every figure of latest.json, in the file's order, with the budgets the issue sets. */
export const FIGURES: readonly FigureSpec[] = [
  { section: 'pipeline', label: 'pipeline.updatesPerSecond', unit: '/s', value: (r) => r.pipeline?.updatesPerSecond, budget: min(500_000) },
  { section: 'pipeline', label: 'pipeline.naiveUpdatesPerSecond', unit: '/s', value: (r) => r.pipeline?.naiveUpdatesPerSecond },
  {
    section: 'pipeline',
    label: 'pipeline speed-up over naive',
    unit: '×',
    // Derived, not stored: both figures come from the same run, so their ratio is the comparable number.
    value: (r) => (r.pipeline && r.pipeline.naiveUpdatesPerSecond > 0 ? r.pipeline.updatesPerSecond / r.pipeline.naiveUpdatesPerSecond : undefined),
    budget: min(10),
  },
  { section: 'browser', label: 'browser.tiles', unit: '', value: (r) => r.browser?.tiles },
  { section: 'browser', label: 'browser.offeredUpdatesPerSecond', unit: '/s', value: (r) => r.browser?.offeredUpdatesPerSecond },
  { section: 'browser', label: 'browser.appliedUpdatesPerSecond', unit: '/s', value: (r) => r.browser?.appliedUpdatesPerSecond },
  { section: 'browser', label: 'browser.lostUpdates', unit: '', value: (r) => r.browser?.lostUpdates, budget: max(0) },
  { section: 'browser', label: 'browser.scriptPerFrameP95Ms', unit: 'ms', value: (r) => r.browser?.scriptPerFrameP95Ms, budget: max(10) },
  { section: 'browser', label: 'browser.longTasksOver50ms', unit: '', value: (r) => r.browser?.longTasksOver50ms, budget: max(0) },
  { section: 'browser', label: 'browser.fps', unit: '', value: (r) => r.browser?.fps },
  { section: 'browser', label: 'browser.idleFps', unit: '', value: (r) => r.browser?.idleFps },
  {
    section: 'browser',
    label: 'browser fps / idle fps',
    unit: '×',
    value: (r) => (r.browser && r.browser.idleFps > 0 ? r.browser.fps / r.browser.idleFps : undefined),
    budget: min(0.9),
  },
  { section: 'browser', label: 'browser.latencyP50Ms', unit: 'ms', value: (r) => r.browser?.latencyP50Ms },
  { section: 'browser', label: 'browser.latencyP95Ms', unit: 'ms', value: (r) => r.browser?.latencyP95Ms, budget: max(100) },
  { section: 'startup', label: 'startup.firstLiveTileMs', unit: 'ms', value: (r) => r.startup?.firstLiveTileMs, budget: max(1500) },
  { section: 'bundle', label: 'bundle.initialGzipKiB', unit: 'KiB', value: (r) => r.bundle?.initialGzipKiB, budget: max(200) },
  { section: 'bundle', label: 'bundle.totalGzipKiB', unit: 'KiB', value: (r) => r.bundle?.totalGzipKiB, budget: max(350) },
  { section: 'mock', label: 'mock.sessions', unit: '', value: (r) => r.mock?.sessions, budget: min(50) },
  { section: 'mock', label: 'mock.subscribedStatistics', unit: '', value: (r) => r.mock?.subscribedStatistics, budget: min(20_000) },
  { section: 'mock', label: 'mock.notificationsPerSecond', unit: '/s', value: (r) => r.mock?.notificationsPerSecond, budget: min(10_000) },
  { section: 'mock', label: 'mock.lagP99Ms', unit: 'ms', value: (r) => r.mock?.lagP99Ms, budget: max(100) },
];

export type Verdict = 'ok' | 'MISSED' | 'no budget';

export interface FigureRow {
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly budget: Budget | undefined;
  readonly verdict: Verdict;
  /** Measured by this invocation (false: an earlier run's figure, still in the file). */
  readonly thisRun: boolean;
}

export function judge(value: number, budget: Budget | undefined): Verdict {
  if (!budget) return 'no budget';
  return (budget.kind === 'min' ? value >= budget.limit : value <= budget.limit) ? 'ok' : 'MISSED';
}

/** One row per figure present in the results; sections not in the file are left to `missingSections`. */
export function figureRows(results: LatestResults, thisRun: ReadonlySet<SectionName>, only?: ReadonlySet<SectionName>): FigureRow[] {
  return FIGURES.filter((f) => !only || only.has(f.section)).flatMap((f) => {
    const value = f.value(results);
    if (value === undefined) return [];
    return [{ label: f.label, value, unit: f.unit, budget: f.budget, verdict: judge(value, f.budget), thisRun: thisRun.has(f.section) }];
  });
}

export function missingSections(results: LatestResults): SectionName[] {
  return SECTION_NAMES.filter((name) => results[name] === undefined);
}

/**
 * Whole numbers as they are, others with one decimal below 100 (a size in KiB) and two below 1 (a
 * ratio: 0.86 must not print as the 0.9 it misses).
 */
export function formatNumber(value: number): string {
  const digits = Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : Math.abs(value) < 1 ? 2 : 1;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function budgetText(budget: Budget | undefined, unit: string): string {
  if (!budget) return '–';
  return `${budget.kind === 'min' ? '≥' : '≤'} ${formatNumber(budget.limit)}${unit ? ` ${unit}` : ''}`;
}

/** A plain-text table: figure, value, budget, verdict, and whether this run measured it. */
export function formatBudgetTable(rows: readonly FigureRow[], missing: readonly SectionName[] = []): string {
  const header = ['figure', 'value', 'budget', 'result', 'measured'];
  const body = rows.map((r) => [
    r.label,
    `${formatNumber(r.value)}${r.unit ? ` ${r.unit}` : ''}`,
    budgetText(r.budget, r.unit),
    r.verdict === 'no budget' ? '' : r.verdict,
    r.thisRun ? 'this run' : 'earlier run',
  ]);
  const all = [header, ...body];
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const lines = all.map((row) => row.map((cell, c) => (c === 1 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  for (const name of missing) lines.push(`${name}: not measured yet`);
  return lines.join('\n');
}
