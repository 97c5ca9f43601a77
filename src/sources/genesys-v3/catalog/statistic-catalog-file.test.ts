// @vitest-environment node
// Node: the mock's statistics.yaml is read from its file, as the script reads it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATISTICS_JSON_PATH, statisticsCatalogText } from '../../../../scripts/build-statistics-catalog.ts';
import { loadStatisticsCatalog } from '../../../../mock-server/stats/statistics-catalog.ts';
import { parseStatisticCatalog } from './statistic-catalog.ts';

// Here rather than next to the script: vitest runs the app's and the mock's folders, not scripts/.
describe('public/statistics.json', () => {
  const committed = readFileSync(STATISTICS_JSON_PATH, 'utf8');

  it('should be exactly what `npm run catalog` generates from the mock statistics.yaml', () => {
    expect(committed, 'public/statistics.json is out of date: run `npm run catalog`').toBe(statisticsCatalogText());
  });

  it('should be a valid catalog with every entry of statistics.yaml, in file order', () => {
    const parsed = parseStatisticCatalog(JSON.parse(committed));
    if (!parsed.ok) throw new Error(`${parsed.error.path}: ${parsed.error.message}`);
    const yaml = loadStatisticsCatalog().entries;
    expect(parsed.catalog.statistics.map((e) => [e.name, e.catalogObjectType])).toEqual(yaml.map((e) => [e.name, e.objectType]));
    expect(parsed.catalog.statistics.map((e) => e.definition)).toEqual(yaml.map((e) => e.definition));
  });

  it('should name the v3 wire type of each statistics.yaml object type', () => {
    const parsed = parseStatisticCatalog(JSON.parse(committed));
    const pairs = new Set(parsed.ok ? parsed.catalog.statistics.map((e) => `${e.catalogObjectType}→${e.objectType}`) : []);
    expect([...pairs].sort()).toEqual(['AGENT→Agent', 'QUEUE→Queue', 'SKILL_AG→GroupAgents', 'SKILL_Q→Queue']);
  });
});
