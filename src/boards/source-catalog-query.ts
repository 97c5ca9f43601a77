import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { SourceCatalog } from '../sources/source-definition.ts';
import { useSources, type SourceEntry } from './sources-context.tsx';

export type SourceCatalogQueryKey = readonly ['source-catalog', string];

/** The statistics a source offers (src/sources/source-definition.ts `loadCatalog`), once per source. */
export function sourceCatalogQueryOptions(entry: SourceEntry | undefined, sourceId: string) {
  const context = entry?.context;
  return queryOptions<SourceCatalog, Error, SourceCatalog, SourceCatalogQueryKey>({
    queryKey: ['source-catalog', sourceId] as const,
    queryFn: () => {
      if (!entry || !context) return Promise.reject(new Error(`no signed-in source "${sourceId}"`));
      return entry.definition.loadCatalog(context);
    },
    enabled: context !== undefined,
    // A catalog changes only with a deployment: keep it for the session.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSourceCatalog(sourceId: string): UseQueryResult<SourceCatalog> {
  const sources = useSources();
  return useQuery(sourceCatalogQueryOptions(sources.byId.get(sourceId), sourceId));
}
