import { z } from 'zod';
import { STAT_FORMATS } from '../vocabulary/stat-formats.ts';
import { weightStatisticOf } from './aggregate-weight.ts';
import { SERVICE_LEVEL_SECONDS_MAX, SERVICE_LEVEL_SECONDS_MIN } from './service-level-target.ts';

/**
 * What both versions of the board file have in common (docs/boards.md): the grid, formats,
 * thresholds, layout, answer-time targets, combinations and the board's own keys. Version 2
 * (board-schema.ts) and version 1 (board-schema-v1.ts) differ only in how they name objects.
 */

/** The grid is 12 columns wide; rows are as many as the tiles reach. */
export const GRID_COLUMNS = 12;

export const BOARD_ID_MAX_LENGTH = 64;

export const formatSchema = z.enum(STAT_FORMATS);

export const thresholdSchema = z.strictObject({
  when: z.enum(['above', 'below']),
  value: z.number().finite(),
  level: z.enum(['warning', 'critical']),
  /**
   * How far back past the line the value must go before the breach ends, in the value's unit
   * (default by format: src/tiles/hysteresis.ts), so a value sitting on the line does not flicker.
   */
  hysteresis: z.number().finite().min(0).optional(),
});

export const layoutSchema = z
  .strictObject({
    x: z.number().int().min(0).max(GRID_COLUMNS - 1),
    y: z.number().int().min(0),
    w: z.number().int().min(1).max(GRID_COLUMNS),
    h: z.number().int().min(1),
  })
  .refine((l) => l.x + l.w <= GRID_COLUMNS, { message: `x + w must not exceed ${GRID_COLUMNS} columns`, path: ['w'] });

/** A statistic's id: a wallboard statistic (src/vocabulary/statistics.ts) or a source's own. */
export const statisticSchema = z.string().min(1);

/** An answer-time target in seconds for a service level (src/boards/service-level-target.ts). */
export const serviceLevelSecondsSchema = z.number().int().min(SERVICE_LEVEL_SECONDS_MIN).max(SERVICE_LEVEL_SECONDS_MAX).optional();

/** How an aggregate combines its objects' values (src/tiles/aggregate.ts does the maths). */
export const combineSchema = z.enum(['sum', 'mean', 'max', 'min', 'weighted-mean']);

/** The address names the board on screen by its id (src/app/board-route.ts), which takes 64 characters at most. */
export const boardIdSchema = z
  .string()
  .max(BOARD_ID_MAX_LENGTH, `at most ${BOARD_ID_MAX_LENGTH} characters`)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');

/**
 * Play a short chime when a tile of this board, on screen, enters a breach or escalates to
 * critical (src/alerts/). Absent means off, and an export writes it only when it was set.
 */
export const soundSchema = z.boolean().optional();

/** `kind` may be left out: a tile is a stat tile unless it says otherwise. */
export function statByDefault(raw: unknown): unknown {
  return raw !== null && typeof raw === 'object' && !('kind' in raw) ? { ...raw, kind: 'stat' } : raw;
}

/**
 * A combination that means nothing is refused with the field named, rather than shown: a weighted
 * mean with no weight, a weight on a combination that uses none, a sum of percentages.
 */
export function checkCombination(
  tile: { readonly combine: string; readonly statistic: string; readonly format: string; readonly weightStatistic?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (tile.combine === 'weighted-mean' && weightStatisticOf(tile) === undefined) {
    ctx.addIssue({ code: 'custom', message: `a weighted-mean of ${tile.statistic} needs a weightStatistic (only ServiceLevel has a default)`, path: ['weightStatistic'] });
  }
  if (tile.combine !== 'weighted-mean' && tile.weightStatistic !== undefined) {
    ctx.addIssue({ code: 'custom', message: 'only combine "weighted-mean" uses a weightStatistic', path: ['weightStatistic'] });
  }
  if (tile.combine === 'sum' && tile.format === 'percent') {
    ctx.addIssue({ code: 'custom', message: 'percentages do not add up: use "weighted-mean", "mean", "max" or "min"', path: ['combine'] });
  }
}

/** Tile ids are unique within a board: an edit or a tile's breach memory names a tile by its id. */
export function checkUniqueTileIds(board: { readonly tiles: readonly { readonly id: string }[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  board.tiles.forEach((tile, index) => {
    if (seen.has(tile.id)) ctx.addIssue({ code: 'custom', message: `duplicate tile id "${tile.id}"`, path: ['tiles', index, 'id'] });
    seen.add(tile.id);
  });
}
