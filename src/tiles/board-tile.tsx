import type { ReactElement } from 'react';
import type { BoardTile as BoardTileConfig } from '../boards/board-schema.ts';
import { AgentGrid } from './agent-grid.tsx';
import { AggregateTile } from './aggregate-tile.tsx';
import { QueueTable } from './queue-table.tsx';
import { StatTileGroup } from './stat-tile-group.tsx';
import { TrendTile } from './trend-tile.tsx';

/** The component for a tile of the board file, by its kind. */
export function BoardTile({ tile, areaAspect }: { readonly tile: BoardTileConfig; readonly areaAspect: number }): ReactElement {
  switch (tile.kind) {
    case 'stat':
      return <StatTileGroup tile={tile} areaAspect={areaAspect} />;
    case 'table':
      return <QueueTable tile={tile} />;
    case 'agent-grid':
      return <AgentGrid tile={tile} />;
    case 'trend':
      return <TrendTile tile={tile} />;
    case 'aggregate':
      return <AggregateTile tile={tile} />;
  }
}
