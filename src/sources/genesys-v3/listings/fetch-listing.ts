import { z } from 'zod';
import type { SourceObject } from '../../source-definition.ts';

/** Web Services envelope (docs/vendors/genesys-engage.md "Web Services listings"): 0 is success, 7 a partial list that looks the same. */
const envelopeSchema = z.looseObject({ statusCode: z.number(), statusMessage: z.string().optional() });

export type ListingFetch = (path: string, init?: RequestInit) => Promise<Response>;

/**
 * GETs a `/api/v2/<resource>?fields=*` listing and validates it. Items are checked one by one: an
 * object the tenant misconfigured is left out instead of failing every board that lists its kind.
 */
export async function fetchListing<T>(fetchFn: ListingFetch, resource: string, arrayName: string, itemSchema: z.ZodType<T>): Promise<readonly T[]> {
  const response = await fetchFn(`/api/v2/${resource}?fields=*`);
  if (!response.ok) throw new Error(`listing ${resource}: HTTP ${response.status}`);
  const body = envelopeSchema.parse(await response.json());
  if (body.statusCode !== 0 && body.statusCode !== 7) {
    throw new Error(`listing ${resource}: statusCode ${body.statusCode}${body.statusMessage ? ` (${body.statusMessage})` : ''}`);
  }
  const items = z.array(z.unknown()).parse(body[arrayName] ?? []);
  const valid: T[] = [];
  for (const item of items) {
    const parsed = itemSchema.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
  }
  return valid;
}

const namedSchema = z.looseObject({ id: z.string().min(1), name: z.string() });

/** A listing whose items have an id and a name (queues, skills, agent groups). */
export async function fetchNamedListing(fetchFn: ListingFetch, resource: string, arrayName: string): Promise<readonly SourceObject[]> {
  const items = await fetchListing(fetchFn, resource, arrayName, namedSchema);
  return items.map(({ id, name }) => ({ id, name }));
}
