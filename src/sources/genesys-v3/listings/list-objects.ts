import type { ObjectKind } from '../../../vocabulary/object-kinds.ts';
import type { SourceObject } from '../../source-definition.ts';
import { fetchAgents } from './fetch-agents.ts';
import { fetchNamedListing, type ListingFetch } from './fetch-listing.ts';

/**
 * Every object of a kind from the Web Services listings (docs/vendors/genesys-engage.md): a skill's
 * id is also its virtual queue's and its agent group's; `/api/v2/agent-groups` (a mock addition)
 * lists teams and skills' groups.
 */
export function listEngageObjects(fetchFn: ListingFetch, kind: ObjectKind): Promise<readonly SourceObject[]> {
  switch (kind) {
    case 'queue':
      return fetchNamedListing(fetchFn, 'queues', 'queues');
    case 'skill':
      return fetchNamedListing(fetchFn, 'skills', 'skills');
    case 'agent-group':
      return fetchNamedListing(fetchFn, 'agent-groups', 'agentGroups');
    case 'agent':
      return fetchAgents(fetchFn);
  }
}
