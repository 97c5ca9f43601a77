import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApiClient } from '../lib/api-client.tsx';
import { weightStatisticOf } from './aggregate-weight.ts';
import { EVERY_OBJECT, resolveObjects, type BoardObject, type ResolvedObjects } from './board-objects.ts';
import type { AggregateTileConfig, BoardObjectType, Catalog, ObjectRef } from './board-schema.ts';
import { catalogFor, catalogQueryOptions } from './catalog-query.ts';
import type { CatalogObject } from './fetch-listing.ts';

/** An aggregate's first object ref: it names the type and the noun of all (the schema refuses a mix, and none). */
export function aggregateFirstObject(tile: Pick<AggregateTileConfig, 'id' | 'objects'>): ObjectRef {
  const [first] = tile.objects;
  if (!first) throw new Error(`aggregate tile "${tile.id}" has no objects`);
  return first;
}

export function aggregateObjectType(tile: Pick<AggregateTileConfig, 'id' | 'objects'>): BoardObjectType {
  return aggregateFirstObject(tile).type;
}

/** What an aggregate subscribes for each of its objects: the statistic, and the weight when weighted. */
export function aggregateStatistics(tile: AggregateTileConfig): readonly { readonly objectType: string; readonly statistic: string }[] {
  const objectType = aggregateObjectType(tile);
  const weight = weightStatisticOf(tile);
  return weight === undefined ? [{ objectType, statistic: tile.statistic }] : [{ objectType, statistic: tile.statistic }, { objectType, statistic: weight }];
}

/**
 * The objects an aggregate combines, each once however often the refs name it (a queue listed by
 * id and again through `*` must not count twice), in the order the refs give them. A `*` whose
 * catalog is not known yet gives none yet.
 */
export function resolveAggregateObjects(refs: readonly ObjectRef[], catalogs: ReadonlyMap<Catalog, readonly CatalogObject[]>): readonly BoardObject[] {
  const byId = new Map<string, BoardObject>();
  for (const ref of refs) {
    for (const object of resolveObjects(ref, catalogs.get(catalogFor(ref)))) if (!byId.has(object.id)) byId.set(object.id, object);
  }
  return [...byId.values()];
}

interface CatalogResults {
  readonly data: readonly (readonly CatalogObject[] | undefined)[];
  readonly error: string | undefined;
}

function combineResults(results: readonly UseQueryResult<readonly CatalogObject[]>[]): CatalogResults {
  return { data: results.map((result) => result.data), error: results.find((result) => result.isError)?.error?.message };
}

/**
 * An aggregate's objects, from the listings of its `*` refs only: concrete ids need no listing, as
 * the tile counts its objects and never names them. Loading until every `*` catalog is known, so the
 * tile never presents a partial set of objects as the whole.
 */
export function useAggregateObjects(refs: readonly ObjectRef[]): ResolvedObjects {
  const client = useApiClient();
  const catalogs = useMemo(() => [...new Set(refs.filter((ref) => ref.id === EVERY_OBJECT).map(catalogFor))], [refs]);
  const results = useQueries({ queries: catalogs.map((catalog) => catalogQueryOptions(client, catalog)), combine: combineResults });
  const objects = useMemo(() => {
    const known = new Map<Catalog, readonly CatalogObject[]>();
    catalogs.forEach((catalog, index) => {
      const data = results.data[index];
      if (data) known.set(catalog, data);
    });
    return resolveAggregateObjects(refs, known);
  }, [refs, catalogs, results.data]);
  if (results.error !== undefined) return { objects, status: 'error', error: results.error };
  if (results.data.some((data) => data === undefined)) return { objects, status: 'loading' };
  return { objects, status: 'ready' };
}
