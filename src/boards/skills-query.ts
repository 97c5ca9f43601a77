import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { useApiClient, type ApiClient } from '../lib/api-client.tsx';
import { fetchListing, type ListingQueryOptions } from './fetch-listing.ts';

const skillSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
});
export type Skill = z.infer<typeof skillSchema>;

export function fetchSkills(client: ApiClient): Promise<readonly Skill[]> {
  return fetchListing(client, 'skills', 'skills', skillSchema);
}

export function skillsQueryOptions(client: ApiClient): ListingQueryOptions<Skill, 'skills'> {
  return queryOptions({ queryKey: ['listings', 'skills'] as const, queryFn: () => fetchSkills(client) });
}

export function useSkills(): UseQueryResult<readonly Skill[]> {
  return useQuery(skillsQueryOptions(useApiClient()));
}
