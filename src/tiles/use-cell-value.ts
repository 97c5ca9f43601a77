import { statSpecFor } from '../boards/stat-spec-for.ts';
import { statKey } from '../sources/stat-spec.ts';
import { useStatValue } from '../store/stat-store-context.tsx';
import type { StatValue } from '../store/stat-value.ts';

/**
 * The store's value of one statistic of one object (with the cell's answer-time target, if any),
 * under the same key `useBoardSpecs` subscribed.
 */
export function useCellValue(objectType: string, objectId: string, statistic: string, serviceLevelSeconds?: number): StatValue | undefined {
  return useStatValue(cellKey(objectType, objectId, statistic, serviceLevelSeconds));
}

/** The store key of a board cell's statistic (what `useCellValue` reads). */
export function cellKey(objectType: string, objectId: string, statistic: string, serviceLevelSeconds?: number): string {
  return statKey(statSpecFor(objectType, objectId, statistic, serviceLevelSeconds));
}
