import type { ReactElement } from 'react';
import { BreachSound } from '../alerts/breach-sound.tsx';
import { GRID_COLUMNS, type Board } from '../boards/board-schema.ts';
import { BoardTile } from './board-tile.tsx';
import { wallboardStatistic } from '../vocabulary/statistics.ts';
import { TileErrorBoundary } from './tile-error-boundary.tsx';

/** A board is laid out for a 16:9 screen; tiles use this to shape their contents, CSS does the rest. */
const SCREEN_ASPECT = 16 / 9;

function tileTitle(tile: Board['tiles'][number]): string {
  if (tile.title) return tile.title;
  return 'statistic' in tile ? (wallboardStatistic(tile.statistic)?.label ?? tile.statistic) : tile.id;
}

export interface BoardViewProps {
  readonly board: Board;
  /**
   * Kiosk: the board fills the screen exactly, never scrolls (a TV has no one to scroll it); tiles
   * and their text scale with the screen instead.
   */
  readonly fit?: boolean;
}

/**
 * A board on its 12-column grid, filling the height its parent gives it (the app shell puts it
 * below the header in a flex column: `flex-1 min-h-0`). Rows share the height evenly, never
 * shrinking below what a laptop can still read; the grid scrolls rather than squashing tiles —
 * except in `fit` mode. Each tile sits in its own error boundary.
 */
export function BoardView({ board, fit = false }: BoardViewProps): ReactElement {
  const rows = Math.max(1, ...board.tiles.map((tile) => tile.layout.y + tile.layout.h));
  return (
    // One chime when a tile of the board enters a breach, if the board asks for sound (src/alerts/).
    <BreachSound enabled={board.sound === true}>
      <div
        data-board={board.id}
        // A board taller than the window scrolls: keyboard users must be able to reach it and
        // scroll it too (axe: scrollable-region-focusable), and a screen reader names it.
        role="region"
        aria-label={board.title}
        tabIndex={fit ? undefined : 0}
        className={`grid h-full min-h-0 w-full gap-[0.5vmin] bg-slate-950 p-[0.5vmin] text-slate-100 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-sky-400 ${fit ? 'overflow-hidden' : 'overflow-auto'}`}
        style={{
          gridTemplateColumns: `repeat(${GRID_COLUMNS}, minmax(0, 1fr))`,
          gridTemplateRows: `repeat(${rows}, ${fit ? 'minmax(0, 1fr)' : 'minmax(3.5rem, 1fr)'})`,
        }}
      >
        {board.tiles.map((tile) => {
          const { x, y, w, h } = tile.layout;
          const areaAspect = ((w / GRID_COLUMNS) * SCREEN_ASPECT) / (h / rows);
          // `contain: strict` gives every cell its own paint layer: a new value repaints its tile,
          // not the board (docs/performance.md, paint per frame under the firehose 16.1 → 13.2 ms).
          return (
            <div key={tile.id} data-testid="board-cell" className="min-h-0 min-w-0 [contain:strict]" style={{ gridColumn: `${x + 1} / span ${w}`, gridRow: `${y + 1} / span ${h}` }}>
              <TileErrorBoundary title={tileTitle(tile)} resetKeys={[tile]}>
                <BoardTile tile={tile} areaAspect={areaAspect} />
              </TileErrorBoundary>
            </div>
          );
        })}
      </div>
    </BreachSound>
  );
}
