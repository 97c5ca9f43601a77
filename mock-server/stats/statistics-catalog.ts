import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import {
  CATALOG_OBJECT_TYPES,
  notificationModeSchema,
  statDefinitionSchema,
  type CatalogEntry,
  type CatalogObjectType,
} from './statistic-definition.ts';

const entrySchema = z.object({
  name: z.string().min(1),
  objectType: z.enum(CATALOG_OBJECT_TYPES),
  notificationMode: notificationModeSchema,
  notificationFrequency: z.number().int().nonnegative(),
  statisticDefinitionEx: statDefinitionSchema,
});

export interface StatisticsCatalog {
  readonly entries: readonly CatalogEntry[];
  /** The pre-configured statistic `name` for that kind of object, if statistics.yaml has one. */
  find(name: string, objectType: CatalogObjectType): CatalogEntry | undefined;
  /** True when any object type has a statistic of that name. */
  hasName(name: string): boolean;
}

export const STATISTICS_YAML_PATH = new URL('./statistics.yaml', import.meta.url);

/** Parses a statistics.yaml text (multi-document YAML, one entry per document). Throws on a bad entry. */
export function parseStatisticsYaml(text: string): StatisticsCatalog {
  const entries: CatalogEntry[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`statistics.yaml: ${doc.errors[0]?.message ?? 'invalid YAML'}`);
    const raw: unknown = doc.toJS();
    if (raw === null || raw === undefined) continue;
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      throw new Error(`statistics.yaml entry ${JSON.stringify(raw).slice(0, 80)}: ${z.prettifyError(parsed.error)}`);
    }
    const e = parsed.data;
    entries.push({
      name: e.name,
      objectType: e.objectType,
      definition: e.statisticDefinitionEx,
      // statistics.yaml sets no insensitivity: periodical entries always re-send, changes-based ones on any change.
      notification: { mode: e.notificationMode, frequencySec: e.notificationFrequency, insensitivity: e.notificationMode === 'Changes' ? 1 : 0 },
    });
  }
  const byKey = new Map(entries.map((e) => [`${e.name}|${e.objectType}`, e]));
  const names = new Set(entries.map((e) => e.name));
  return {
    entries,
    find: (name, objectType) => byKey.get(`${name}|${objectType}`),
    hasName: (name) => names.has(name),
  };
}

export function loadStatisticsCatalog(path: URL | string = STATISTICS_YAML_PATH): StatisticsCatalog {
  return parseStatisticsYaml(readFileSync(path, 'utf8'));
}
