import { queryOptions, useQuery, type DataTag, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import { staticFileUrl } from '../boards/static-file-url.ts';
import { parseStatisticCatalog, type StatisticCatalog } from './statistic-catalog.ts';

const FILE = 'statistics.json';

/**
 * Why the catalog could not be had. `network` and a server error may pass, so they are retried;
 * a missing file, or one that is not a valid catalog, stays so until someone deploys another.
 */
export type StatisticCatalogErrorKind = 'network' | 'http' | 'not-json' | 'invalid';

export class StatisticCatalogError extends Error {
  override readonly name = 'StatisticCatalogError';
  readonly kind: StatisticCatalogErrorKind;
  /** The bad field of an `invalid` file (`statistics[3].objectType`); empty otherwise. */
  readonly path: string;
  readonly retryable: boolean;

  constructor(kind: StatisticCatalogErrorKind, message: string, options: { readonly path?: string; readonly status?: number; readonly cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.path = options.path ?? '';
    this.retryable = kind === 'network' || (kind === 'http' && (options.status ?? 0) >= 500);
  }
}

/** A static file of the app (no API base, no token), like the shipped boards. */
export async function fetchStatisticCatalog(): Promise<StatisticCatalog> {
  let response: Response;
  try {
    response = await fetch(staticFileUrl(FILE));
  } catch (cause) {
    throw new StatisticCatalogError('network', `${FILE} could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  if (!response.ok) throw new StatisticCatalogError('http', `${FILE}: HTTP ${response.status}`, { status: response.status });
  let json: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    throw new StatisticCatalogError('not-json', `${FILE} is not JSON`, { cause });
  }
  const result = parseStatisticCatalog(json);
  if (!result.ok) {
    const { path, message } = result.error;
    throw new StatisticCatalogError('invalid', `${FILE}${path ? ` at ${path}` : ''}: ${message}`, { path });
  }
  return result.catalog;
}

type CatalogKey = readonly ['statistics', 'catalog'];

const MAX_RETRIES = 3;

export function statisticCatalogQueryOptions(): UseQueryOptions<StatisticCatalog, StatisticCatalogError, StatisticCatalog, CatalogKey> & {
  queryKey: DataTag<CatalogKey, StatisticCatalog, StatisticCatalogError>;
} {
  return queryOptions({
    queryKey: ['statistics', 'catalog'] as const,
    queryFn: fetchStatisticCatalog,
    // The query client's retries are for failures that pass; a bad file is refused once, with its field named.
    retry: (failureCount, error) => error.retryable && failureCount < MAX_RETRIES,
  });
}

/** The pre-configured statistics, for the board editor's statistic picker. */
export function useStatisticCatalog(): UseQueryResult<StatisticCatalog, StatisticCatalogError> {
  return useQuery(statisticCatalogQueryOptions());
}
