import { NOISY_OTHER_PCT, type LadderStep } from './capacity-ladder.ts';

/** The `mock` part of bench/results/latest.json: the largest step that kept the bar. */
export interface MockCapacitySummary {
  readonly sessions: number;
  readonly subscribedStatistics: number;
  readonly notificationsPerSecond: number;
  readonly lagP99Ms: number;
}

const COLUMNS = [
  'sessions',
  'statistics',
  'updates/s',
  'lag p50',
  'p99',
  'max',
  'due p99',
  'lost',
  'burst 1st',
  'srv busy',
  'gen busy',
  'srv CPU%',
  'gen CPU%',
  'other%',
  'RSS MB',
  'result',
];

const fixed = (n: number | undefined, digits = 0): string => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));

const mean = (values: readonly number[]): number | undefined =>
  values.length === 0 ? undefined : values.reduce((sum, v) => sum + v, 0) / values.length;

/** ok / FAIL, saying when the machine was busy with other work and when a step was measured twice. */
function verdict(r: LadderStep): string {
  const notes = [
    ...((r.cpu.otherPct ?? 0) > NOISY_OTHER_PCT ? [`busy machine: others used ${fixed(r.cpu.otherPct)} % of a core`] : []),
    ...(r.firstAttempt ? [`2nd try; 1st: ${r.firstAttempt.failure} with others at ${fixed(r.firstAttempt.otherPct)} %`] : []),
  ];
  const head = r.pass ? 'ok' : `FAIL: ${r.failure ?? ''}`;
  return notes.length === 0 ? head : `${head} (${notes.join('; ')})`;
}

function row(r: LadderStep): string[] {
  return [
    String(r.sessions),
    String(r.subscribedStatistics),
    fixed(r.updatesPerSecond),
    fixed(r.window.lag.p50),
    fixed(r.window.lag.p99),
    fixed(r.window.lag.max),
    fixed(r.window.dueLag.p99),
    `${r.window.lost}/${r.window.expected}`,
    fixed(mean(r.window.burstTimings.map((b) => b.firstMs))),
    fixed(mean(r.bursts.map((b) => b.serverCpuMs))),
    fixed(mean(r.bursts.map((b) => b.loadgenCpuMs))),
    fixed(r.cpu.serverPct),
    fixed(r.cpu.loadgenPct),
    fixed(r.cpu.otherPct),
    fixed(r.server.maxRssMb),
    verdict(r),
  ];
}

/**
 * A plain-text table, columns padded to their widest cell (the last one left free). Times in ms;
 * per burst (one 10 s grid point): when its first value arrived, and the CPU ms the mock (less its
 * idle ticking) and the load generator spent until its last value arrived.
 */
export function formatTable(results: readonly LadderStep[]): string {
  const rows = [COLUMNS, ...results.map(row)];
  const widths = COLUMNS.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padStart(widths[c] ?? 0))).join('  '))
    .join('\n');
}

export function summarize(results: readonly LadderStep[]): MockCapacitySummary | undefined {
  const best = results.filter((r) => r.pass).sort((a, b) => b.subscribedStatistics - a.subscribedStatistics || b.sessions - a.sessions)[0];
  if (!best) return undefined;
  return {
    sessions: best.sessions,
    subscribedStatistics: best.subscribedStatistics,
    notificationsPerSecond: Math.round(best.updatesPerSecond),
    lagP99Ms: Math.round(best.window.lag.p99),
  };
}
