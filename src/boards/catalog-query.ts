import type { QueryKey } from '@tanstack/react-query';
import type { ApiClient } from '../lib/api-client.tsx';
import { agentGroupsQueryOptions, fetchAgentGroups } from './agent-groups-query.ts';
import { agentsQueryOptions, fetchAgents } from './agents-query.ts';
import type { BoardObjectType, Catalog } from './board-schema.ts';
import type { CatalogObject } from './fetch-listing.ts';
import { fetchQueues, queuesQueryOptions } from './queues-query.ts';
import { fetchSkills, skillsQueryOptions } from './skills-query.ts';

/** Where `"id": "*"` expands from when a tile does not say; a skill's agent group has the skill's id. */
const DEFAULT_CATALOG: Readonly<Record<BoardObjectType, Catalog>> = {
  Queue: 'queues',
  GroupAgents: 'skills',
  Agent: 'agents',
};

export function catalogFor(object: { readonly type: BoardObjectType; readonly catalog?: Catalog | undefined }): Catalog {
  return object.catalog ?? DEFAULT_CATALOG[object.type];
}

/** A listing query seen only as ids and names, so one hook can ask for any mix of catalogs. */
export interface CatalogQuery {
  readonly queryKey: QueryKey;
  readonly queryFn: () => Promise<readonly CatalogObject[]>;
}

/** The key of the listing's own query file and its fetcher: each catalog is fetched and cached once. */
export function catalogQueryOptions(client: ApiClient, catalog: Catalog): CatalogQuery {
  switch (catalog) {
    case 'queues':
      return { queryKey: queuesQueryOptions(client).queryKey, queryFn: () => fetchQueues(client) };
    case 'skills':
      return { queryKey: skillsQueryOptions(client).queryKey, queryFn: () => fetchSkills(client) };
    case 'agents':
      return { queryKey: agentsQueryOptions(client).queryKey, queryFn: () => fetchAgents(client) };
    case 'agent-groups':
      return { queryKey: agentGroupsQueryOptions(client).queryKey, queryFn: () => fetchAgentGroups(client) };
  }
}
