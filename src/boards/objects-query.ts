import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { SourceObject } from '../sources/source-definition.ts';
import type { ObjectKind } from '../vocabulary/object-kinds.ts';
import { useSources, type SourceEntry } from './sources-context.tsx';

export type ObjectsQueryKey = readonly ['objects', string, ObjectKind];

/** Why a source's objects cannot be listed at all: a tile names a source nobody configured. */
export class UnknownSourceError extends Error {
  override readonly name = 'UnknownSourceError';
}

/**
 * Every object of a kind that a source lists, fetched and cached once per source and kind however
 * many tiles expand `*` from it or pickers offer it. Waits (disabled) until the person is signed in
 * to that source.
 */
export function objectsQueryOptions(entry: SourceEntry | undefined, sourceId: string, kind: ObjectKind) {
  const context = entry?.context;
  return queryOptions<readonly SourceObject[], Error, readonly SourceObject[], ObjectsQueryKey>({
    queryKey: ['objects', sourceId, kind] as const,
    queryFn: () => {
      if (!entry) return Promise.reject(new UnknownSourceError(`no source "${sourceId}" is configured`));
      if (!context) return Promise.reject(new Error(`not signed in to ${entry.definition.label}`));
      return entry.definition.listObjects(context, kind);
    },
    enabled: entry === undefined || context !== undefined,
    retry: (failures, error) => !(error instanceof UnknownSourceError) && failures < 3,
  });
}

export function useObjects(sourceId: string, kind: ObjectKind): UseQueryResult<readonly SourceObject[]> {
  const sources = useSources();
  return useQuery(objectsQueryOptions(sources.byId.get(sourceId), sourceId, kind));
}
