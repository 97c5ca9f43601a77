import type { StatSpec } from '../sources/stat-spec.ts';
import type { ObjectKind } from '../vocabulary/object-kinds.ts';

/**
 * The one place a board cell becomes a StatSpec: `useBoardSpecs` (what to subscribe) and the tiles
 * (what to read) build it the same way, so their keys always meet in the store. The board schema
 * has refused answer-time targets on anything but a service level, so they never reach here wrong.
 */
export function statSpecFor(source: string, kind: ObjectKind, objectId: string, statistic: string, serviceLevelSeconds?: number): StatSpec {
  return { source, kind, objectId, statistic, ...(serviceLevelSeconds === undefined ? {} : { serviceLevelSeconds }) };
}
