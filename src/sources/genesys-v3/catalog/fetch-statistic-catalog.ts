import { parseStatisticCatalog, type StatisticCatalog } from './statistic-catalog.ts';

/** Shipped next to the app: the Statistics API v3 has no call that lists a tenant's statistics (docs/statistics.md). */
export const STATISTIC_CATALOG_FILE = 'statistics.json';

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
export async function fetchStatisticCatalog(url: string, fetchFn: typeof fetch = fetch): Promise<StatisticCatalog> {
  const file = STATISTIC_CATALOG_FILE;
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (cause) {
    throw new StatisticCatalogError('network', `${file} could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  if (!response.ok) throw new StatisticCatalogError('http', `${file}: HTTP ${response.status}`, { status: response.status });
  let json: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    throw new StatisticCatalogError('not-json', `${file} is not JSON`, { cause });
  }
  const result = parseStatisticCatalog(json);
  if (!result.ok) {
    const { path, message } = result.error;
    throw new StatisticCatalogError('invalid', `${file}${path ? ` at ${path}` : ''}: ${message}`, { path });
  }
  return result.catalog;
}
