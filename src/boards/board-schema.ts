import { z } from 'zod';
import { firstZodIssue } from '../lib/first-zod-issue.ts';
import { OBJECT_KINDS, type ObjectKind } from '../vocabulary/object-kinds.ts';
import { STAT_FORMATS } from '../vocabulary/stat-formats.ts';
import { SERVICE_LEVEL_SECONDS_MAX, SERVICE_LEVEL_SECONDS_MIN, serviceLevelTargetProblem } from './service-level-target.ts';
import { weightStatisticOf } from './aggregate-weight.ts';
import { isVersion1, upgradeVersion1 } from './board-schema-v1.ts';

/**
 * The board file, version 2 (docs/boards.md): tiles name their source and objects in the
 * wallboard's own words (src/vocabulary/). A board is data that people share as a file, so it is
 * parsed here, at the edge, and everything past this point trusts its types. Objects are strict: a
 * misspelt key is refused by name rather than silently ignored. Version 1 files are read through
 * board-schema-v1.ts and show the same thing.
 */

/** The grid is 12 columns wide; rows are as many as the tiles reach. */
export const GRID_COLUMNS = 12;

export const BOARD_ID_MAX_LENGTH = 64;

export const BOARD_VERSION = 2;

const objectKindSchema = z.enum(OBJECT_KINDS);

const formatSchema = z.enum(STAT_FORMATS);

const objectRefSchema = z.strictObject({
  kind: objectKindSchema,
  /** A concrete object id, or `*` for every object of the kind the source lists. */
  id: z.string().min(1),
});
export type ObjectRef = z.infer<typeof objectRefSchema>;

/** A source id of the runtime configuration; absent = the default source. */
const sourceSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a source id of the runtime configuration (lower-case letters, digits and dashes)').optional();

const thresholdSchema = z.strictObject({
  when: z.enum(['above', 'below']),
  value: z.number().finite(),
  level: z.enum(['warning', 'critical']),
  /**
   * How far back past the line the value must go before the breach ends, in the value's unit
   * (default by format: src/tiles/hysteresis.ts), so a value sitting on the line does not flicker.
   */
  hysteresis: z.number().finite().min(0).optional(),
});
export type Threshold = z.infer<typeof thresholdSchema>;

const layoutSchema = z
  .strictObject({
    x: z.number().int().min(0).max(GRID_COLUMNS - 1),
    y: z.number().int().min(0),
    w: z.number().int().min(1).max(GRID_COLUMNS),
    h: z.number().int().min(1),
  })
  .refine((l) => l.x + l.w <= GRID_COLUMNS, { message: `x + w must not exceed ${GRID_COLUMNS} columns`, path: ['w'] });
export type TileLayout = z.infer<typeof layoutSchema>;

/** A wallboard statistic id (src/vocabulary/statistics.ts) or one of the tile's source's own. */
const statisticSchema = z.string().min(1);

/** An answer-time target in seconds for a service level (src/boards/service-level-target.ts). */
const serviceLevelSecondsSchema = z.number().int().min(SERVICE_LEVEL_SECONDS_MIN).max(SERVICE_LEVEL_SECONDS_MAX).optional();

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

/** How an aggregate combines its objects' values (src/tiles/aggregate.ts does the maths). */
const combineSchema = z.enum(['sum', 'mean', 'max', 'min', 'weighted-mean']);

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
    if (tile.combine === 'weighted-mean' && weightStatisticOf(tile) === undefined) {
      ctx.addIssue({ code: 'custom', message: `a weighted-mean of ${tile.statistic} needs a weightStatistic (only ServiceLevel has a default)`, path: ['weightStatistic'] });
    }
    if (tile.combine !== 'weighted-mean' && tile.weightStatistic !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'only combine "weighted-mean" uses a weightStatistic', path: ['weightStatistic'] });
    }
    if (tile.combine === 'sum' && tile.format === 'percent') {
      ctx.addIssue({ code: 'custom', message: 'percentages do not add up: use "weighted-mean", "mean", "max" or "min"', path: ['combine'] });
    }
  });

/** `kind` may be left out: a tile is a stat tile unless it says otherwise. */
const tileSchema = z.preprocess(
  (raw) => (raw !== null && typeof raw === 'object' && !('kind' in raw) ? { ...raw, kind: 'stat' } : raw),
  z.discriminatedUnion('kind', [statTileSchema, tableTileSchema, agentGridTileSchema, trendTileSchema, aggregateTileSchema]),
);

export const boardSchema = z
  .strictObject({
    version: z.literal(BOARD_VERSION),
    id: z
      .string()
      // The address names the board on screen by its id (src/app/board-route.ts), which takes 64 characters at most.
      .max(BOARD_ID_MAX_LENGTH, `at most ${BOARD_ID_MAX_LENGTH} characters`)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
    title: z.string().min(1),
    /**
     * Play a short chime when a tile of this board, on screen, enters a breach or escalates to
     * critical (src/alerts/). Absent means off, and an export writes it only when it was set.
     */
    sound: z.boolean().optional(),
    tiles: z.array(tileSchema),
  })
  .superRefine((board, ctx) => {
    const seen = new Set<string>();
    board.tiles.forEach((tile, index) => {
      if (seen.has(tile.id)) ctx.addIssue({ code: 'custom', message: `duplicate tile id "${tile.id}"`, path: ['tiles', index, 'id'] });
      seen.add(tile.id);
    });
  });

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
