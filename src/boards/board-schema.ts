import { z } from 'zod';
import { firstZodIssue } from '../lib/first-zod-issue.ts';
import { OBJECT_KINDS, type ObjectKind } from '../vocabulary/object-kinds.ts';
import { serviceLevelTargetProblem } from './service-level-target.ts';
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
import { isVersion1, upgradeVersion1 } from './board-schema-v1.ts';

export { BOARD_ID_MAX_LENGTH, GRID_COLUMNS } from './board-parts.ts';

/**
 * The board file, version 2 (docs/boards.md): tiles name their source and objects in the
 * wallboard's own words (src/vocabulary/). A board is data that people share as a file, so it is
 * parsed here, at the edge, and everything past this point trusts its types. Objects are strict: a
 * misspelt key is refused by name rather than silently ignored. Version 1 files are read through
 * board-schema-v1.ts and show the same thing.
 */

export const BOARD_VERSION = 2;

const objectKindSchema = z.enum(OBJECT_KINDS);

const objectRefSchema = z.strictObject({
  kind: objectKindSchema,
  /** A concrete object id, or `*` for every object of the kind the source lists. */
  id: z.string().min(1),
});
export type ObjectRef = z.infer<typeof objectRefSchema>;

/** A source id of the runtime configuration; absent = the default source. */
const sourceSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a source id of the runtime configuration (lower-case letters, digits and dashes)').optional();

/** A target on anything but the service level of a queue or a skill is refused with the field named, never ignored. */
function checkServiceLevelTarget(
  cell: { readonly statistic: string; readonly serviceLevelSeconds?: number | undefined },
  kind: ObjectKind,
  ctx: z.RefinementCtx,
  path: readonly (string | number)[] = [],
): void {
  if (cell.serviceLevelSeconds === undefined) return;
  const problem = serviceLevelTargetProblem(cell.statistic, kind);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [...path, 'serviceLevelSeconds'] });
}

const common = {
  id: z.string().min(1),
  title: z.string().optional(),
  source: sourceSchema,
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
  .superRefine((tile, ctx) => checkServiceLevelTarget(tile, tile.object.kind, ctx));

const columnSchema = z.strictObject({
  statistic: statisticSchema,
  label: z.string().optional(),
  format: formatSchema,
  /** Asks this column's statistic of another kind of object with the row's id (rarely needed: version 1 files). */
  objectKind: objectKindSchema.optional(),
  thresholds: z.array(thresholdSchema).optional(),
  serviceLevelSeconds: serviceLevelSecondsSchema,
});
export type TableColumn = z.infer<typeof columnSchema>;

const tableTileSchema = z
  .strictObject({
    ...common,
    kind: z.literal('table'),
    columns: z.array(columnSchema).min(1),
  })
  .superRefine((tile, ctx) =>
    tile.columns.forEach((column, index) => checkServiceLevelTarget(column, column.objectKind ?? tile.object.kind, ctx, ['columns', index])),
  );

const agentGridTileSchema = z.strictObject({
  ...common,
  kind: z.literal('agent-grid'),
  object: objectRefSchema.extend({ kind: z.literal('agent') }),
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
  .superRefine((tile, ctx) => checkServiceLevelTarget(tile, tile.object.kind, ctx));

/**
 * One statistic combined over several objects of one source. The objects are one kind, since a
 * statistic is defined per kind and `data-object-type` names one. A board that cannot be combined
 * is refused here, with the bad field named, rather than showing a number that means nothing: a
 * weighted mean with no weight, a weight on a combination that uses none, a sum of percentages.
 */
const aggregateTileSchema = z
  .strictObject({
    id: common.id,
    title: common.title,
    source: common.source,
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
      if (first && object.kind !== first.kind) {
        ctx.addIssue({ code: 'custom', message: `every object of an aggregate must be a ${first.kind}, like the first`, path: ['objects', index, 'kind'] });
      }
    });
    checkCombination(tile, ctx);
  });

const tileSchema = z.preprocess(
  statByDefault,
  z.discriminatedUnion('kind', [statTileSchema, tableTileSchema, agentGridTileSchema, trendTileSchema, aggregateTileSchema]),
);

export const boardSchema = z
  .strictObject({
    version: z.literal(BOARD_VERSION),
    id: boardIdSchema,
    title: z.string().min(1),
    sound: soundSchema,
    tiles: z.array(tileSchema),
  })
  .superRefine(checkUniqueTileIds);

export type Threshold = z.infer<typeof thresholdSchema>;
export type TileLayout = z.infer<typeof layoutSchema>;
export type Board = z.infer<typeof boardSchema>;
export type BoardTile = Board['tiles'][number];
export type StatTileConfig = z.infer<typeof statTileSchema>;
export type TableTileConfig = z.infer<typeof tableTileSchema>;
export type AgentGridTileConfig = z.infer<typeof agentGridTileSchema>;
export type TrendTileConfig = z.infer<typeof trendTileSchema>;
export type AggregateTileConfig = z.infer<typeof aggregateTileSchema>;
export type AggregateCombine = z.infer<typeof combineSchema>;

export interface BoardError {
  /** The bad field, e.g. `tiles[2].thresholds[0].level`; empty for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

export type ParseBoardResult = { readonly ok: true; readonly board: Board } | { readonly ok: false; readonly error: BoardError };

/**
 * Validates a parsed board file of either version. A refusal names the first bad field of the file
 * as it was written so a person can fix it; callers keep the board they had ("the current board
 * stays as it was"). A version 1 file comes back as the version 2 board that shows the same thing.
 */
export function parseBoard(json: unknown): ParseBoardResult {
  if (isVersion1(json)) {
    const upgraded = upgradeVersion1(json);
    if (!upgraded.ok) return upgraded;
    json = upgraded.board;
  }
  const result = boardSchema.safeParse(json);
  if (result.success) return { ok: true, board: result.data };
  return { ok: false, error: firstZodIssue(result.error, 'invalid board') };
}

/** The same for the text of a file (an import): JSON syntax errors are reported, not thrown. */
export function parseBoardText(text: string): ParseBoardResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: { path: '', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` } };
  }
  return parseBoard(json);
}
