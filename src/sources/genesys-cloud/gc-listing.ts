import type { z } from 'zod';
import { parseEach } from './gc-analytics-schemas.ts';
import type { GcFailure, GcHttp, GcResult } from './gc-http.ts';
import { listingPageSchema } from './gc-rest-schemas.ts';

/** Page size for listings: the platform allows 100 on every listing the source reads. */
export const PAGE_SIZE = 100;
/** A listing that claims more pages than this is not followed further (a loop, or a huge org). */
const MAX_PAGES = 200;

export type ListingResult<T> = { readonly ok: true; readonly items: T[]; readonly bad: number } | ({ readonly ok: false } & GcFailure);

function withPage(path: string, pageNumber: number): string {
  const [base = '', query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  params.set('pageSize', String(PAGE_SIZE));
  params.set('pageNumber', String(pageNumber));
  return `${base}?${params.toString()}`;
}

/**
 * Every page of an entity listing (`{entities, pageNumber, pageCount, nextUri}`), items parsed one
 * by one: an odd item is left out and counted, never the whole list. Pages are numbered by the
 * source while `pageCount` says there are more; without `pageCount`, `nextUri` is followed when it
 * stays on the API (`/api/v2/…`).
 */
export async function readListing<T>(http: GcHttp, path: string, item: z.ZodType<T>, permission?: string): Promise<ListingResult<T>> {
  const items: T[] = [];
  let bad = 0;
  let next: string | undefined = withPage(path, 1);
  for (let page = 1; next !== undefined && page <= MAX_PAGES; page++) {
    const answer: GcResult<z.infer<typeof listingPageSchema>> = await http.request('GET', next, { schema: listingPageSchema, permission });
    if (!answer.ok) return answer;
    const parsed = parseEach(answer.value.entities, item);
    items.push(...parsed.ok);
    bad += parsed.bad;
    const pageCount: number | undefined = answer.value.pageCount;
    const nextUri: string | undefined = answer.value.nextUri;
    if (pageCount !== undefined) next = page < pageCount ? withPage(path, page + 1) : undefined;
    else next = nextUri?.startsWith('/api/v2/') && answer.value.entities.length > 0 ? nextUri : undefined;
  }
  return { ok: true, items, bad };
}
