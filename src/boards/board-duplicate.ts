import { BOARD_ID_MAX_LENGTH, type Board } from './board-schema.ts';

/**
 * How a copy of a board is named. A supervisor starts from a shipped board by duplicating it, and
 * may duplicate a copy again, so the names must stay readable: `queues` → `queues-copy`,
 * `queues-copy-2`, … and "Queues" → "Queues (copy)", "Queues (copy 2)", …; a copy of a copy counts
 * on from the original rather than growing `-copy-copy`.
 */

const COPY_ID = /-copy(?:-\d+)?$/;
const COPY_TITLE = / \(copy(?: \d+)?\)$/;

function idSuffix(n: number): string {
  return n === 1 ? '-copy' : `-copy-${n}`;
}

function titleSuffix(n: number): string {
  return n === 1 ? ' (copy)' : ` (copy ${n})`;
}

/** The id without a copy suffix, cut so that stem and suffix fit the id limit together. */
function idStem(id: string, suffix: string): string {
  const stem = id.replace(COPY_ID, '') || id;
  // A cut can end on a dash; `queues--copy` would be valid but looks like a typo.
  return stem.slice(0, BOARD_ID_MAX_LENGTH - suffix.length).replace(/-+$/, '');
}

/** The first free copy id for `id`, never one in `takenIds`, at most 64 characters. */
export function copyBoardId(id: string, takenIds: Iterable<string>): { readonly id: string; readonly n: number } {
  const taken = new Set(takenIds);
  // Terminates: `taken` is finite and every n gives a different id.
  for (let n = 1; ; n += 1) {
    const suffix = idSuffix(n);
    const candidate = `${idStem(id, suffix)}${suffix}`;
    if (!taken.has(candidate)) return { id: candidate, n };
  }
}

/** "Queues" → "Queues (copy)"; the n-th copy says its number. */
export function copyBoardTitle(title: string, n: number): string {
  const stem = title.replace(COPY_TITLE, '') || title;
  return `${stem}${titleSuffix(n)}`;
}

/** A copy of `board` under a new id that is in none of `takenIds` (the shipped and the own boards). */
export function duplicateBoard(board: Board, takenIds: Iterable<string>): Board {
  const { id, n } = copyBoardId(board.id, takenIds);
  // Tiles are plain data; a deep copy keeps the two boards from ever sharing an object.
  return { ...structuredClone(board), id, title: copyBoardTitle(board.title, n) };
}
