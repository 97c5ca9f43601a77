import { z } from 'zod';
import { firstZodIssue } from '../../../lib/first-zod-issue.ts';
import type { ObjectKind } from '../../../vocabulary/object-kinds.ts';

/**
 * `public/statistics.json`, version 1: the tenant's pre-configured statistics (its Stat Server's
 * statistics.yaml), shipped next to the app because the Statistics API v3 has no call that lists
 * them. The demo file is generated from the mock's (`npm run catalog`); a deployment replaces it
 * with its own. Entries are strict so a misspelt key is named; a definition keeps fields the app
 * does not read, since a tenant's Stat Server may set more than the mock evaluates.
 */

export const STATISTIC_OBJECT_TYPES = ['Queue', 'GroupAgents', 'Agent'] as const;
/** Object types on the Statistics API v3 wire (docs/vendors/genesys-engage.md). */
export type EngageObjectType = (typeof STATISTIC_OBJECT_TYPES)[number];
/** The object types of statistics.yaml: a skill's virtual queue (SKILL_Q) and a queue are both `Queue` on the wire, but list different objects. */
export const CATALOG_OBJECT_TYPES = ['QUEUE', 'SKILL_Q', 'SKILL_AG', 'AGENT'] as const;
export type CatalogObjectType = (typeof CATALOG_OBJECT_TYPES)[number];

const WIRE_TYPES: Readonly<Record<CatalogObjectType, EngageObjectType>> = {
  QUEUE: 'Queue',
  SKILL_Q: 'Queue',
  SKILL_AG: 'GroupAgents',
  AGENT: 'Agent',
};

const seconds = z.number().int().nonnegative().optional();

const definitionSchema = z.looseObject({
  category: z.string().min(1),
  subject: z.string().min(1),
  mainMask: z.string().optional(),
  relativeMask: z.string().optional(),
  intervalType: z.string().optional(),
  dynamicTimeProfile: z.string().optional(),
  timeRangeLeft: seconds,
  timeRangeRight: seconds,
  timeRangeLeft2: seconds,
  timeRangeRight2: seconds,
  dynamicFilter: z.string().optional(),
  distinguishByConnId: z.boolean().optional(),
  maskType: z.string().optional(),
});
export type StatisticDefinition = z.infer<typeof definitionSchema>;

/** Spelt as in statistics.yaml or as on the v3 wire; `Immediate` and `Changes` both mean "on change". */
const notificationModeSchema = z.string().transform((mode, ctx) => {
  const lower = mode.toLowerCase();
  if (lower === 'periodical') return 'Periodical' as const;
  if (lower === 'changes' || lower === 'immediate' || lower === 'changesbased') return 'Changes' as const;
  ctx.addIssue({ code: 'custom', message: `unknown notificationMode "${mode}" (Periodical, Changes or Immediate)` });
  return z.NEVER;
});

const entrySchema = z
  .strictObject({
    name: z.string().min(1),
    objectType: z.enum(STATISTIC_OBJECT_TYPES),
    catalogObjectType: z.enum(CATALOG_OBJECT_TYPES),
    definition: definitionSchema,
    notificationMode: notificationModeSchema,
    notificationFrequency: z.number().int().nonnegative(),
  })
  .superRefine((entry, ctx) => {
    const wire = WIRE_TYPES[entry.catalogObjectType];
    if (entry.objectType !== wire) {
      ctx.addIssue({ code: 'custom', message: `a ${entry.catalogObjectType} statistic is a ${wire} on the wire, not a ${entry.objectType}`, path: ['objectType'] });
    }
  });

const catalogSchema = z
  .strictObject({
    version: z.literal(1),
    statistics: z.array(entrySchema),
  })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    catalog.statistics.forEach((entry, index) => {
      const key = `${entry.name}|${entry.catalogObjectType}`;
      // Two definitions under one name for one object type: a tile could not say which it shows.
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `duplicate statistic "${entry.name}" for ${entry.catalogObjectType}`, path: ['statistics', index, 'name'] });
      seen.add(key);
    });
  });

export type StatisticCatalog = z.output<typeof catalogSchema>;
export type StatisticCatalogEntry = StatisticCatalog['statistics'][number];

export interface StatisticCatalogError {
  /** The bad field, e.g. `statistics[3].definition.category`; empty for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

export type ParseStatisticCatalogResult =
  | { readonly ok: true; readonly catalog: StatisticCatalog }
  | { readonly ok: false; readonly error: StatisticCatalogError };

/** Validates a parsed statistics.json; a refusal names the first bad field, as parseBoard does. */
export function parseStatisticCatalog(json: unknown): ParseStatisticCatalogResult {
  const result = catalogSchema.safeParse(json);
  if (result.success) return { ok: true, catalog: result.data };
  return { ok: false, error: firstZodIssue(result.error, 'invalid statistics catalog') };
}

/**
 * Which statistics.yaml object type a listing's objects have as each wire type. A skill is a
 * virtual queue (SKILL_Q) and an agent group (SKILL_AG); an entry of `agent-groups` is a skill's
 * group or a team, which Stat Server evaluates with the SKILL_AG statistics too (the mock does the
 * same: mock-server/stats/object-directory.ts). Combinations not listed have no statistics.
 */
const LISTING_TYPES: Readonly<Record<ObjectKind, Partial<Record<EngageObjectType, CatalogObjectType>>>> = {
  queue: { Queue: 'QUEUE' },
  skill: { Queue: 'SKILL_Q', GroupAgents: 'SKILL_AG' },
  'agent-group': { GroupAgents: 'SKILL_AG' },
  agent: { Agent: 'AGENT' },
};

/** The wire type a listing's objects have when a statistic does not say otherwise (a skill is an agent group). */
const LISTING_OWN_TYPE: Readonly<Record<ObjectKind, EngageObjectType>> = {
  queue: 'Queue',
  skill: 'GroupAgents',
  'agent-group': 'GroupAgents',
  agent: 'Agent',
};

/** The kind whose listing a wire type's objects come from when nothing says otherwise (a skill is an agent group). */
const OWN_KIND: Readonly<Record<EngageObjectType, ObjectKind>> = { Queue: 'queue', GroupAgents: 'skill', Agent: 'agent' };

/** The first entry of each name, in file order. */
function firstOfEachName(entries: readonly StatisticCatalogEntry[]): readonly StatisticCatalogEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    if (seen.has(entry.name)) return false;
    seen.add(entry.name);
    return true;
  });
}

/**
 * The statistics a tile on objects of `objectType` can show, in file order, one per name. The
 * listing says which objects (a `Queue` of `skills` is a skill's virtual queue, of `queues` a queue);
 * without one, the type's own listing, as a board tile's `catalog` defaults.
 */
export function statisticsFor(catalog: StatisticCatalog, objectType: EngageObjectType, kind: ObjectKind = OWN_KIND[objectType]): readonly StatisticCatalogEntry[] {
  const catalogType = LISTING_TYPES[kind][objectType];
  if (catalogType === undefined) return [];
  return firstOfEachName(catalog.statistics.filter((entry) => entry.catalogObjectType === catalogType));
}

/**
 * Everything a listing's objects can show, whatever the wire type: a skill shows its virtual
 * queue's statistics (`Queue`) and its agent group's (`GroupAgents`). Each entry's `objectType`
 * is the type a tile asks for it with. When a name exists for both, the listing's own type wins
 * (GroupAgents for skills), so a tile on it needs no per-column type.
 */
export function statisticsForListing(catalog: StatisticCatalog, listing: ObjectKind): readonly StatisticCatalogEntry[] {
  const types = LISTING_TYPES[listing];
  const own = types[LISTING_OWN_TYPE[listing]];
  const listed = catalog.statistics.filter((entry) => types[entry.objectType] === entry.catalogObjectType);
  const ownNames = new Set(listed.filter((entry) => entry.catalogObjectType === own).map((entry) => entry.name));
  return firstOfEachName(listed.filter((entry) => entry.catalogObjectType === own || !ownNames.has(entry.name)));
}

/** One statistic of the catalog for a tile's objects, e.g. to describe the one a tile shows. */
export function findStatistic(catalog: StatisticCatalog, name: string, objectType: EngageObjectType, kind?: ObjectKind): StatisticCatalogEntry | undefined {
  return statisticsFor(catalog, objectType, kind).find((entry) => entry.name === name);
}

/**
 * The wire type a statistic of a listing is asked for (a skill's ServiceLevel is its virtual
 * `Queue`, its LongestIdleTime its `GroupAgents`); undefined when the listing's objects have no
 * statistic of that name.
 */
export function objectTypeForStatistic(catalog: StatisticCatalog, name: string, listing: ObjectKind): EngageObjectType | undefined {
  return statisticsForListing(catalog, listing).find((entry) => entry.name === name)?.objectType;
}
