import { OBJECT_KINDS, type ObjectKind } from '../../../vocabulary/object-kinds.ts';
import type { SourceCatalog, SourceStatistic } from '../../source-definition.ts';
import { describeStatistic } from './describe-statistic.ts';
import { engageStatisticLabel } from './engage-labels.ts';
import { statisticsForListing, type StatisticCatalog, type StatisticCatalogEntry } from './statistic-catalog.ts';
import { defaultFormat } from './statistic-format.ts';
import { thresholdRuleOf } from './threshold-rule.ts';
import { answerTimeTargetDefinition } from '../service-level-definition.ts';

function describeEntry(entry: StatisticCatalogEntry, kinds: readonly ObjectKind[], vendorTypes: Partial<Record<ObjectKind, string>>): SourceStatistic {
  return {
    id: entry.name,
    label: engageStatisticLabel(entry.name),
    meaning: describeStatistic(entry),
    format: defaultFormat(entry) ?? 'agent-state',
    kinds,
    thresholdRule: thresholdRuleOf(entry),
    // A maximum time now (the oldest call, the longest idle agent, time in state) keeps running between notifications.
    ticking: entry.definition.category === 'CurrentMaxTime',
    answerTimeTarget: answerTimeTargetDefinition(entry.name, 60) !== undefined,
    vendorTypes,
  };
}

/**
 * statistics.json as the wallboard's description of this source's statistics: one entry per name,
 * with the kinds of object it exists for and the wire type (`Queue`, `GroupAgents`, `Agent`) each
 * kind asks for it with. A skill's service level is its virtual queue's; its longest idle agent its
 * agent group's (docs/vendors/genesys-engage.md).
 */
export function toSourceCatalog(catalog: StatisticCatalog): SourceCatalog {
  const byName = new Map<string, { entry: StatisticCatalogEntry; kinds: ObjectKind[]; vendorTypes: Partial<Record<ObjectKind, string>> }>();
  for (const kind of OBJECT_KINDS) {
    for (const entry of statisticsForListing(catalog, kind)) {
      const held = byName.get(entry.name) ?? { entry, kinds: [], vendorTypes: {} };
      held.kinds.push(kind);
      held.vendorTypes[kind] = entry.objectType;
      byName.set(entry.name, held);
    }
  }
  return {
    statistics: [...byName.values()].map(({ entry, kinds, vendorTypes }) => describeEntry(entry, kinds, vendorTypes)),
    objectKinds: OBJECT_KINDS,
  };
}
