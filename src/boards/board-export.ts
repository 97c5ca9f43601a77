import type { Board } from './board-schema.ts';

/**
 * A board as a file (docs/boards.md): the same JSON that `parseBoardText` accepts back,
 * pretty-printed so a person can read and edit it, with the id as the file name so the file says
 * which board it holds.
 */
export function serializeBoard(board: Board): string {
  // version, id and title first: the order a person reading the file expects, whatever built it.
  const { version, id, title, tiles, ...rest } = board;
  return `${JSON.stringify({ version, id, title, ...rest, tiles }, null, 2)}\n`;
}

export function boardFileName(board: Pick<Board, 'id'>): string {
  return `${board.id}.json`;
}

export const BOARD_FILE_TYPE = 'application/json';
