import { duplicateBoard } from '../boards/board-duplicate.ts';
import { BOARD_FILE_TYPE, boardFileName, serializeBoard } from '../boards/board-export.ts';
import { BOARD_VERSION, type Board } from '../boards/board-schema.ts';
import type { LocalBoards, LocalBoardsResult } from '../boards/local-boards.ts';
import type { BoardChoice } from './board-choices.ts';
import { kioskLinkFor } from './kiosk-link.ts';

/** What the board menu can do with the board on screen; an action that does not apply is absent. */
export interface BoardActions {
  readonly boardId: string;
  readonly boardTitle: string;
  /** Own boards live in this browser only: a kiosk elsewhere needs the file imported there. */
  readonly local: boolean;
  readonly kioskLink: string;
  /** Saves a copy among the user's boards and opens it. Needs the board loaded. */
  readonly duplicate?: () => LocalBoardsResult;
  /** Downloads the board file. Needs the board loaded. */
  readonly exportFile?: () => void;
  /** Own boards only: removes it and opens another board. */
  readonly remove?: () => LocalBoardsResult;
  /**
   * Opens the board in the editor: an own board as it is, a shipped one as a copy first (a shipped
   * board is the same file for everyone; changing it in one browser would be a surprise).
   */
  readonly edit?: () => LocalBoardsResult;
}

export interface BoardActionsDeps {
  readonly current: BoardChoice;
  /** Every board offered, shipped and own, in tab order. */
  readonly choices: readonly BoardChoice[];
  readonly defaultBoard: string;
  readonly localBoards: LocalBoards;
  readonly goToBoard: (id: string, editing?: boolean) => void;
  readonly download: (name: string, text: string, type: string) => void;
  readonly origin: string;
}

/** After a delete: the configured default board if it is still there, else the first one left. */
function boardAfterRemoving(removed: string, choices: readonly BoardChoice[], defaultBoard: string): string | undefined {
  const left = choices.filter((c) => c.id !== removed);
  return (left.find((c) => c.id === defaultBoard) ?? left[0])?.id;
}

/** Every id a new board must not take: the offered boards and stored ones hidden behind a shipped id. */
function takenIds(choices: readonly BoardChoice[], localBoards: LocalBoards): readonly string[] {
  return [...choices.map((c) => c.id), ...localBoards.list().map((b) => b.id)];
}

export function boardActions({ current, choices, defaultBoard, localBoards, goToBoard, download, origin }: BoardActionsDeps): BoardActions {
  const board = current.state === 'ready' ? current.board : undefined;
  const local = current.origin === 'local';
  const saveCopy = (from: Board, editing: boolean): LocalBoardsResult => {
    // Saving over a stored board hidden behind a shipped id would be a surprise: its id is taken too.
    const copy = duplicateBoard(from, takenIds(choices, localBoards));
    const saved = localBoards.save(copy);
    if (saved.ok) goToBoard(copy.id, editing);
    return saved;
  };
  return {
    boardId: current.id,
    boardTitle: current.title,
    local,
    kioskLink: kioskLinkFor(origin, current.id),
    ...(board && {
      duplicate: () => saveCopy(board, false),
      edit: () => {
        if (!local) return saveCopy(board, true);
        goToBoard(board.id, true);
        return { ok: true };
      },
      exportFile: () => download(boardFileName(board), serializeBoard(board), BOARD_FILE_TYPE),
    }),
    ...(local && {
      remove: () => {
        const removed = localBoards.remove(current.id);
        const next = boardAfterRemoving(current.id, choices, defaultBoard);
        if (removed.ok && next !== undefined) goToBoard(next);
        return removed;
      },
    }),
  };
}

/** An id for a new board: `board`, else `board-2`, `board-3`, … never one already taken. */
export function newBoardId(taken: Iterable<string>): string {
  const ids = new Set(taken);
  if (!ids.has('board')) return 'board';
  for (let n = 2; ; n += 1) if (!ids.has(`board-${n}`)) return `board-${n}`;
}

/** Saves an empty board among the user's own and opens it in the editor. */
export function createBoard(choices: readonly BoardChoice[], localBoards: LocalBoards, goToBoard: (id: string, editing?: boolean) => void): LocalBoardsResult {
  const id = newBoardId(takenIds(choices, localBoards));
  const saved = localBoards.save({ version: BOARD_VERSION, id, title: 'New board', tiles: [] });
  if (saved.ok) goToBoard(id, true);
  return saved;
}
