import type { SourceDefinition } from '../source-definition.ts';
import { createGenesysCloudSource } from './create-genesys-cloud-source.ts';
import { genesysCloudCatalog } from './gc-catalog.ts';
import { listGcObjects } from './gc-list-objects.ts';

/**
 * Genesys Cloud as a source of the wallboard (docs/vendors/genesys-cloud.md "The Genesys Cloud
 * source in the app"). Push: the notification sockets send a heartbeat about every 30 s, so 75 s
 * of silence means a dead socket.
 */
export const genesysCloudDefinition: SourceDefinition = {
  kind: 'genesys-cloud',
  label: 'Genesys Cloud',
  freshness: { mode: 'push', silenceLimitMs: 75_000 },
  loadCatalog: () => Promise.resolve(genesysCloudCatalog()),
  listObjects: (context, kind) => listGcObjects(context, kind),
  createSource: (context, _catalog, sink) =>
    createGenesysCloudSource({
      authorizedFetch: context.authorizedFetch,
      getAccessToken: context.getAccessToken,
      onTokenChange: context.onTokenChange,
      handleUnauthorized: context.handleUnauthorized,
      sink,
      sourceId: context.settings.id,
    }),
};
