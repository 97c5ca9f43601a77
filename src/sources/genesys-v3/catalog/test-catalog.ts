import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStatisticCatalog, type StatisticCatalog, type StatisticCatalogEntry } from './statistic-catalog.ts';

/** Test support (not shipped): the committed demo catalog, parsed. */
export function shippedCatalog(): StatisticCatalog {
  const parsed = parseStatisticCatalog(JSON.parse(readFileSync(join(import.meta.dirname, '../../../../public/statistics.json'), 'utf8')));
  if (!parsed.ok) throw new Error(`public/statistics.json at ${parsed.error.path}: ${parsed.error.message}`);
  return parsed.catalog;
}

/** The demo catalog's entry of that name for that statistics.yaml object type. */
export function shippedEntry(name: string, catalogObjectType: StatisticCatalogEntry['catalogObjectType']): StatisticCatalogEntry {
  const entry = shippedCatalog().statistics.find((e) => e.name === name && e.catalogObjectType === catalogObjectType);
  if (!entry) throw new Error(`no ${name} for ${catalogObjectType} in public/statistics.json`);
  return entry;
}
