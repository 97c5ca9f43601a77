import type { CurrentValue } from '../../stats/stat-engine.ts';

/** One statistic in a REST answer; verbose=OFF keeps only what identifies and carries the value (docs/vendors/genesys-engage.md §2.3). */
export function statisticEntry(
  verbose: 'INFO' | 'OFF',
  ids: { readonly statisticId: string; readonly objectId: string; readonly objectType: string; readonly name: string | undefined },
  current: CurrentValue,
): Record<string, unknown> {
  if (verbose === 'OFF') return { statisticId: ids.statisticId, value: current.value, timestamp: current.timestamp };
  return {
    statisticId: ids.statisticId,
    objectId: ids.objectId,
    objectType: ids.objectType,
    ...(ids.name !== undefined ? { name: ids.name } : {}),
    value: current.value,
    timestamp: current.timestamp,
  };
}
