import { GRID_COLUMNS, type Board, type BoardTile, type TileLayout } from '../boards/board-schema.ts';

/**
 * The editor's edits of a board, as pure functions: each returns a new board, or the same board
 * when the edit cannot be made (off the grid, onto another tile), so a refused move is simply no
 * edit — nothing to undo, nothing half done. Every board they return still passes `parseBoard`.
 */

export function overlaps(a: TileLayout, b: TileLayout): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export function fitsGrid(layout: TileLayout): boolean {
  const whole = [layout.x, layout.y, layout.w, layout.h].every(Number.isInteger);
  return whole && layout.x >= 0 && layout.y >= 0 && layout.w >= 1 && layout.h >= 1 && layout.x + layout.w <= GRID_COLUMNS;
}

/** Whether `layout` is free for tile `id`: on the grid and over no other tile. */
export function isFree(board: Board, id: string, layout: TileLayout): boolean {
  return fitsGrid(layout) && board.tiles.every((tile) => tile.id === id || !overlaps(tile.layout, layout));
}

/** Puts tile `id` at `layout` (a drag ends here); the same board when that place is not free. */
export function setLayout(board: Board, id: string, layout: TileLayout): Board {
  const tile = board.tiles.find((t) => t.id === id);
  if (!tile || !isFree(board, id, layout)) return board;
  const same = tile.layout.x === layout.x && tile.layout.y === layout.y && tile.layout.w === layout.w && tile.layout.h === layout.h;
  if (same) return board;
  return { ...board, tiles: board.tiles.map((t) => (t.id === id ? ({ ...t, layout: { ...layout } } as BoardTile) : t)) };
}

/** One step with the arrow keys (or a drag by whole cells). */
export function moveTile(board: Board, id: string, dx: number, dy: number): Board {
  const tile = board.tiles.find((t) => t.id === id);
  return tile ? setLayout(board, id, { ...tile.layout, x: tile.layout.x + dx, y: tile.layout.y + dy }) : board;
}

/** Grows or shrinks from the bottom-right corner (Shift + arrow keys). */
export function resizeTile(board: Board, id: string, dw: number, dh: number): Board {
  const tile = board.tiles.find((t) => t.id === id);
  return tile ? setLayout(board, id, { ...tile.layout, w: tile.layout.w + dw, h: tile.layout.h + dh }) : board;
}

/** The first free place for a tile of this size, row by row from the top left. */
export function firstFreePlace(board: Board, size: { readonly w: number; readonly h: number }): TileLayout {
  const w = Math.min(Math.max(1, Math.round(size.w)), GRID_COLUMNS);
  const h = Math.max(1, Math.round(size.h));
  const bottom = Math.max(0, ...board.tiles.map((t) => t.layout.y + t.layout.h));
  for (let y = 0; y <= bottom; y++) {
    for (let x = 0; x + w <= GRID_COLUMNS; x++) {
      const layout = { x, y, w, h };
      if (board.tiles.every((t) => !overlaps(t.layout, layout))) return layout;
    }
  }
  return { x: 0, y: bottom, w, h };
}

/** A tile id not yet on the board: `base`, else `base-2`, `base-3`, … */
export function freeTileId(board: Board, base: string): string {
  const taken = new Set(board.tiles.map((t) => t.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Adds a tile at its layout when that is free, else at the first free place of its size. */
export function addTile(board: Board, tile: BoardTile): Board {
  const id = freeTileId(board, tile.id);
  const layout = isFree(board, id, tile.layout) ? tile.layout : firstFreePlace(board, tile.layout);
  return { ...board, tiles: [...board.tiles, { ...tile, id, layout } as BoardTile] };
}

export function removeTile(board: Board, id: string): Board {
  return board.tiles.some((t) => t.id === id) ? { ...board, tiles: board.tiles.filter((t) => t.id !== id) } : board;
}

/** Replaces tile `tile.id` (its settings changed in the editor's form); its place is kept. */
export function replaceTile(board: Board, tile: BoardTile): Board {
  const old = board.tiles.find((t) => t.id === tile.id);
  if (!old) return board;
  return { ...board, tiles: board.tiles.map((t) => (t.id === tile.id ? ({ ...tile, layout: old.layout } as BoardTile) : t)) };
}

export function renameBoard(board: Board, title: string): Board {
  const trimmed = title.trim();
  return trimmed && trimmed !== board.title ? { ...board, title: trimmed } : board;
}

/** Sound on breach, opt-in per board (src/alerts/): off is written as no field, as in a file without it. */
export function setSound(board: Board, on: boolean): Board {
  if ((board.sound === true) === on) return board;
  const { sound: _sound, ...rest } = board;
  return on ? { ...rest, sound: true } : rest;
}
