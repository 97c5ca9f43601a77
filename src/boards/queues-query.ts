import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { useApiClient, type ApiClient } from '../lib/api-client.tsx';
import { fetchListing, type ListingQueryOptions } from './fetch-listing.ts';

const queueSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  channel: z.string().optional(),
  /** Mock addition: the skill whose agents answer the queue. */
  skillId: z.string().optional(),
});
export type Queue = z.infer<typeof queueSchema>;

export function fetchQueues(client: ApiClient): Promise<readonly Queue[]> {
  return fetchListing(client, 'queues', 'queues', queueSchema);
}

export function queuesQueryOptions(client: ApiClient): ListingQueryOptions<Queue, 'queues'> {
  return queryOptions({ queryKey: ['listings', 'queues'] as const, queryFn: () => fetchQueues(client) });
}

export function useQueues(): UseQueryResult<readonly Queue[]> {
  return useQuery(queuesQueryOptions(useApiClient()));
}
