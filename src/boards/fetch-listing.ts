import type { DataTag, UseQueryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { ApiClient } from '../lib/api-client.tsx';

/** What a board needs of any listed object: an id to subscribe with and a name to show. */
export interface CatalogObject {
  readonly id: string;
  readonly name: string;
}

/** What every listing file's `xQueryOptions()` returns: keys are `['listings', <catalog>]`. */
export type ListingQueryOptions<T, Name extends string> = UseQueryOptions<readonly T[], Error, readonly T[], readonly ['listings', Name]> & {
  queryKey: DataTag<readonly ['listings', Name], readonly T[], Error>;
};

/** Web Services envelope (API-CONTRACT §4.1): 0 is success, 7 a partial list that looks the same. */
const envelopeSchema = z.looseObject({ statusCode: z.number(), statusMessage: z.string().optional() });

/**
 * GETs a `/api/v2/<resource>?fields=*` listing and validates it. Items are checked one by one: an
 * object the tenant misconfigured is left out instead of failing every board that lists its kind.
 */
export async function fetchListing<T>(client: ApiClient, resource: string, arrayName: string, itemSchema: z.ZodType<T>): Promise<readonly T[]> {
  const response = await client.fetch(`/api/v2/${resource}?fields=*`);
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
