import type { BoardTile } from '../boards/board-schema.ts';
import { wallboardStatistic } from '../vocabulary/statistics.ts';

const KIND_NAMES: Readonly<Record<BoardTile['kind'], string>> = {
  stat: 'Number',
  aggregate: 'Combined number',
  table: 'Table',
  trend: 'Trend',
  'agent-grid': 'Agent grid',
};

/** How the editor names a tile to a person: its title, else what it shows and how. */
export function tileName(tile: BoardTile): string {
  if (tile.title) return tile.title;
  if (tile.kind === 'table') return `${KIND_NAMES.table} of ${tile.columns.length} statistics`;
  if (tile.kind === 'agent-grid') return KIND_NAMES['agent-grid'];
  return `${KIND_NAMES[tile.kind]}: ${wallboardStatistic(tile.statistic)?.label ?? tile.statistic}`;
}
