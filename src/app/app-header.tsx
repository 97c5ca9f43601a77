import type { ReactElement } from 'react';
import { useAuth } from '../auth/use-auth.ts';
import { useUserInfo } from '../auth/userinfo.ts';
import type { ShippedBoard } from '../boards/shipped-boards.ts';
import { ConnectionStatus } from './connection-status.tsx';

export interface AppHeaderProps {
  readonly boards: readonly ShippedBoard[];
  readonly currentBoardId: string | undefined;
  readonly onSelectBoard: (id: string) => void;
  readonly onToggleDiagnostics: () => void;
}

/** Title, board switcher, connection state, who is signed in, sign-out. */
export function AppHeader({ boards, currentBoardId, onSelectBoard, onToggleDiagnostics }: AppHeaderProps): ReactElement {
  const { signOut } = useAuth();
  const user = useUserInfo();
  return (
    <header className="flex flex-wrap items-center gap-4 border-b border-slate-800 bg-slate-950 px-4 py-2">
      <span className="text-lg font-bold tracking-tight text-slate-100">Wallboard</span>
      <nav aria-label="Boards" className="flex gap-1">
        {boards.map((b) => {
          const current = b.entry.id === currentBoardId;
          return (
            <button
              key={b.entry.id}
              type="button"
              data-testid="board-tab"
              data-board={b.entry.id}
              aria-current={current ? 'page' : undefined}
              onClick={() => onSelectBoard(b.entry.id)}
              className={`rounded-md px-3 py-1.5 text-sm font-semibold ${
                current ? 'bg-slate-100 text-slate-950' : 'text-slate-300 hover:bg-slate-800'
              }`}
            >
              {b.entry.title}
            </button>
          );
        })}
      </nav>
      <div className="ml-auto flex items-center gap-3">
        <ConnectionStatus />
        <span data-testid="user-name" className="text-sm text-slate-300">
          {user.data?.displayName ?? ''}
        </span>
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
