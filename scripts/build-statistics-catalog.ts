import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadStatisticsCatalog, type StatisticsCatalog } from '../mock-server/stats/statistics-catalog.ts';
import type { CatalogObjectType, StatDefinition } from '../mock-server/stats/statistic-definition.ts';

/**
 * `npm run catalog`: writes `public/statistics.json`, the app's list of pre-configured statistics
 * (src/statistics/statistic-catalog.ts reads it), from the mock's statistics.yaml. The Statistics
 * API v3 cannot list a Stat Server's definitions, so the app ships them as a static file; the demo
 * one is generated rather than written by hand so it can never disagree with what the mock serves
 * (src/statistics/statistic-catalog-file.test.ts fails when it does).
 */

export type WireObjectType = 'Queue' | 'GroupAgents' | 'Agent';

/**
 * The v3 wire type of each statistics.yaml object type, as mock-server/stats/object-directory.ts
 * resolves them: a skill's virtual queue (SKILL_Q) is a `Queue`, a skill's agent group a `GroupAgents`.
 */
const WIRE_OBJECT_TYPES: Readonly<Record<CatalogObjectType, WireObjectType>> = {
  QUEUE: 'Queue',
  SKILL_Q: 'Queue',
  SKILL_AG: 'GroupAgents',
  AGENT: 'Agent',
};

export interface StatisticsCatalogFile {
  readonly version: 1;
  readonly statistics: readonly {
    readonly name: string;
    readonly objectType: WireObjectType;
    readonly catalogObjectType: CatalogObjectType;
    readonly definition: StatDefinition;
    readonly notificationMode: 'Periodical' | 'Changes';
    readonly notificationFrequency: number;
  }[];
}

export const STATISTICS_JSON_PATH = new URL('../public/statistics.json', import.meta.url);

export function buildStatisticsCatalog(catalog: StatisticsCatalog): StatisticsCatalogFile {
  return {
    version: 1,
    statistics: catalog.entries.map((entry) => ({
      name: entry.name,
      objectType: WIRE_OBJECT_TYPES[entry.objectType],
      catalogObjectType: entry.objectType,
      definition: entry.definition,
      notificationMode: entry.notification.mode,
      notificationFrequency: entry.notification.frequencySec,
    })),
  };
}

/** The file's text: what the script writes and what the committed file must equal. */
export function statisticsCatalogText(catalog: StatisticsCatalog = loadStatisticsCatalog()): string {
  return `${JSON.stringify(buildStatisticsCatalog(catalog), null, 2)}\n`;
}

// Only when run as a script: the drift test imports this module and must not write the file.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = statisticsCatalogText();
  writeFileSync(STATISTICS_JSON_PATH, text);
  const count = (JSON.parse(text) as StatisticsCatalogFile).statistics.length;
  console.info(`wrote ${fileURLToPath(STATISTICS_JSON_PATH)} (${count} statistics)`);
}
