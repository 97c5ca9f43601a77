import type { StatSpec } from '../sources/stat-spec.ts';

/** Every board statistic comes from the Genesys Statistics v3 adapter until boards can name a source. */
export const BOARD_SOURCE = 'genesys-v3';

/**
 * The one place a board cell becomes a StatSpec: `useBoardSpecs` (what to subscribe) and the tiles
 * (what to read) build it the same way, so their keys always meet in the store.
 */
export function statSpecFor(objectType: string, objectId: string, statistic: string): StatSpec {
  return { source: BOARD_SOURCE, objectType, objectId, statistic };
}
