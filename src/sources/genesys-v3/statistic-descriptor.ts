import type { EngageSpec } from './engage-spec.ts';
import type { StatisticDescriptor } from './statistics-api.ts';

/** A spec as one entry of `data.statistics` of a create (docs/vendors/genesys-engage.md §2.3): a pre-configured name or an inline definition. */
export function toStatisticDescriptor(spec: EngageSpec, statisticId: string): StatisticDescriptor {
  const { objectId, objectType, statistic } = spec;
  return typeof statistic === 'string'
    ? { statisticId, objectId, objectType, name: statistic }
    : { statisticId, objectId, objectType, definition: statistic };
}
