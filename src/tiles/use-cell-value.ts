import { statSpecFor } from '../boards/stat-spec-for.ts';
import type { ObjectKind } from '../vocabulary/object-kinds.ts';
import { statKey } from '../sources/stat-spec.ts';
import { useStatValue } from '../store/stat-store-context.tsx';
import type { StatValue } from '../store/stat-value.ts';

/**
 * The store's value of one statistic of one object (with the cell's answer-time target, if any),
 * under the same key `useBoardSpecs` subscribed.
 */
export function useCellValue(source: string, kind: ObjectKind, objectId: string, statistic: string, serviceLevelSeconds?: number): StatValue | undefined {
  return useStatValue(cellKey(source, kind, objectId, statistic, serviceLevelSeconds));
}

/** The store key of a board cell's statistic (what `useCellValue` reads). */
export function cellKey(source: string, kind: ObjectKind, objectId: string, statistic: string, serviceLevelSeconds?: number): string {
  return statKey(statSpecFor(source, kind, objectId, statistic, serviceLevelSeconds));
}
