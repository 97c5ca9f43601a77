import type { HistoryPoint } from './history-buffer.ts';

export interface TrendSeries {
  readonly id: string;
  readonly name: string;
  readonly points: readonly HistoryPoint[];
}

export interface TrendLine {
  readonly id: string;
  readonly name: string;
  /** `x`: ms before the newest point of the chart (≤ 0), `y`: the value or a gap. */
  readonly data: readonly { readonly x: number; readonly y: number | null }[];
}

/**
 * Cuts every series to the last `minutes` before the newest point of any of them: one server
 * clock for the whole chart, so lines that update at different instants still line up.
 */
export function trendLines(series: readonly TrendSeries[], minutes: number): readonly TrendLine[] {
  const newest = Math.max(0, ...series.map((s) => s.points[s.points.length - 1]?.t ?? 0));
  const from = newest - minutes * 60_000;
  return series.map((s) => ({
    id: s.id,
    name: s.name,
    data: s.points.filter((p) => p.t >= from).map((p) => ({ x: p.t - newest, y: p.v })),
  }));
}
