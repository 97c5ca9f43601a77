import type { ReactElement } from 'react';
import type { BoardError } from '../boards/board-schema.ts';

/**
 * Why an import was refused, over the board (which stays as it was) until dismissed. It reads
 * "Board file refused — tiles[0].layout.w: …"; whatever the file held is rendered as text.
 */
export function BoardImportError({ error, onDismiss }: { readonly error: BoardError; readonly onDismiss: () => void }): ReactElement {
  return (
    <div
      role="alert"
      data-testid="board-import-error"
      className="fixed left-1/2 top-16 z-50 flex w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 items-start gap-3 rounded-lg border border-red-400/60 bg-red-950 px-4 py-3 text-red-100 shadow-xl shadow-black/50"
    >
      <p className="min-w-0 flex-1 text-sm leading-relaxed break-words">
        <strong className="font-semibold text-red-50">Board file refused</strong> —{' '}
        {error.path && <code className="rounded bg-red-900/70 px-1 font-mono text-red-50">{error.path}</code>}
        {error.path && ': '}
        {error.message}
      </p>
      <button
        type="button"
        data-testid="board-import-dismiss"
        onClick={onDismiss}
        className="shrink-0 rounded-md px-2 py-0.5 text-sm font-semibold text-red-200 hover:bg-red-900"
      >
        Dismiss
      </button>
    </div>
  );
}
