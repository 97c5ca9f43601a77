import type { ReactElement } from 'react';
import type { BoardError } from '../boards/board-schema.ts';

/** Why a board action did not happen (storage full or blocked), until dismissed. Rendered as text. */
export function BoardActionError({ error, onDismiss }: { readonly error: BoardError; readonly onDismiss: () => void }): ReactElement {
  return (
    <div
      role="alert"
      data-testid="board-action-error"
      className="fixed left-1/2 top-16 z-50 flex w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 items-start gap-3 rounded-lg border border-red-400/60 bg-red-950 px-4 py-3 text-red-100 shadow-xl shadow-black/50"
    >
      <p className="min-w-0 flex-1 text-sm leading-relaxed break-words">
        <strong className="font-semibold text-red-50">Not done</strong> — {error.path && `${error.path}: `}
        {error.message}
      </p>
      <button type="button" onClick={onDismiss} className="shrink-0 rounded-md px-2 py-0.5 text-sm font-semibold text-red-200 hover:bg-red-900">
        Dismiss
      </button>
    </div>
  );
}
