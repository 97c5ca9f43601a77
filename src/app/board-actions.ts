import { duplicateBoard } from '../boards/board-duplicate.ts';
import { BOARD_FILE_TYPE, boardFileName, serializeBoard } from '../boards/board-export.ts';
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
}

export interface BoardActionsDeps {
  readonly current: BoardChoice;
  /** Every board offered, shipped and own, in tab order. */
  readonly choices: readonly BoardChoice[];
  readonly defaultBoard: string;
  readonly localBoards: LocalBoards;
  readonly goToBoard: (id: string) => void;
  readonly download: (name: string, text: string, type: string) => void;
  readonly origin: string;
}

/** After a delete: the configured default board if it is still there, else the first one left. */
function boardAfterRemoving(removed: string, choices: readonly BoardChoice[], defaultBoard: string): string | undefined {
  const left = choices.filter((c) => c.id !== removed);
  return (left.find((c) => c.id === defaultBoard) ?? left[0])?.id;
}

export function boardActions({ current, choices, defaultBoard, localBoards, goToBoard, download, origin }: BoardActionsDeps): BoardActions {
  const board = current.state === 'ready' ? current.board : undefined;
  const local = current.origin === 'local';
  return {
    boardId: current.id,
    boardTitle: current.title,
    local,
    kioskLink: kioskLinkFor(origin, current.id),
    ...(board && {
      duplicate: () => {
        // Stored boards hidden behind a shipped id are still taken: saving over one would be a surprise.
        const taken = [...choices.map((c) => c.id), ...localBoards.list().map((b) => b.id)];
        const copy = duplicateBoard(board, taken);
        const saved = localBoards.save(copy);
        if (saved.ok) goToBoard(copy.id);
        return saved;
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
