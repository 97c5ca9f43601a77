import { staticFileUrl } from '../../lib/static-file-url.ts';
import type { SourceCatalog, SourceDefinition } from '../source-definition.ts';
import { fetchStatisticCatalog, STATISTIC_CATALOG_FILE } from './catalog/fetch-statistic-catalog.ts';
import { toSourceCatalog } from './catalog/to-source-catalog.ts';
import { createGenesysV3Source, GENESYS_V3_SOURCE } from './create-genesys-v3-source.ts';
import { listEngageObjects } from './listings/list-objects.ts';

/**
 * With nothing to say, the server still answers the CometD long poll every 30 s (its Bayeux
 * `timeout`); no sign of life for longer than that plus a margin means the connection is dead.
 */
export const ENGAGE_SILENCE_LIMIT_MS = 35_000;

/** statistics.json once per page (it changes only with a deployment); a failed fetch is tried again next time. */
let catalog: Promise<SourceCatalog> | undefined;
function shippedCatalog(): Promise<SourceCatalog> {
  catalog ??= fetchStatisticCatalog(staticFileUrl(STATISTIC_CATALOG_FILE)).then(toSourceCatalog);
  catalog.catch(() => {
    catalog = undefined;
  });
  return catalog;
}

/** Genesys Engage: Statistics API v3 over REST and CometD, listings from Web Services (docs/vendors/genesys-engage.md). */
export const genesysV3Definition: SourceDefinition = {
  kind: GENESYS_V3_SOURCE,
  label: 'Genesys Engage',
  freshness: { mode: 'push', silenceLimitMs: ENGAGE_SILENCE_LIMIT_MS },
  prepare() {
    void shippedCatalog();
  },
  loadCatalog: () => shippedCatalog(),
  listObjects: (context, kind) => listEngageObjects(context.authorizedFetch, kind),
  createSource(context, catalog, sink) {
    return createGenesysV3Source({
      sourceId: context.settings.id,
      catalog,
      baseUrl: context.settings.apiBaseUrl,
      apiKey: context.settings.apiKey ?? '',
      getAccessToken: context.getAccessToken,
      onTokenChange: context.onTokenChange,
      handleUnauthorized: context.handleUnauthorized,
      authorizedFetch: (input, init) => context.authorizedFetch(input, init),
      sink,
    });
  },
};
