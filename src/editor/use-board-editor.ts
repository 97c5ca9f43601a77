import { useRef, useState } from 'react';
import type { Board, BoardError } from '../boards/board-schema.ts';
import type { LocalBoards } from '../boards/local-boards.ts';
import { canRedo, canUndo, recordEdit, redo, startHistory, undo, type EditHistory } from './edit-history.ts';

/** An edit of the board: one of src/editor/board-edits.ts, or a composition of them. */
export type BoardEdit = (board: Board) => Board;

interface EditorState {
  readonly history: EditHistory<Board>;
  /** The tile whose settings the side panel shows. */
  readonly selected: string | undefined;
}

type EditorAction =
  | { readonly type: 'edit'; readonly edit: BoardEdit; readonly select?: string | undefined }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'select'; readonly id: string | undefined };

/** After undo or redo the selection stays only if its tile is still there. */
function keepSelection(board: Board, selected: string | undefined): string | undefined {
  return board.tiles.some((t) => t.id === selected) ? selected : undefined;
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'edit': {
      const history = recordEdit(state.history, action.edit(state.history.present));
      if (history === state.history && !('select' in action)) return state;
      const selected = 'select' in action ? action.select : state.selected;
      return { history, selected: keepSelection(history.present, selected) };
    }
    case 'undo': {
      const history = undo(state.history);
      if (history === state.history) return state;
      return { history, selected: keepSelection(history.present, state.selected) };
    }
    case 'redo': {
      const history = redo(state.history);
      if (history === state.history) return state;
      return { history, selected: keepSelection(history.present, state.selected) };
    }
    case 'select': {
      const selected = keepSelection(state.history.present, action.id);
      return selected === state.selected ? state : { ...state, selected };
    }
  }
}

export interface BoardEditor {
  readonly board: Board;
  readonly selected: string | undefined;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Applies an edit; an edit that changes nothing records nothing. `select` moves the selection with it. */
  readonly apply: (edit: BoardEdit, select?: string) => void;
  readonly undo: () => void;
  readonly redo: () => void;
  readonly select: (id: string | undefined) => void;
  /** Why the last edit could not be kept in this browser (storage full or blocked). */
  readonly saveError: BoardError | undefined;
}

/**
 * The editor's board and its undo history. Every state the user reaches, undo and redo included,
 * is saved to the user's boards at once: there is no "Save" to forget, and a reload (or a crash)
 * comes back to the board as it was last seen.
 */
export function useBoardEditor(initial: Board, localBoards: LocalBoards): BoardEditor {
  const [state, setState] = useState<EditorState>(() => ({ history: startHistory(initial), selected: undefined }));
  const [saveError, setSaveError] = useState<BoardError | undefined>(undefined);
  // The latest state for handlers called twice before a render (a key held down repeats).
  const latest = useRef(state);

  // Saving happens where the edit happens, not in an effect: one write per edit, and a refused
  // write is reported with the edit that caused it.
  function run(action: EditorAction): void {
    const before = latest.current;
    const next = editorReducer(before, action);
    if (next === before) return;
    latest.current = next;
    setState(next);
    if (next.history.present !== before.history.present) {
      const saved = localBoards.save(next.history.present);
      setSaveError(saved.ok ? undefined : saved.error);
    }
  }

  return {
    board: state.history.present,
    selected: state.selected,
    canUndo: canUndo(state.history),
    canRedo: canRedo(state.history),
    apply: (edit, select) => run(select === undefined ? { type: 'edit', edit } : { type: 'edit', edit, select }),
    undo: () => run({ type: 'undo' }),
    redo: () => run({ type: 'redo' }),
    select: (id) => run({ type: 'select', id }),
    saveError,
  };
}
