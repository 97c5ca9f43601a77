import type { EngageDefinition, EngageSpec } from '../engage-spec.ts';

function canonical(definition: EngageDefinition): string {
  return JSON.stringify(Object.fromEntries(Object.entries(definition).sort(([a], [b]) => a.localeCompare(b))));
}

/** Test support: an Engage spec whose key says what it asks for, whatever a definition's property order. */
export function engageSpec(objectType: string, objectId: string, statistic: string | EngageDefinition): EngageSpec {
  const name = typeof statistic === 'string' ? statistic : `def:${canonical(statistic)}`;
  return { key: `genesys-v3|${objectType}|${objectId}|${name}`, objectType, objectId, statistic };
}
