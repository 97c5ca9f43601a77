import { defaultWeightStatistic } from '../vocabulary/statistics.ts';

/** The weight statistic of an aggregate: its own, else the vocabulary's default; `undefined` unless weighted. */
export function weightStatisticOf(tile: { readonly combine: string; readonly statistic: string; readonly weightStatistic?: string | undefined }): string | undefined {
  if (tile.combine !== 'weighted-mean') return undefined;
  return tile.weightStatistic ?? defaultWeightStatistic(tile.statistic);
}
