import type { ObjectKind } from '../../vocabulary/object-kinds.ts';
import { objectKindWords } from '../../vocabulary/object-kinds.ts';
import type { SourceContext, SourceObject } from '../source-definition.ts';
import { createGcHttp } from './gc-http.ts';
import { readListing } from './gc-listing.ts';
import { createRequestGate } from './gc-request-gate.ts';
import { namedEntitySchema } from './gc-rest-schemas.ts';
import { globalGcTimers, type GcTimers } from './gc-timers.ts';

const LISTINGS: Readonly<Partial<Record<ObjectKind, string>>> = {
  queue: '/api/v2/routing/queues',
  skill: '/api/v2/routing/skills',
  agent: '/api/v2/users',
};

/**
 * Every queue, skill or user of the org (docs/vendors/genesys-cloud.md "The Genesys Cloud source
 * in the app"), all pages, sorted by name. An entry that does not parse is left out; the list is
 * refused only when the platform refuses it, with words a person can act on.
 */
export async function listGcObjects(context: SourceContext, kind: ObjectKind, timers: GcTimers = globalGcTimers): Promise<readonly SourceObject[]> {
  const path = LISTINGS[kind];
  if (path === undefined) throw new Error(`Genesys Cloud has no ${objectKindWords(kind).many} to list here`);
  const http = createGcHttp({
    authorizedFetch: context.authorizedFetch,
    getAccessToken: context.getAccessToken,
    handleUnauthorized: context.handleUnauthorized,
    gate: createRequestGate(timers, Math.random),
    timers,
    dropped: () => undefined,
    timeoutMs: 20_000,
  });
  const listing = await readListing(http, path, namedEntitySchema);
  if (!listing.ok) {
    const why = listing.kind === 'stopped' ? 'stopped' : listing.message;
    throw new Error(`Genesys Cloud did not list its ${objectKindWords(kind).many}: ${why}`);
  }
  return listing.items.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
