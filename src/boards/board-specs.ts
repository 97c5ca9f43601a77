import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { SourceObject } from '../sources/source-definition.ts';
import { statKey, type StatSpec } from '../sources/stat-spec.ts';
import type { ObjectKind } from '../vocabulary/object-kinds.ts';
import { resolveObjects, EVERY_OBJECT } from './board-objects.ts';
import { aggregateStatistics } from './aggregate-objects.ts';
import type { Board, BoardTile, ObjectRef } from './board-schema.ts';
import { objectsQueryOptions } from './objects-query.ts';
import { statSpecFor } from './stat-spec-for.ts';
import { tileSourceId, useSources, type Sources } from './sources-context.tsx';

/** A listing a board needs: every object of a kind of one source. */
export interface Listing {
  readonly source: string;
  readonly kind: ObjectKind;
}

const listingKey = ({ source, kind }: Listing): string => `${source}|${kind}`;

/** Listings known so far, by `source|kind`. */
export type ListingData = ReadonlyMap<string, readonly SourceObject[]>;

/** A statistic a tile shows for each of its objects, with its answer-time target if it has one. */
interface TileStatistic {
  readonly kind: ObjectKind;
  readonly statistic: string;
  readonly serviceLevelSeconds?: number | undefined;
}

/** The statistics a tile shows for each of its objects. */
function tileStatistics(tile: BoardTile): readonly TileStatistic[] {
  switch (tile.kind) {
    case 'table':
      return tile.columns.map((column) => ({
        kind: column.objectKind ?? tile.object.kind,
        statistic: column.statistic,
        serviceLevelSeconds: column.serviceLevelSeconds,
      }));
    case 'stat':
    case 'trend':
      return [{ kind: tile.object.kind, statistic: tile.statistic, serviceLevelSeconds: tile.serviceLevelSeconds }];
    case 'agent-grid':
      return [{ kind: tile.object.kind, statistic: tile.statistic }];
    case 'aggregate':
      return aggregateStatistics(tile);
  }
}

/** The objects a tile names: its `object`, or an aggregate's `objects`. */
function tileObjects(tile: BoardTile): readonly ObjectRef[] {
  return tile.kind === 'aggregate' ? tile.objects : [tile.object];
}

/** Listings whose objects decide which statistics a board needs (those its `*` tiles expand from). */
export function boardListings(board: Board, sources: Pick<Sources, 'defaultSource'>): readonly Listing[] {
  const listings = new Map<string, Listing>();
  for (const tile of board.tiles) {
    const source = tileSourceId(tile, sources);
    for (const ref of tileObjects(tile)) {
      if (ref.id !== EVERY_OBJECT) continue;
      const listing = { source, kind: ref.kind };
      listings.set(listingKey(listing), listing);
    }
  }
  return [...listings.values()];
}

/**
 * Every StatSpec a board needs with the listings known so far, in board order, each key once: two
 * tiles showing the same value share one subscription. A `*` tile whose listing is not known yet
 * needs nothing yet.
 */
export function boardSpecs(board: Board, listings: ListingData, sources: Pick<Sources, 'defaultSource'>): readonly StatSpec[] {
  const specs = new Map<string, StatSpec>();
  for (const tile of board.tiles) {
    const source = tileSourceId(tile, sources);
    const objects = tileObjects(tile).flatMap((ref) => resolveObjects(ref, listings.get(listingKey({ source, kind: ref.kind }))));
    for (const { kind, statistic, serviceLevelSeconds } of tileStatistics(tile)) {
      for (const object of objects) {
        const spec = statSpecFor(source, kind, object.id, statistic, serviceLevelSeconds);
        const key = statKey(spec);
        if (!specs.has(key)) specs.set(key, spec);
      }
    }
  }
  return [...specs.values()];
}

function listingData(results: readonly UseQueryResult<readonly SourceObject[]>[]): readonly (readonly SourceObject[] | undefined)[] {
  return results.map((result) => result.data);
}

/** The specs of several boards, each key once (a playlist subscribes to all its boards). */
export function boardsSpecs(boards: readonly Board[], listings: ListingData, sources: Pick<Sources, 'defaultSource'>): readonly StatSpec[] {
  if (boards.length === 1 && boards[0]) return boardSpecs(boards[0], listings, sources);
  const specs = new Map<string, StatSpec>();
  for (const board of boards) for (const spec of boardSpecs(board, listings, sources)) specs.set(statKey(spec), spec);
  return [...specs.values()];
}

const NO_BOARDS: readonly Board[] = [];

/**
 * What the sources must keep subscribed for the boards given (the app passes each source its own
 * to `StatSource.watch`): the board on screen, or a kiosk's whole playlist so the next board is
 * live the moment it shows. The array keeps its identity until a board or a listing changes; pass
 * a memoized `boards`.
 */
export function useBoardsSpecs(boards: readonly Board[]): readonly StatSpec[] {
  const sources = useSources();
  const { defaultSource } = sources;
  const listings = useMemo(() => {
    const all = new Map<string, Listing>();
    for (const board of boards) for (const listing of boardListings(board, { defaultSource })) all.set(listingKey(listing), listing);
    return [...all.values()];
  }, [boards, defaultSource]);
  const data = useQueries({
    queries: listings.map(({ source, kind }) => objectsQueryOptions(sources.byId.get(source), source, kind)),
    combine: listingData,
  });
  return useMemo(() => {
    if (boards.length === 0) return [];
    const known = new Map<string, readonly SourceObject[]>();
    listings.forEach((listing, index) => {
      const objects = data[index];
      if (objects) known.set(listingKey(listing), objects);
    });
    return boardsSpecs(boards, known, { defaultSource });
  }, [boards, listings, data, defaultSource]);
}

/** The board on screen's specs (see useBoardsSpecs). */
export function useBoardSpecs(board: Board | undefined): readonly StatSpec[] {
  const boards = useMemo(() => (board ? [board] : NO_BOARDS), [board]);
  return useBoardsSpecs(boards);
}
