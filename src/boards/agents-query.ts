import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { useApiClient, type ApiClient } from '../lib/api-client.tsx';
import { fetchListing, type ListingQueryOptions } from './fetch-listing.ts';

const userSchema = z.looseObject({
  id: z.string().min(1),
  userName: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  roles: z.array(z.string()).optional(),
});

/** A user who takes calls, with the name a supervisor knows them by. */
export interface Agent {
  readonly id: string;
  readonly name: string;
  readonly userName: string | undefined;
}

type User = z.infer<typeof userSchema>;

function displayName(user: User): string {
  const full = [user.firstName, user.lastName].filter((part) => part !== undefined && part.trim() !== '').join(' ');
  return full || user.userName || user.id;
}

/** `/api/v2/users` lists administrators too; only agents have a state to show (002: `ROLE_AGENT`). */
export async function fetchAgents(client: ApiClient): Promise<readonly Agent[]> {
  const users = await fetchListing(client, 'users', 'users', userSchema);
  return users
    .filter((user) => user.roles === undefined || user.roles.includes('ROLE_AGENT'))
    .map((user) => ({ id: user.id, name: displayName(user), userName: user.userName }));
}

export function agentsQueryOptions(client: ApiClient): ListingQueryOptions<Agent, 'agents'> {
  return queryOptions({ queryKey: ['listings', 'agents'] as const, queryFn: () => fetchAgents(client) });
}

export function useAgents(): UseQueryResult<readonly Agent[]> {
  return useQuery(agentsQueryOptions(useApiClient()));
}
