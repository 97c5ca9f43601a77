/**
 * What a `weighted-mean` aggregate weighs each object's value by, when the board does not say.
 *
 * A percentage combines exactly only when each object's percentage is weighted by what it is a
 * percentage of. The mock's (and the GWS sample's) ServiceLevel is ServiceFactor1: calls answered in
 * time ÷ (answered + abandoned after 10 s), over an hourly growing window. No statistic of the
 * catalog is that denominator, so the default is the catalog's answered-calls count,
 * `Total_Answered` (docs/statistics.md) — the "answered calls" the issue names. It is exact while
 * nobody abandons late within the day's first hour; later it weighs each queue by its answered calls
 * of the day, which still stops a queue with 2 calls from counting as much as one with 200. A board
 * that wants another weight names it in `weightStatistic`.
 *
 * Only ServiceLevel has a default: for any other statistic a guess could be silently wrong, so the
 * schema refuses a weighted aggregate without `weightStatistic` instead.
 */
const DEFAULT_WEIGHTS: Readonly<Record<string, string>> = {
  ServiceLevel: 'Total_Answered',
};

export function defaultWeightStatistic(statistic: string): string | undefined {
  return Object.hasOwn(DEFAULT_WEIGHTS, statistic) ? DEFAULT_WEIGHTS[statistic] : undefined;
}

/** The weight statistic of an aggregate: its own, else the default; `undefined` unless weighted. */
export function weightStatisticOf(tile: { readonly combine: string; readonly statistic: string; readonly weightStatistic?: string | undefined }): string | undefined {
  if (tile.combine !== 'weighted-mean') return undefined;
  return tile.weightStatistic ?? defaultWeightStatistic(tile.statistic);
}
