import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { SourceObject } from '../sources/source-definition.ts';
import type { ObjectKind } from '../vocabulary/object-kinds.ts';
import { weightStatisticOf } from './aggregate-weight.ts';
import { EVERY_OBJECT, resolveObjects, type BoardObject, type ResolvedObjects } from './board-objects.ts';
import type { AggregateTileConfig, ObjectRef } from './board-schema.ts';
import { objectsQueryOptions } from './objects-query.ts';
import { useSources } from './sources-context.tsx';

/** An aggregate's first object ref: it names the kind and the noun of all (the schema refuses a mix, and none). */
export function aggregateFirstObject(tile: Pick<AggregateTileConfig, 'id' | 'objects'>): ObjectRef {
  const [first] = tile.objects;
  if (!first) throw new Error(`aggregate tile "${tile.id}" has no objects`);
  return first;
}

export function aggregateObjectKind(tile: Pick<AggregateTileConfig, 'id' | 'objects'>): ObjectKind {
  return aggregateFirstObject(tile).kind;
}

/** What an aggregate subscribes for each of its objects: the statistic, and the weight when weighted. */
export function aggregateStatistics(tile: AggregateTileConfig): readonly { readonly kind: ObjectKind; readonly statistic: string }[] {
  const kind = aggregateObjectKind(tile);
  const weight = weightStatisticOf(tile);
  return weight === undefined ? [{ kind, statistic: tile.statistic }] : [{ kind, statistic: tile.statistic }, { kind, statistic: weight }];
}

/**
 * The objects an aggregate combines, each once however often the refs name it (a queue listed by
 * id and again through `*` must not count twice), in the order the refs give them. A `*` whose
 * listing is not known yet gives none yet.
 */
export function resolveAggregateObjects(refs: readonly ObjectRef[], listed: readonly SourceObject[] | undefined): readonly BoardObject[] {
  const byId = new Map<string, BoardObject>();
  for (const ref of refs) {
    for (const object of resolveObjects(ref, listed)) if (!byId.has(object.id)) byId.set(object.id, object);
  }
  return [...byId.values()];
}

interface ListingResults {
  readonly data: readonly (readonly SourceObject[] | undefined)[];
  readonly error: string | undefined;
}

function combineResults(results: readonly UseQueryResult<readonly SourceObject[]>[]): ListingResults {
  return { data: results.map((result) => result.data), error: results.find((result) => result.isError)?.error?.message };
}

/**
 * An aggregate's objects, from the listing of its kind only when a ref is `*`: concrete ids need no
 * listing, as the tile counts its objects and never names them. Loading until that listing is
 * known, so the tile never presents a partial set of objects as the whole.
 */
export function useAggregateObjects(sourceId: string, refs: readonly ObjectRef[]): ResolvedObjects {
  const sources = useSources();
  const kinds = useMemo(() => [...new Set(refs.filter((ref) => ref.id === EVERY_OBJECT).map((ref) => ref.kind))], [refs]);
  const entry = sources.byId.get(sourceId);
  const results = useQueries({ queries: kinds.map((kind) => objectsQueryOptions(entry, sourceId, kind)), combine: combineResults });
  const objects = useMemo(() => resolveAggregateObjects(refs, results.data[0]), [refs, results.data]);
  if (results.error !== undefined) return { objects, status: 'error', error: results.error };
  if (results.data.some((data) => data === undefined)) return { objects, status: 'loading' };
  return { objects, status: 'ready' };
}
