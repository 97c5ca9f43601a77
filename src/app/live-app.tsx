import { lazy, Suspense, useState, type ReactElement } from 'react';
import { importBoardToLocal } from '../boards/board-import.ts';
import type { ParseBoardResult } from '../boards/board-schema.ts';
import { useBoardSpecs } from '../boards/board-specs.ts';
import type { LocalBoards } from '../boards/local-boards.ts';
import { useShippedBoards } from '../boards/shipped-boards.ts';
import { useLocalBoards } from '../boards/use-local-boards.ts';
import { StatStoreProvider } from '../store/stat-store-context.tsx';
import { BoardView } from '../tiles/board-view.tsx';
import { AppHeader } from './app-header.tsx';
import type { Sources } from '../boards/sources-context.tsx';
import { StatisticInfoProvider } from '../tiles/statistic-info.tsx';
import { boardActions, createBoard } from './board-actions.ts';
import { boardChoices, currentChoice } from './board-choices.ts';
import { DiagnosticsPanel } from './diagnostics-panel.tsx';
import { downloadTextFile } from './download-file.ts';
import { SourcesScope } from './sources-scope.tsx';
import { useBoardRoute } from './use-board-route.ts';
import { useLive } from './use-live.tsx';

// Only a person building a board needs the editor: a TV never downloads it.
const BoardEditor = lazy(() => import('../editor/board-editor.tsx').then((module) => ({ default: module.BoardEditor })));

export interface LiveAppProps {
  /** Every configured source, with the means of calling it once its person is signed in. */
  readonly sources: Sources;
  readonly defaultBoard: string;
  /** The user's own boards in this browser, next to the shipped ones. */
  readonly localBoards: LocalBoards;
  /** The runtime config's default service-level target: the editor's pre-filled threshold. */
  readonly serviceLevelTargetPercent: number;
}

/** The signed-in app: header, the board named in the address, and the live source behind it. */
export function LiveApp(props: LiveAppProps): ReactElement {
  return (
    <SourcesScope sources={props.sources}>
      <LiveBoards {...props} />
    </SourcesScope>
  );
}

function LiveBoards({ sources, defaultBoard, localBoards, serviceLevelTargetPercent }: LiveAppProps): ReactElement {
  const { boardId, editing, goToBoard } = useBoardRoute();
  const shipped = useShippedBoards();
  const local = useLocalBoards(localBoards);
  const [diagnostics, setDiagnostics] = useState(false);
  const choices = boardChoices(shipped, local);
  const current = currentChoice(choices, boardId ?? defaultBoard);
  const board = current?.state === 'ready' ? current.board : undefined;
  // Only an own board is edited in place; a shipped one is opened in the editor as a copy (board menu).
  const edited = editing && current?.origin === 'local' ? board : undefined;
  const specs = useBoardSpecs(board);
  const { stat, catalogs, runners } = useLive(sources, specs);

  // A refused file changes nothing here: no save, no navigation, so the board and its subscriptions stay.
  async function importBoard(file: File): Promise<ParseBoardResult> {
    const result = await importBoardToLocal(file, { shippedIds: shipped.boards.map((b) => b.entry.id), localBoards });
    if (result.ok) goToBoard(result.board.id);
    return result;
  }

  // Until the shipped boards are known a copy's id could clash with one of them, as an import could.
  const actions =
    current && shipped.status !== 'loading'
      ? boardActions({ current, choices, defaultBoard, localBoards, goToBoard, download: downloadTextFile, origin: window.location.origin })
      : undefined;

  return (
    <StatStoreProvider store={stat}>
      <StatisticInfoProvider catalogs={catalogs}>
      {runners}
      <div className="flex h-screen flex-col bg-slate-950 text-slate-100">
        <AppHeader
          boards={choices}
          currentBoardId={current?.id}
          onSelectBoard={goToBoard}
          onImportBoard={importBoard}
          onNewBoard={shipped.status === 'loading' ? undefined : () => createBoard(choices, localBoards, goToBoard)}
          importDisabled={shipped.status === 'loading'}
          boardActions={actions}
          onToggleDiagnostics={() => setDiagnostics((d) => !d)}
        />
        <main className="min-h-0 flex-1" data-testid="board" data-board={current?.id ?? ''} data-editing={edited ? 'true' : 'false'}>
          {edited && current ? (
            <Suspense fallback={<p className="p-8 text-slate-400">Opening the editor…</p>}>
              <BoardEditor key={current.id} board={edited} localBoards={localBoards} serviceLevelTargetPercent={serviceLevelTargetPercent} onDone={() => goToBoard(current.id)} />
            </Suspense>
          ) : (
            board && <BoardView board={board} />
          )}
          {current?.state === 'invalid' && (
            <p role="alert" className="p-8 text-lg text-red-300">
              The board “{current.title}” cannot be shown: {current.error.path}: {current.error.message}
            </p>
          )}
          {current?.state === 'failed' && (
            <p role="alert" className="p-8 text-lg text-red-300">
              The board “{current.title}” could not be loaded: {current.message}
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
      </StatisticInfoProvider>
    </StatStoreProvider>
  );
}
