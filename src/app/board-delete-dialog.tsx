import { useEffect, useId, useRef, type KeyboardEvent, type ReactElement } from 'react';

export interface BoardDeleteDialogProps {
  readonly title: string;
  readonly onCancel: () => void;
  readonly onConfirm: () => void;
}

/**
 * "Delete this board?" A delete cannot be undone (the board exists nowhere but this browser), so it
 * asks first, with Cancel focused: Enter on a reflex keeps the board. Escape cancels; Tab stays in
 * the dialog while it is open.
 */
export function BoardDeleteDialog({ title, onCancel, onConfirm }: BoardDeleteDialogProps): ReactElement {
  const headingId = useId();
  const textId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    cancel.current?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      (document.activeElement === cancel.current ? confirm : cancel).current?.focus();
    }
  }

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/60">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={headingId}
        aria-describedby={textId}
        data-testid="board-delete-dialog"
        onKeyDown={onKeyDown}
        className="w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-600 bg-slate-900 p-5 text-slate-100 shadow-xl shadow-black/50"
      >
        <h2 id={headingId} className="text-lg font-semibold">
          Delete “{title}”?
        </h2>
        <p id={textId} className="mt-2 text-sm text-slate-300">
          The board is kept only in this browser; once deleted it is gone. Export it first if you may want it back.
        </p>
        <div className="mt-5 flex justify-end gap-2">
          <button
            ref={cancel}
            type="button"
            data-testid="board-delete-cancel"
            onClick={onCancel}
            className="rounded-md border border-slate-600 px-3 py-1.5 text-sm font-semibold hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
          >
            Cancel
          </button>
          <button
            ref={confirm}
            type="button"
            data-testid="board-delete-confirm"
            onClick={onConfirm}
            className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
          >
            Delete board
          </button>
        </div>
      </div>
    </div>
  );
}
