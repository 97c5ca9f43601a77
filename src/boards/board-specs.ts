import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApiClient } from '../lib/api-client.tsx';
import { statKey, type StatSpec } from '../sources/stat-spec.ts';
import { resolveObjects, EVERY_OBJECT } from './board-objects.ts';
import { aggregateStatistics } from './aggregate-objects.ts';
import type { Board, BoardTile, Catalog, ObjectRef } from './board-schema.ts';
import { catalogFor, catalogQueryOptions } from './catalog-query.ts';
import type { CatalogObject } from './fetch-listing.ts';
import { statSpecFor } from './stat-spec-for.ts';

export type CatalogData = ReadonlyMap<Catalog, readonly CatalogObject[]>;

/** A statistic a tile shows for each of its objects, with its answer-time target if it has one. */
interface TileStatistic {
  readonly objectType: string;
  readonly statistic: string;
  readonly serviceLevelSeconds?: number | undefined;
}

/** The statistics a tile shows for each of its objects. */
function tileStatistics(tile: BoardTile): readonly TileStatistic[] {
  switch (tile.kind) {
    case 'table':
      return tile.columns.map((column) => ({
        objectType: column.objectType ?? tile.object.type,
        statistic: column.statistic,
        serviceLevelSeconds: column.serviceLevelSeconds,
      }));
    case 'stat':
    case 'trend':
      return [{ objectType: tile.object.type, statistic: tile.statistic, serviceLevelSeconds: tile.serviceLevelSeconds }];
    case 'agent-grid':
      return [{ objectType: tile.object.type, statistic: tile.statistic }];
    case 'aggregate':
      return aggregateStatistics(tile);
  }
}

/** The objects a tile names: its `object`, or an aggregate's `objects`. */
function tileObjects(tile: BoardTile): readonly ObjectRef[] {
  return tile.kind === 'aggregate' ? tile.objects : [tile.object];
}

/** Catalogs whose listing decides which statistics a board needs (those its `*` tiles expand from). */
export function boardCatalogs(board: Board): readonly Catalog[] {
  const everyOf = board.tiles.flatMap(tileObjects).filter((ref) => ref.id === EVERY_OBJECT);
  return [...new Set(everyOf.map(catalogFor))];
}

/**
 * Every StatSpec a board needs with the catalogs known so far, in board order, each key once: two
 * tiles showing the same value share one subscription. A `*` tile whose catalog is not known yet
 * needs nothing yet.
 */
export function boardSpecs(board: Board, catalogs: CatalogData): readonly StatSpec[] {
  const specs = new Map<string, StatSpec>();
  for (const tile of board.tiles) {
    const objects = tileObjects(tile).flatMap((ref) => resolveObjects(ref, catalogs.get(catalogFor(ref))));
    for (const { objectType, statistic, serviceLevelSeconds } of tileStatistics(tile)) {
      for (const object of objects) {
        const spec = statSpecFor(objectType, object.id, statistic, serviceLevelSeconds);
        const key = statKey(spec);
        if (!specs.has(key)) specs.set(key, spec);
      }
    }
  }
  return [...specs.values()];
}

function combineCatalogs(results: readonly UseQueryResult<readonly CatalogObject[]>[]): readonly (readonly CatalogObject[] | undefined)[] {
  return results.map((result) => result.data);
}

/** The specs of several boards, each key once (a playlist subscribes to all its boards). */
export function boardsSpecs(boards: readonly Board[], catalogs: CatalogData): readonly StatSpec[] {
  if (boards.length === 1 && boards[0]) return boardSpecs(boards[0], catalogs);
  const specs = new Map<string, StatSpec>();
  for (const board of boards) for (const spec of boardSpecs(board, catalogs)) specs.set(statKey(spec), spec);
  return [...specs.values()];
}

const NO_BOARDS: readonly Board[] = [];

/**
 * What the source must keep subscribed for the boards given (the app passes it to
 * `StatSource.watch`): the board on screen, or a kiosk's whole playlist so the next board is live
 * the moment it shows. The array keeps its identity until a board or a catalog changes; pass a
 * memoized `boards`.
 */
export function useBoardsSpecs(boards: readonly Board[]): readonly StatSpec[] {
  const client = useApiClient();
  const catalogs = useMemo(() => [...new Set(boards.flatMap(boardCatalogs))], [boards]);
  const data = useQueries({ queries: catalogs.map((catalog) => catalogQueryOptions(client, catalog)), combine: combineCatalogs });
  return useMemo(() => {
    if (boards.length === 0) return [];
    const known = new Map<Catalog, readonly CatalogObject[]>();
    catalogs.forEach((catalog, index) => {
      const objects = data[index];
      if (objects) known.set(catalog, objects);
    });
    return boardsSpecs(boards, known);
  }, [boards, catalogs, data]);
}

/** The board on screen's specs (see useBoardsSpecs). */
export function useBoardSpecs(board: Board | undefined): readonly StatSpec[] {
  const boards = useMemo(() => (board ? [board] : NO_BOARDS), [board]);
  return useBoardsSpecs(boards);
}
