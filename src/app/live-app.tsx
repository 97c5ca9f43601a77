import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type { AuthSession } from '../auth/auth-session.ts';
import { useBoardSpecs } from '../boards/board-specs.ts';
import { useShippedBoards } from '../boards/shipped-boards.ts';
import { ApiClientProvider, type ApiClient } from '../lib/api-client.tsx';
import { StatStoreProvider } from '../store/stat-store-context.tsx';
import { BoardView } from '../tiles/board-view.tsx';
import { historyBuffer } from '../tiles/history-buffer.ts';
import { AppHeader } from './app-header.tsx';
import { DiagnosticsPanel } from './diagnostics-panel.tsx';
import { useBoardRoute } from './use-board-route.ts';
import { useLiveSource } from './use-live-source.ts';

/** The signed-in app: header, the board named in the address, and the live source behind it. */
export function LiveApp({ session, defaultBoard }: { readonly session: AuthSession; readonly defaultBoard: string }): ReactElement {
  const api: ApiClient = useMemo(() => ({ fetch: (path, init) => session.authorizedFetch(path, init) }), [session]);
  const queryClient = useQueryClient();
  // When this session ends, nothing of it stays for the next person at this screen.
  useEffect(
    () => () => {
      queryClient.clear();
      historyBuffer.clear();
    },
    [queryClient],
  );
  return (
    <ApiClientProvider client={api}>
      <LiveBoards session={session} defaultBoard={defaultBoard} />
    </ApiClientProvider>
  );
}

function LiveBoards({ session, defaultBoard }: { readonly session: AuthSession; readonly defaultBoard: string }): ReactElement {
  const { boardId, goToBoard } = useBoardRoute();
  const shipped = useShippedBoards();
  const [diagnostics, setDiagnostics] = useState(false);
  const currentId = boardId ?? defaultBoard;
  const current = shipped.boards.find((b) => b.entry.id === currentId) ?? shipped.boards[0];
  const board = current?.state === 'ready' ? current.board : undefined;
  const specs = useBoardSpecs(board);
  const stat = useLiveSource(session, specs);

  return (
    <StatStoreProvider store={stat}>
      <div className="flex h-screen flex-col bg-slate-950 text-slate-100">
        <AppHeader
          boards={shipped.boards}
          currentBoardId={current?.entry.id}
          onSelectBoard={goToBoard}
          onToggleDiagnostics={() => setDiagnostics((d) => !d)}
        />
        <main className="min-h-0 flex-1" data-testid="board" data-board={current?.entry.id ?? ''}>
          {board && <BoardView board={board} />}
          {current?.state === 'invalid' && (
            <p role="alert" className="p-8 text-lg text-red-300">
              The board “{current.entry.title}” cannot be shown: {current.error.path}: {current.error.message}
            </p>
          )}
          {current?.state === 'failed' && (
            <p role="alert" className="p-8 text-lg text-red-300">
              The board “{current.entry.title}” could not be loaded: {current.message}
            </p>
          )}
          {shipped.status === 'error' && (
            <p role="alert" className="p-8 text-lg text-red-300">
              The list of boards could not be loaded: {shipped.error}
            </p>
          )}
        </main>
        {diagnostics && <DiagnosticsPanel subscribed={specs.length} onClose={() => setDiagnostics(false)} />}
      </div>
    </StatStoreProvider>
  );
}
