import { z } from 'zod';

/**
 * The board file, version 1 (CONTRACTS.md "Board files"). A board is data that people share as a
 * file, so it is parsed here, at the edge, and everything past this point trusts its types. Objects
 * are strict: a misspelt key is refused by name rather than silently ignored.
 */

/** The grid is 12 columns wide; rows are as many as the tiles reach. */
export const GRID_COLUMNS = 12;

export const BOARD_ID_MAX_LENGTH = 64;

const objectTypeSchema = z.enum(['Queue', 'GroupAgents', 'Agent']);
export type BoardObjectType = z.infer<typeof objectTypeSchema>;

const catalogSchema = z.enum(['queues', 'skills', 'agents', 'agent-groups']);
/** Which listing endpoint `"id": "*"` expands from. */
export type Catalog = z.infer<typeof catalogSchema>;

const formatSchema = z.enum(['percent', 'count', 'duration', 'decimal']);

const objectRefSchema = z.strictObject({
  type: objectTypeSchema,
  /** A concrete object id, or `*` for every object of the catalog. */
  id: z.string().min(1),
  catalog: catalogSchema.optional(),
});
export type ObjectRef = z.infer<typeof objectRefSchema>;

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

/** A pre-configured statistic name; inline definitions may be accepted here in a later version. */
const statisticSchema = z.string().min(1);

const common = {
  id: z.string().min(1),
  title: z.string().optional(),
  object: objectRefSchema,
  layout: layoutSchema,
};

const statTileSchema = z.strictObject({
  ...common,
  kind: z.literal('stat'),
  statistic: statisticSchema,
  format: formatSchema,
  thresholds: z.array(thresholdSchema).optional(),
});

const columnSchema = z.strictObject({
  statistic: statisticSchema,
  label: z.string().optional(),
  format: formatSchema,
  /** Overrides the row's object type for this column (a skill's ServiceLevel is its virtual `Queue`). */
  objectType: objectTypeSchema.optional(),
  thresholds: z.array(thresholdSchema).optional(),
});
export type TableColumn = z.infer<typeof columnSchema>;

const tableTileSchema = z.strictObject({
  ...common,
  kind: z.literal('table'),
  columns: z.array(columnSchema).min(1),
});

const agentGridTileSchema = z.strictObject({
  ...common,
  kind: z.literal('agent-grid'),
  object: objectRefSchema.extend({ type: z.literal('Agent') }),
  statistic: statisticSchema.default('CurrentAgentState'),
});

const trendTileSchema = z.strictObject({
  ...common,
  kind: z.literal('trend'),
  statistic: statisticSchema,
  format: formatSchema,
  // The history buffer keeps three hours (src/tiles/history-buffer.ts); a longer trend could not be drawn.
  minutes: z.number().int().min(1).max(180).default(30),
  thresholds: z.array(thresholdSchema).optional(),
});

/** `kind` may be left out: a tile is a stat tile unless it says otherwise. */
const tileSchema = z.preprocess(
  (raw) => (raw !== null && typeof raw === 'object' && !('kind' in raw) ? { ...raw, kind: 'stat' } : raw),
  z.discriminatedUnion('kind', [statTileSchema, tableTileSchema, agentGridTileSchema, trendTileSchema]),
);

export const boardSchema = z
  .strictObject({
    version: z.literal(1),
    id: z
      .string()
      // The address names the board on screen by its id (src/app/board-route.ts), which takes 64 characters at most.
      .max(BOARD_ID_MAX_LENGTH, `at most ${BOARD_ID_MAX_LENGTH} characters`)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
    title: z.string().min(1),
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

export interface BoardError {
  /** The bad field, e.g. `tiles[2].thresholds[0].level`; empty for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

export type ParseBoardResult = { readonly ok: true; readonly board: Board } | { readonly ok: false; readonly error: BoardError };

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

/**
 * Validates a parsed board file. A refusal names the first bad field so a person can fix the file;
 * callers keep the board they had (CONTRACTS.md: "the current board stays as it was").
 */
export function parseBoard(json: unknown): ParseBoardResult {
  const result = boardSchema.safeParse(json);
  if (result.success) return { ok: true, board: result.data };
  const issue = result.error.issues[0];
  if (!issue) return { ok: false, error: { path: '', message: 'invalid board' } };
  // An unknown key is the bad field itself, not the object that holds it.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : issue.path;
  return { ok: false, error: { path: formatPath(path), message: issue.message } };
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
