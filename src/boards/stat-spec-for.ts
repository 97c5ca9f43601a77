import type { StatSpec } from '../sources/stat-spec.ts';
import { serviceLevelDefinition } from './service-level-target.ts';

/** Every board statistic comes from the Genesys Statistics v3 adapter until boards can name a source. */
export const BOARD_SOURCE = 'genesys-v3';

/**
 * The one place a board cell becomes a StatSpec: `useBoardSpecs` (what to subscribe) and the tiles
 * (what to read) build it the same way, so their keys always meet in the store. A cell with an
 * answer-time target (`serviceLevelSeconds`) asks for the service level's definition with that range,
 * inline; the board schema has refused targets on any other statistic, so they never reach here.
 */
export function statSpecFor(objectType: string, objectId: string, statistic: string, serviceLevelSeconds?: number): StatSpec {
  const definition = serviceLevelSeconds === undefined ? undefined : serviceLevelDefinition(statistic, serviceLevelSeconds);
  return { source: BOARD_SOURCE, objectType, objectId, statistic: definition ?? statistic };
}
