import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { boardFileQueryOptions, useBoardFile } from './board-file-query.ts';
import { useBoardIndex, type BoardIndexEntry } from './board-index-query.ts';
import type { Board, BoardError, ParseBoardResult } from './board-schema.ts';

/** A shipped board as the switcher and the board page see it: usable, or why not. */
export type ShippedBoard =
  | { readonly entry: BoardIndexEntry; readonly state: 'loading' }
  | { readonly entry: BoardIndexEntry; readonly state: 'ready'; readonly board: Board }
  /** The file does not validate; `error.path` names the bad field. Never drawn half-broken. */
  | { readonly entry: BoardIndexEntry; readonly state: 'invalid'; readonly error: BoardError }
  /** The file could not be fetched. */
  | { readonly entry: BoardIndexEntry; readonly state: 'failed'; readonly message: string };

export interface ShippedBoards {
  readonly status: 'loading' | 'ready' | 'error';
  /** Why the index could not be read, when `status` is `error`. */
  readonly error?: string;
  readonly boards: readonly ShippedBoard[];
}

function toShippedBoard(entry: BoardIndexEntry, file: UseQueryResult<ParseBoardResult>): ShippedBoard {
  if (file.data) return file.data.ok ? { entry, state: 'ready', board: file.data.board } : { entry, state: 'invalid', error: file.data.error };
  if (file.isError) return { entry, state: 'failed', message: file.error.message };
  return { entry, state: 'loading' };
}

function indexStatus(index: UseQueryResult<readonly BoardIndexEntry[]>): Pick<ShippedBoards, 'status' | 'error'> {
  if (index.data) return { status: 'ready' };
  if (index.isError) return { status: 'error', error: index.error.message };
  return { status: 'loading' };
}

/** Every shipped board from `/boards/index.json`, each file loaded and validated (for the switcher). */
export function useShippedBoards(): ShippedBoards {
  const index = useBoardIndex();
  const entries = index.data ?? [];
  const files = useQueries({ queries: entries.map((entry) => boardFileQueryOptions(entry)) });
  const boards = entries.map((entry, i): ShippedBoard => {
    const file = files[i];
    return file ? toShippedBoard(entry, file) : { entry, state: 'loading' };
  });
  return { ...indexStatus(index), boards };
}

/** One shipped board by id (the board on screen); `undefined` when the index has no such board. */
export function useShippedBoard(id: string): { readonly index: Pick<ShippedBoards, 'status' | 'error'>; readonly board: ShippedBoard | undefined } {
  const index = useBoardIndex();
  const entry = index.data?.find((e) => e.id === id);
  const file = useBoardFile(entry);
  return { index: indexStatus(index), board: entry ? toShippedBoard(entry, file) : undefined };
}
