import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { useApiClient, type ApiClient } from '../lib/api-client.tsx';
import { fetchListing, type ListingQueryOptions } from './fetch-listing.ts';

/** Mock addition (`/api/v2/agent-groups`): a skill's agent group (id = skill id) or a team. */
const agentGroupSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  type: z.string().optional(),
});
export type AgentGroup = z.infer<typeof agentGroupSchema>;

export function fetchAgentGroups(client: ApiClient): Promise<readonly AgentGroup[]> {
  return fetchListing(client, 'agent-groups', 'agentGroups', agentGroupSchema);
}

export function agentGroupsQueryOptions(client: ApiClient): ListingQueryOptions<AgentGroup, 'agent-groups'> {
  return queryOptions({ queryKey: ['listings', 'agent-groups'] as const, queryFn: () => fetchAgentGroups(client) });
}

export function useAgentGroups(): UseQueryResult<readonly AgentGroup[]> {
  return useQuery(agentGroupsQueryOptions(useApiClient()));
}
