import type { SourceDefinition, SourceKind } from './source-definition.ts';

/**
 * The one module that knows the vendor folders (a lint rule keeps it so): each source kind this
 * build can serve, loaded on demand — a deployment that uses one vendor never downloads another's
 * code (Genesys Engage's brings the CometD client, Genesys Cloud's its own). A kind not here
 * (`gws`, `8x8` until they are built) has no definition, and a board naming it says so on its tiles.
 */
const LOADERS: Readonly<Partial<Record<SourceKind, () => Promise<SourceDefinition>>>> = {
  'genesys-v3': () => import('./genesys-v3/genesys-v3-definition.ts').then((module) => module.genesysV3Definition),
  'genesys-cloud': () => import('./genesys-cloud/genesys-cloud-definition.ts').then((module) => module.genesysCloudDefinition),
};

const loaded = new Map<SourceKind, Promise<SourceDefinition>>();

/** The definition of a kind, loaded once; undefined for a kind this build cannot serve. */
export function loadSourceDefinition(kind: SourceKind): Promise<SourceDefinition> | undefined {
  const loader = LOADERS[kind];
  if (!loader) return undefined;
  let promise = loaded.get(kind);
  if (!promise) {
    promise = loader();
    // A failed download (a deployment replaced under a running page) may be tried again.
    promise.catch(() => loaded.delete(kind));
    loaded.set(kind, promise);
  }
  return promise;
}
