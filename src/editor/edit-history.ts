/**
 * Undo and redo for the board editor (issue 8: "undo/redo of at least the last 20 edits"). Plain
 * data and pure functions, so the editor's store holds one value and tests need no React.
 */
export interface EditHistory<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}

/** Edits kept for undo: more than the 20 the issue asks for, few enough to stay small in memory. */
export const UNDO_LIMIT = 50;

export function startHistory<T>(present: T): EditHistory<T> {
  return { past: [], present, future: [] };
}

/** A new edit: the present becomes undoable, whatever was undone is gone. The same value is no edit. */
export function recordEdit<T>(history: EditHistory<T>, next: T, limit = UNDO_LIMIT): EditHistory<T> {
  if (Object.is(next, history.present)) return history;
  const past = [...history.past, history.present];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, present: next, future: [] };
}

export function undo<T>(history: EditHistory<T>): EditHistory<T> {
  const previous = history.past.at(-1);
  if (history.past.length === 0) return history;
  return { past: history.past.slice(0, -1), present: previous as T, future: [history.present, ...history.future] };
}

export function redo<T>(history: EditHistory<T>): EditHistory<T> {
  if (history.future.length === 0) return history;
  const [next, ...rest] = history.future;
  return { past: [...history.past, history.present], present: next as T, future: rest };
}

export const canUndo = <T>(history: EditHistory<T>): boolean => history.past.length > 0;
export const canRedo = <T>(history: EditHistory<T>): boolean => history.future.length > 0;
