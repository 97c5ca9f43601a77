import { z } from 'zod';
import type { SourceObject } from '../../source-definition.ts';
import { fetchListing, type ListingFetch } from './fetch-listing.ts';

const userSchema = z.looseObject({
  id: z.string().min(1),
  userName: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  roles: z.array(z.string()).optional(),
});

type User = z.infer<typeof userSchema>;

function displayName(user: User): string {
  const full = [user.firstName, user.lastName].filter((part) => part !== undefined && part.trim() !== '').join(' ');
  return full || user.userName || user.id;
}

/** `/api/v2/users` lists administrators too; only agents have a state to show (`ROLE_AGENT`, docs/vendors/genesys-engage.md). */
export async function fetchAgents(fetchFn: ListingFetch): Promise<readonly SourceObject[]> {
  const users = await fetchListing(fetchFn, 'users', 'users', userSchema);
  return users.filter((user) => user.roles === undefined || user.roles.includes('ROLE_AGENT')).map((user) => ({ id: user.id, name: displayName(user) }));
}
