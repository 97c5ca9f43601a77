import type { ObjectKind } from '../vocabulary/object-kinds.ts';

/**
 * Per-tile service-level targets: a tile asks for its own answer-time threshold (`serviceLevelSeconds`)
 * rather than showing the default under another label. Only the wallboard's service level of a queue
 * or a skill takes one; whether the tile's source can apply it is the source's to say (a tile whose
 * source cannot shows why, docs/boards.md "Service-level targets").
 */
export const SERVICE_LEVEL_SECONDS_MIN = 1;
/** An hour: a longer answer-time target is not a service level anyone runs a floor by. */
export const SERVICE_LEVEL_SECONDS_MAX = 3600;

const SERVICE_LEVEL = 'ServiceLevel';
const KINDS_WITH_SERVICE_LEVEL: readonly ObjectKind[] = ['queue', 'skill'];

/** Why a target cannot be set on this statistic of this kind of object, or undefined when it can. */
export function serviceLevelTargetProblem(statistic: string, kind: ObjectKind): string | undefined {
  if (statistic !== SERVICE_LEVEL) return `only a service-level statistic (${SERVICE_LEVEL}) takes an answer-time target, not "${statistic}"`;
  if (!KINDS_WITH_SERVICE_LEVEL.includes(kind)) return `a service level is defined for a queue or a skill, not for ${kind}`;
  return undefined;
}

/** The target in words, for a tile's caption or heading. */
export function serviceLevelTargetText(seconds: number): string {
  return `answered within ${seconds} s`;
}
