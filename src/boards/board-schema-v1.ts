import { z } from 'zod';
import { firstZodIssue } from '../lib/first-zod-issue.ts';
import type { ObjectKind } from '../vocabulary/object-kinds.ts';
import {
  boardIdSchema,
  checkCombination,
  checkUniqueTileIds,
  combineSchema,
  formatSchema,
  layoutSchema,
  serviceLevelSecondsSchema,
  soundSchema,
  statByDefault,
  statisticSchema,
  thresholdSchema,
} from './board-parts.ts';

/**
 * The board file, version 1 (docs/boards.md "Version 1"): objects named by the Statistics API v3's
 * wire types (`Queue`, `GroupAgents`, `Agent`) and listings (`queues`, `skills`, `agent-groups`,
 * `agents`), every tile on the one Genesys Engage source. Exported files and boards kept in
 * browsers are still version 1; they are checked here as they were written (a refusal names the
 * field of the file), then read as the version 2 board that shows the same thing.
 */

const objectTypeSchema = z.enum(['Queue', 'GroupAgents', 'Agent']);
type V1ObjectType = z.infer<typeof objectTypeSchema>;

const catalogSchema = z.enum(['queues', 'skills', 'agents', 'agent-groups']);
/** Which listing endpoint `"id": "*"` expands from. */
type V1Catalog = z.infer<typeof catalogSchema>;

const objectRefSchema = z.strictObject({
  type: objectTypeSchema,
  /** A concrete object id, or `*` for every object of the catalog. */
  id: z.string().min(1),
  catalog: catalogSchema.optional(),
});
type V1ObjectRef = z.infer<typeof objectRefSchema>;

/** A target on anything but a queue's service level is refused with the field named, never ignored. */
function checkServiceLevelTarget(
  cell: { readonly statistic: string; readonly serviceLevelSeconds?: number | undefined },
  objectType: string,
  ctx: z.RefinementCtx,
  path: readonly (string | number)[] = [],
): void {
  if (cell.serviceLevelSeconds === undefined) return;
  const problem =
    cell.statistic !== 'ServiceLevel'
      ? `only a service-level statistic (ServiceLevel) takes an answer-time target, not "${cell.statistic}"`
      : objectType !== 'Queue'
        ? `a service level is defined for a Queue (a queue or a skill's virtual queue), not for ${objectType}`
        : undefined;
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [...path, 'serviceLevelSeconds'] });
}

const common = {
  id: z.string().min(1),
  title: z.string().optional(),
  object: objectRefSchema,
  layout: layoutSchema,
};

const statTileSchema = z
  .strictObject({
    ...common,
    kind: z.literal('stat'),
    statistic: statisticSchema,
    format: formatSchema,
    thresholds: z.array(thresholdSchema).optional(),
    serviceLevelSeconds: serviceLevelSecondsSchema,
  })
  .superRefine((tile, ctx) => checkServiceLevelTarget(tile, tile.object.type, ctx));

const columnSchema = z.strictObject({
  statistic: statisticSchema,
  label: z.string().optional(),
  format: formatSchema,
  /** Overrides the row's object type for this column (a skill's ServiceLevel is its virtual `Queue`). */
  objectType: objectTypeSchema.optional(),
  thresholds: z.array(thresholdSchema).optional(),
  serviceLevelSeconds: serviceLevelSecondsSchema,
});


const tableTileSchema = z
  .strictObject({
    ...common,
    kind: z.literal('table'),
    columns: z.array(columnSchema).min(1),
  })
  .superRefine((tile, ctx) =>
    tile.columns.forEach((column, index) => checkServiceLevelTarget(column, column.objectType ?? tile.object.type, ctx, ['columns', index])),
  );

const agentGridTileSchema = z.strictObject({
  ...common,
  kind: z.literal('agent-grid'),
  object: objectRefSchema.extend({ type: z.literal('Agent') }),
  statistic: statisticSchema.default('CurrentAgentState'),
});

const trendTileSchema = z
  .strictObject({
    ...common,
    kind: z.literal('trend'),
    statistic: statisticSchema,
    format: formatSchema,
    // The history buffer keeps three hours (src/tiles/history-buffer.ts); a longer trend could not be drawn.
    minutes: z.number().int().min(1).max(180).default(30),
    thresholds: z.array(thresholdSchema).optional(),
    serviceLevelSeconds: serviceLevelSecondsSchema,
  })
  .superRefine((tile, ctx) => checkServiceLevelTarget(tile, tile.object.type, ctx));

/**
 * One statistic combined over several objects (docs/boards.md "Aggregates"). The objects are one type, since a
 * statistic is defined per object type and `data-object-type` names one. A board that cannot be
 * combined is refused here, with the bad field named, rather than showing a number that means
 * nothing: a weighted mean with no weight, a weight on a combination that uses none, a sum of
 * percentages.
 */
const aggregateTileSchema = z
  .strictObject({
    id: common.id,
    title: common.title,
    layout: common.layout,
    kind: z.literal('aggregate'),
    statistic: statisticSchema,
    format: formatSchema,
    /** Concrete ids and `*` may be mixed; an object listed twice counts once. */
    objects: z.array(objectRefSchema).min(1, 'list at least one object'),
    combine: combineSchema,
    /** The count each object's value is weighted by (`weighted-mean` only); see aggregate-weight.ts for the default. */
    weightStatistic: statisticSchema.optional(),
    thresholds: z.array(thresholdSchema).optional(),
  })
  .superRefine((tile, ctx) => {
    const first = tile.objects[0];
    tile.objects.forEach((object, index) => {
      if (first && object.type !== first.type) {
        ctx.addIssue({ code: 'custom', message: `every object of an aggregate must be a ${first.type}, like the first`, path: ['objects', index, 'type'] });
      }
    });
    checkCombination(tile, ctx);
  });

const tileSchema = z.preprocess(
  statByDefault,
  z.discriminatedUnion('kind', [statTileSchema, tableTileSchema, agentGridTileSchema, trendTileSchema, aggregateTileSchema]),
);

const boardV1Schema = z
  .strictObject({
    version: z.literal(1),
    id: boardIdSchema,
    title: z.string().min(1),
    sound: soundSchema,
    tiles: z.array(tileSchema),
  })
  .superRefine(checkUniqueTileIds);

type BoardV1 = z.infer<typeof boardV1Schema>;
type TileV1 = BoardV1['tiles'][number];

/** What a version 1 object reference means in the wallboard's kinds: a `Queue` of `skills` is a skill's virtual queue. */
function kindOf(type: V1ObjectType, catalog: V1Catalog | undefined): ObjectKind {
  switch (type) {
    case 'Queue':
      return catalog === 'skills' ? 'skill' : 'queue';
    case 'GroupAgents':
      return catalog === 'agent-groups' ? 'agent-group' : 'skill';
    case 'Agent':
      return 'agent';
  }
}

function objectOf(ref: V1ObjectRef): { readonly kind: ObjectKind; readonly id: string } {
  return { kind: kindOf(ref.type, ref.catalog), id: ref.id };
}

/** A version 1 tile as version 2 data; every key a version 2 tile does not have is dropped here. */
function upgradeTile(tile: TileV1): Record<string, unknown> {
  switch (tile.kind) {
    case 'aggregate':
      return { ...tile, objects: tile.objects.map(objectOf) };
    case 'table': {
      const kind = kindOf(tile.object.type, tile.object.catalog);
      const columns = tile.columns.map(({ objectType, ...column }) => {
        // A skill's service level is its virtual queue's: version 2 knows that without being told.
        const columnKind = objectType === undefined ? kind : kindOf(objectType, tile.object.catalog);
        return columnKind === kind ? column : { ...column, objectKind: columnKind };
      });
      return { ...tile, object: objectOf(tile.object), columns };
    }
    default:
      return { ...tile, object: objectOf(tile.object) };
  }
}

export function isVersion1(json: unknown): boolean {
  return json !== null && typeof json === 'object' && 'version' in json && json.version === 1;
}

export type UpgradeResult = { readonly ok: true; readonly board: unknown } | { readonly ok: false; readonly error: { readonly path: string; readonly message: string } };

/** A version 1 file, checked as written, as version 2 data (to be parsed by the version 2 schema). */
export function upgradeVersion1(json: unknown): UpgradeResult {
  const result = boardV1Schema.safeParse(json);
  if (!result.success) return { ok: false, error: firstZodIssue(result.error, 'invalid board') };
  const { tiles, ...board } = result.data;
  return { ok: true, board: { ...board, version: 2, tiles: tiles.map(upgradeTile) } };
}
