import type { SourceDefinition, SourceKind } from './source-definition.ts';
import { genesysCloudDefinition } from './genesys-cloud/genesys-cloud-definition.ts';
import { genesysV3Definition } from './genesys-v3/genesys-v3-definition.ts';

/**
 * The one module that knows the vendor folders (a lint rule keeps it so): each source kind this
 * build can serve. A kind not here (`gws`, `8x8` until they are built) has no definition, and a
 * board naming it says so on its tiles.
 */
const DEFINITIONS: Readonly<Partial<Record<SourceKind, SourceDefinition>>> = {
  'genesys-v3': genesysV3Definition,
  'genesys-cloud': genesysCloudDefinition,
};

export function sourceDefinition(kind: SourceKind): SourceDefinition | undefined {
  return DEFINITIONS[kind];
}
