import { useRef, useState, type ChangeEvent, type ReactElement } from 'react';
import type { BoardError, ParseBoardResult } from '../boards/board-schema.ts';
import { BoardImportError } from './board-import-error.tsx';

export interface BoardImportButtonProps {
  /** Reads, checks and keeps the chosen file; a refusal comes back as data and is shown here. */
  readonly onImport: (file: File) => Promise<ParseBoardResult>;
  readonly disabled?: boolean;
}

/** "Import board": a button in front of a hidden file input, and the refusal when there is one. */
export function BoardImportButton({ onImport, disabled = false }: BoardImportButtonProps): ReactElement {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BoardError | undefined>(undefined);

  async function onChange(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.currentTarget.files?.[0];
    // Cleared at once so that choosing the same file again (after fixing it) is a change again.
    event.currentTarget.value = '';
    if (!file) return;
    setBusy(true);
    try {
      const result = await onImport(file);
      setError(result.ok ? undefined : result.error);
    } catch (cause) {
      // onImport answers refusals as data; anything thrown is a bug, still shown rather than lost.
      setError({ path: '', message: cause instanceof Error ? cause.message : String(cause) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        data-testid="board-import"
        disabled={disabled || busy}
        onClick={() => input.current?.click()}
        className="rounded-md border border-slate-700 px-3 py-1 text-sm font-semibold text-slate-300 hover:bg-slate-800 disabled:opacity-50"
      >
        Import board
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        data-testid="board-import-input"
        // Reached through the button; hidden from tab order and assistive tech so it is not met twice.
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => void onChange(event)}
      />
      {error && <BoardImportError error={error} onDismiss={() => setError(undefined)} />}
    </>
  );
}
