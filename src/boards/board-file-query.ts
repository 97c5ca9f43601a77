import { queryOptions, skipToken, useQuery, type DataTag, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { BoardIndexEntry } from './board-index-query.ts';
import { parseBoard, type ParseBoardResult } from './board-schema.ts';
import { staticFileUrl } from '../lib/static-file-url.ts';

type FileKey = readonly ['boards', 'file', string];

/**
 * One shipped board file. A file that does not validate is data (`{ ok: false, error }`), not a
 * thrown error: retrying cannot fix it, and the switcher names the bad field instead of drawing
 * half a board. Network failures do throw, so the query client retries them.
 */
export async function fetchBoardFile(entry: BoardIndexEntry): Promise<ParseBoardResult> {
  const response = await fetch(staticFileUrl(`boards/${entry.file}`));
  if (!response.ok) throw new Error(`boards/${entry.file}: HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return { ok: false, error: { path: '', message: `boards/${entry.file} is not JSON` } };
  }
  const result = parseBoard(json);
  if (result.ok && result.board.id !== entry.id) {
    // A kiosk URL names boards by id: an index that disagrees with its file would show the wrong one.
    return { ok: false, error: { path: 'id', message: `boards/${entry.file} has id "${result.board.id}", the index says "${entry.id}"` } };
  }
  return result;
}

/** `undefined` while the index is not known yet: the query waits (skipToken) instead of guessing a file. */
export function boardFileQueryOptions(entry: BoardIndexEntry | undefined): UseQueryOptions<ParseBoardResult, Error, ParseBoardResult, FileKey> & {
  queryKey: DataTag<FileKey, ParseBoardResult, Error>;
} {
  return queryOptions({
    queryKey: ['boards', 'file', entry?.file ?? ''] as const,
    queryFn: entry ? () => fetchBoardFile(entry) : skipToken,
  });
}

export function useBoardFile(entry: BoardIndexEntry | undefined): UseQueryResult<ParseBoardResult> {
  return useQuery(boardFileQueryOptions(entry));
}
