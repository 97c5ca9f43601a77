import { parseBoardText, type ParseBoardResult } from './board-schema.ts';
import type { LocalBoards } from './local-boards.ts';

/** Far above any real board (the shipped ones are a few KiB); a bigger file is not read at all. */
export const MAX_BOARD_FILE_BYTES = 1024 * 1024;

export interface ImportBoardOptions {
  /** Ids of the shipped boards: an import may not take one (the shipped board would be hidden). */
  readonly shippedIds: Iterable<string>;
  readonly maxBytes?: number;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * A board file the user chose, read and validated (docs/boards.md). A refusal names
 * the bad field, so the person can fix the file; nothing here throws and nothing is stored: the
 * caller keeps the board it had and saves only an accepted one.
 */
export async function importBoardFile(file: Blob, { shippedIds, maxBytes = MAX_BOARD_FILE_BYTES }: ImportBoardOptions): Promise<ParseBoardResult> {
  if (file.size > maxBytes) {
    return { ok: false, error: { path: '', message: `the file is ${formatBytes(file.size)}; a board file may be at most ${formatBytes(maxBytes)}` } };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    // The file can vanish or lose its permission between choosing and reading.
    return { ok: false, error: { path: '', message: `the file could not be read: ${error instanceof Error ? error.message : String(error)}` } };
  }
  const result = parseBoardText(text);
  if (result.ok && new Set(shippedIds).has(result.board.id)) {
    return { ok: false, error: { path: 'id', message: `"${result.board.id}" is the id of a shipped board; give the imported board another id` } };
  }
  return result;
}

/** An import kept among the user's boards; a board with the id of a local one replaces it. */
export async function importBoardToLocal(file: Blob, options: ImportBoardOptions & { readonly localBoards: LocalBoards }): Promise<ParseBoardResult> {
  const imported = await importBoardFile(file, options);
  if (!imported.ok) return imported;
  const saved = options.localBoards.save(imported.board);
  return saved.ok ? imported : saved;
}
