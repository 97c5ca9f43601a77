import type { ObjectKind } from '../../vocabulary/object-kinds.ts';
import type { SourceCatalog } from '../source-definition.ts';
import { statKey, type StatSpec } from '../stat-spec.ts';
import type { EngageSpec } from './engage-spec.ts';
import { answerTimeTargetDefinition } from './service-level-definition.ts';

/**
 * The wire type a kind is asked with when the catalog does not know the statistic (a tenant's own
 * statistic missing from statistics.json): a skill and a team are agent groups on the wire.
 */
const DEFAULT_WIRE_TYPES: Readonly<Record<ObjectKind, string>> = {
  queue: 'Queue',
  skill: 'GroupAgents',
  'agent-group': 'GroupAgents',
  agent: 'Agent',
};

export type EngageSpecResult = { readonly ok: true; readonly spec: EngageSpec } | { readonly ok: false; readonly key: string; readonly reason: string };

/**
 * A wallboard spec as the Statistics API v3 is asked for it (docs/vendors/genesys-engage.md): the
 * catalog says which wire type each kind has for the statistic (a skill's service level is its
 * virtual `Queue`), and an answer-time target becomes the service level's inline definition.
 */
export function createEngageSpecs(catalog: SourceCatalog): (spec: StatSpec) => EngageSpecResult {
  const types = new Map(catalog.statistics.map((s) => [s.id, s.vendorTypes ?? {}]));
  return (spec) => {
    const key = statKey(spec);
    const objectType = types.get(spec.statistic)?.[spec.kind] ?? DEFAULT_WIRE_TYPES[spec.kind];
    if (spec.serviceLevelSeconds === undefined) return { ok: true, spec: { key, objectType, objectId: spec.objectId, statistic: spec.statistic } };
    const definition = answerTimeTargetDefinition(spec.statistic, spec.serviceLevelSeconds);
    if (!definition) return { ok: false, key, reason: `Genesys Engage has no answer-time target for ${spec.statistic}` };
    return { ok: true, spec: { key, objectType, objectId: spec.objectId, statistic: definition } };
  };
}
