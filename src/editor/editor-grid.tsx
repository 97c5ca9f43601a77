import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactElement } from 'react';
import { GRID_COLUMNS, type Board, type BoardTile as BoardTileConfig, type TileLayout } from '../boards/board-schema.ts';
import { BoardTile } from '../tiles/board-tile.tsx';
import { TileErrorBoundary } from '../tiles/tile-error-boundary.tsx';
import { isFree, moveTile, removeTile, resizeTile, setLayout } from './board-edits.ts';
import { tileName } from './tile-name.ts';
import type { BoardEdit } from './use-board-editor.ts';

/** Rows are a fixed height while editing, so a drag maps to whole cells and the grid has room below. */
const ROW_REM = 5;
const SPARE_ROWS = 3;
const MIN_ROWS = 8;

interface Drag {
  readonly id: string;
  readonly mode: 'move' | 'resize';
  readonly startX: number;
  readonly startY: number;
  readonly from: TileLayout;
  readonly to: TileLayout;
  readonly pointerId: number;
}

export interface EditorGridProps {
  readonly board: Board;
  readonly selected: string | undefined;
  readonly onSelect: (id: string) => void;
  readonly onEdit: (edit: BoardEdit) => void;
  /** The focused tile was deleted. */
  readonly onFocusLost: () => void;
  /** Said to screen-reader users after a keyboard move, resize or delete. */
  readonly announce: (text: string) => void;
  readonly helpId: string;
}

function place(layout: TileLayout): string {
  return `column ${layout.x + 1}, row ${layout.y + 1}, ${layout.w} wide, ${layout.h} high`;
}

/** The layout a drag by (dx, dy) cells would give. */
function dragged(drag: Pick<Drag, 'mode' | 'from'>, dx: number, dy: number): TileLayout {
  const { from } = drag;
  return drag.mode === 'move' ? { ...from, x: from.x + dx, y: from.y + dy } : { ...from, w: Math.max(1, from.w + dx), h: Math.max(1, from.h + dy) };
}

/**
 * The board as it is being edited: each tile shows live, under a button that selects it. With the
 * keyboard, arrows move the focused tile a cell, Shift+arrows resize it, Delete removes it; with a
 * mouse or finger, dragging moves it and the corner handle resizes it. A place that is taken or off
 * the grid is shown red and refused, so a tile never lands on another.
 */
export function EditorGrid({ board, selected, onSelect, onEdit, onFocusLost, announce, helpId }: EditorGridProps): ReactElement {
  const grid = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | undefined>(undefined);
  const bottom = Math.max(0, ...board.tiles.map((t) => t.layout.y + t.layout.h));
  const rows = Math.max(MIN_ROWS, bottom + SPARE_ROWS);

  function cellSize(): { readonly w: number; readonly h: number } {
    const box = grid.current?.getBoundingClientRect();
    const width = box?.width ?? GRID_COLUMNS;
    const height = box?.height ?? rows;
    return { w: width / GRID_COLUMNS, h: height / rows };
  }

  function onKeyDown(event: KeyboardEvent, tile: BoardTileConfig): void {
    const step: Readonly<Record<string, readonly [number, number]>> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const delta = step[event.key];
    if (delta) {
      event.preventDefault();
      const [dx, dy] = delta;
      const next = event.shiftKey ? resizeTile(board, tile.id, dx, dy) : moveTile(board, tile.id, dx, dy);
      const moved = next.tiles.find((t) => t.id === tile.id);
      if (next === board || !moved) {
        announce(`${tileName(tile)} cannot ${event.shiftKey ? 'grow or shrink' : 'move'} that way: the place is taken or off the grid.`);
        return;
      }
      onEdit((b) => (event.shiftKey ? resizeTile(b, tile.id, dx, dy) : moveTile(b, tile.id, dx, dy)));
      announce(`${tileName(tile)}: ${place(moved.layout)}.`);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onEdit((b) => removeTile(b, tile.id));
      onFocusLost();
      announce(`${tileName(tile)} deleted. Undo brings it back.`);
    }
  }

  function onPointerDown(event: PointerEvent<HTMLElement>, tile: BoardTileConfig, mode: Drag['mode']): void {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ id: tile.id, mode, startX: event.clientX, startY: event.clientY, from: tile.layout, to: tile.layout, pointerId: event.pointerId });
    // The resize handle sits on the tile's button: one gesture, not a move as well.
    event.stopPropagation();
  }

  function onPointerMove(event: PointerEvent<HTMLElement>): void {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const cell = cellSize();
    const to = dragged(drag, Math.round((event.clientX - drag.startX) / cell.w), Math.round((event.clientY - drag.startY) / cell.h));
    if (to.x !== drag.to.x || to.y !== drag.to.y || to.w !== drag.to.w || to.h !== drag.to.h) setDrag({ ...drag, to });
  }

  function onPointerUp(event: PointerEvent<HTMLElement>): void {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const { id, from, to } = drag;
    setDrag(undefined);
    const same = from.x === to.x && from.y === to.y && from.w === to.w && from.h === to.h;
    if (same) onSelect(id);
    else if (isFree(board, id, to)) onEdit((b) => setLayout(b, id, to));
  }

  const ghostFree = drag ? isFree(board, drag.id, drag.to) : true;
  // A ghost dragged past an edge is drawn at the edge (and red): the grid cannot place it outside.
  const ghost = drag && {
    x: Math.min(Math.max(0, drag.to.x), GRID_COLUMNS - Math.min(drag.to.w, GRID_COLUMNS)),
    y: Math.max(0, drag.to.y),
    w: Math.min(drag.to.w, GRID_COLUMNS),
    h: drag.to.h,
  };
  return (
    <div
      ref={grid}
      data-testid="editor-grid"
      data-rows={rows}
      className="relative grid w-full gap-1"
      style={{
        gridTemplateColumns: `repeat(${GRID_COLUMNS}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${rows}, ${ROW_REM}rem)`,
        // Faint cell lines show where a tile can go.
        backgroundImage:
          'linear-gradient(to right, rgb(51 65 85 / 0.45) 1px, transparent 1px), linear-gradient(to bottom, rgb(51 65 85 / 0.45) 1px, transparent 1px)',
        backgroundSize: `calc(100% / ${GRID_COLUMNS}) ${ROW_REM}rem`,
      }}
    >
      {board.tiles.map((tile) => {
        const { x, y, w, h } = tile.layout;
        const isSelected = tile.id === selected;
        return (
          <div key={tile.id} className="relative min-h-0 min-w-0" style={{ gridColumn: `${x + 1} / span ${w}`, gridRow: `${y + 1} / span ${h}` }}>
            {/* The live tile is a picture here: the button on top is what is focused and named. */}
            <div inert aria-hidden="true" className="pointer-events-none absolute inset-0 overflow-hidden rounded [contain:strict]">
              <TileErrorBoundary title={tileName(tile)} resetKeys={[tile]}>
                <BoardTile tile={tile} areaAspect={(w / h) * (ROW_REM / 5) * 1.6} />
              </TileErrorBoundary>
            </div>
            <button
              type="button"
              data-testid="editor-tile"
              data-tile={tile.id}
              data-x={x}
              data-y={y}
              data-w={w}
              data-h={h}
              aria-pressed={isSelected}
              aria-label={`${tileName(tile)}, ${place(tile.layout)}`}
              aria-describedby={helpId}
              onKeyDown={(e) => onKeyDown(e, tile)}
              onClick={(e) => {
                // A pointer click is handled on pointer-up (it may have been a drag); Enter and Space arrive here.
                if (e.detail === 0) onSelect(tile.id);
              }}
              onPointerDown={(e) => onPointerDown(e, tile, 'move')}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={() => setDrag(undefined)}
              className={`absolute inset-0 cursor-move touch-none rounded border-2 bg-slate-950/10 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-300 ${
                isSelected ? 'border-sky-300' : 'border-slate-600 hover:border-slate-400'
              }`}
            >
              <span
                data-testid="editor-resize"
                aria-hidden="true"
                onPointerDown={(e) => onPointerDown(e, tile, 'resize')}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerUp}
                className="absolute right-0 bottom-0 size-5 cursor-se-resize rounded-tl bg-sky-300/80"
              />
            </button>
          </div>
        );
      })}
      {ghost && (
        <div
          data-testid="editor-ghost"
          data-free={ghostFree}
          aria-hidden="true"
          className={`pointer-events-none rounded border-2 border-dashed ${ghostFree ? 'border-sky-300 bg-sky-300/15' : 'border-red-400 bg-red-400/20'}`}
          style={{ gridColumn: `${ghost.x + 1} / span ${ghost.w}`, gridRow: `${ghost.y + 1} / span ${ghost.h}` }}
        />
      )}
    </div>
  );
}
