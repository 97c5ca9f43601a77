import { queryOptions, useQuery, type DataTag, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { staticFileUrl } from '../lib/static-file-url.ts';

const entrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  /** A file name next to index.json; never a path, so the index cannot point elsewhere. */
  file: z.string().regex(/^[\w-]+\.json$/),
});
export type BoardIndexEntry = z.infer<typeof entrySchema>;

const indexSchema = z.array(entrySchema);

type IndexKey = readonly ['boards', 'index'];

export async function fetchBoardIndex(): Promise<readonly BoardIndexEntry[]> {
  const response = await fetch(staticFileUrl('boards/index.json'));
  if (!response.ok) throw new Error(`boards/index.json: HTTP ${response.status}`);
  const parsed = indexSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`boards/index.json: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

export function boardIndexQueryOptions(): UseQueryOptions<readonly BoardIndexEntry[], Error, readonly BoardIndexEntry[], IndexKey> & {
  queryKey: DataTag<IndexKey, readonly BoardIndexEntry[], Error>;
} {
  return queryOptions({ queryKey: ['boards', 'index'] as const, queryFn: fetchBoardIndex });
}

/** The shipped boards, for the board switcher. */
export function useBoardIndex(): UseQueryResult<readonly BoardIndexEntry[]> {
  return useQuery(boardIndexQueryOptions());
}
