import { useState, type ReactElement } from 'react';
import { useAuth } from '../auth/use-auth.ts';
import { useUserInfo } from '../auth/userinfo.ts';
import type { BoardError, ParseBoardResult } from '../boards/board-schema.ts';
import type { LocalBoardsResult } from '../boards/local-boards.ts';
import { BoardActionError } from './board-action-error.tsx';
import { ThemeSwitch } from '../theme/theme-switch.tsx';
import type { BoardActions } from './board-actions.ts';
import type { BoardChoice } from './board-choices.ts';
import { BoardImportButton } from './board-import-button.tsx';
import { BoardMenu } from './board-menu.tsx';
import { ConnectionStatus } from './connection-status.tsx';

export interface AppHeaderProps {
  readonly boards: readonly BoardChoice[];
  readonly currentBoardId: string | undefined;
  readonly onSelectBoard: (id: string) => void;
  readonly onImportBoard: (file: File) => Promise<ParseBoardResult>;
  /** While the shipped boards are unknown an import could not be checked against their ids. */
  readonly importDisabled: boolean;
  /** Duplicate, export, delete, kiosk link for the board on screen; absent while there is none. */
  readonly boardActions: BoardActions | undefined;
  readonly onToggleDiagnostics: () => void;
  /** Starts an empty board of the user's own in the editor; absent until the board ids are known. */
  readonly onNewBoard: (() => LocalBoardsResult) | undefined;
}

/** Title, board switcher, board menu and import, connection state, who is signed in, sign-out. */
export function AppHeader({ boards, currentBoardId, onSelectBoard, onImportBoard, importDisabled, boardActions, onToggleDiagnostics, onNewBoard }: AppHeaderProps): ReactElement {
  const [newBoardError, setNewBoardError] = useState<BoardError | undefined>(undefined);
  const { signOut } = useAuth();
  const user = useUserInfo();
  return (
    <header className="flex flex-wrap items-center gap-4 border-b border-slate-800 bg-slate-950 px-4 py-2">
      <span className="text-lg font-bold tracking-tight text-slate-100">Wallboard</span>
      <nav aria-label="Boards" className="flex flex-wrap gap-1">
        {boards.map((b) => {
          const current = b.id === currentBoardId;
          return (
            <button
              key={b.id}
              type="button"
              data-testid="board-tab"
              data-board={b.id}
              data-origin={b.origin}
              aria-current={current ? 'page' : undefined}
              // A user's board may carry any title; a long one must not push the header off screen.
              title={b.title}
              onClick={() => onSelectBoard(b.id)}
              className={`max-w-64 truncate rounded-md px-3 py-1.5 text-sm font-semibold ${
                current ? 'bg-slate-100 text-slate-950' : 'text-slate-300 hover:bg-slate-800'
              }`}
            >
              {b.title}
            </button>
          );
        })}
      </nav>
      <BoardMenu actions={boardActions} />
      <button
        type="button"
        data-testid="board-new"
        disabled={!onNewBoard}
        onClick={() => {
          const result = onNewBoard?.();
          setNewBoardError(result && !result.ok ? result.error : undefined);
        }}
        className="rounded-md border border-slate-700 px-3 py-1 text-sm font-semibold text-slate-300 hover:bg-slate-800 disabled:opacity-50"
      >
        New board
      </button>
      {newBoardError && <BoardActionError error={newBoardError} onDismiss={() => setNewBoardError(undefined)} />}
      <BoardImportButton onImport={onImportBoard} disabled={importDisabled} />
      <div className="ml-auto flex items-center gap-3">
        <ConnectionStatus />
        <span data-testid="user-name" className="text-sm text-slate-300">
          {user.data?.displayName ?? ''}
        </span>
        <ThemeSwitch />
        <button type="button" onClick={onToggleDiagnostics} className="rounded-md px-2 py-1 text-sm text-slate-400 hover:bg-slate-800">
          Diagnostics
        </button>
        <button
          type="button"
          data-testid="sign-out"
          onClick={() => void signOut()}
          className="rounded-md border border-slate-600 px-3 py-1 text-sm font-semibold text-slate-200 hover:bg-slate-800"
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
