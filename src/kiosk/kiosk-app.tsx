import { useEffect, useState, type ReactElement } from 'react';
import { boardChoices, type BoardChoice } from '../app/board-choices.ts';
import { SourcesScope } from '../app/sources-scope.tsx';
import { useLive } from '../app/use-live.tsx';
import type { Sources } from '../boards/sources-context.tsx';
import { StatisticInfoProvider } from '../tiles/statistic-info.tsx';
import type { Board } from '../boards/board-schema.ts';
import { useBoardsSpecs } from '../boards/board-specs.ts';
import type { LocalBoards } from '../boards/local-boards.ts';
import { useShippedBoards } from '../boards/shipped-boards.ts';
import { useLocalBoards } from '../boards/use-local-boards.ts';
import { StatStoreProvider } from '../store/stat-store-context.tsx';
import { browserTheme } from '../theme/browser-theme.ts';
import { BoardView } from '../tiles/board-view.tsx';
import { HealthOverlay } from './health-overlay.tsx';
import { KIOSK_DEFAULT_THEME, parseKioskRoute, type KioskRoute } from './kiosk-route.ts';
import { KioskStatusStrip } from './kiosk-status-strip.tsx';
import type { PlaylistEntryState } from './playlist.ts';
import { useFullscreen } from './use-fullscreen.ts';
import { useIdleCursor } from './use-idle-cursor.ts';
import { usePlaylist } from './use-playlist.ts';
import { useSelfHealing } from './use-self-healing.ts';
import { useWakeLock } from './use-wake-lock.ts';

export interface KioskAppProps {
  readonly sources: Sources;
  readonly defaultBoard: string;
  readonly localBoards: LocalBoards;
}

/** The signed-in kiosk (`/kiosk?board=…` or `?playlist=…&interval=…`): one board full screen, no chrome but a status strip. */
export function KioskApp({ sources, defaultBoard, localBoards }: KioskAppProps): ReactElement {
  // Read once: the kiosk changes only `at` in the address itself (replaceState), never the rest.
  const [route] = useState<KioskRoute>(() => parseKioskRoute(window.location.search));
  // src/main.tsx applies `theme=` before the first frame on a reload; after a first sign-in the page
  // started on the callback address, so the kiosk's own address is only known here. It holds for
  // the page's life, the sign-in screen after a refused refresh included.
  useEffect(() => {
    browserTheme().setOverride(route.theme ?? KIOSK_DEFAULT_THEME);
  }, [route.theme]);
  return (
    <SourcesScope sources={sources}>
      <KioskBoards sources={sources} route={route} defaultBoard={defaultBoard} localBoards={localBoards} />
    </SourcesScope>
  );
}

function entryState(choice: BoardChoice | undefined, indexSettled: boolean): PlaylistEntryState {
  if (!choice) return indexSettled ? 'broken' : 'loading';
  if (choice.state === 'ready') return 'ready';
  return choice.state === 'loading' ? 'loading' : 'broken';
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** Keeps the previous array while its items are the same objects, so memoized consumers do not re-run. */
function useSameItems<T>(items: readonly T[]): readonly T[] {
  const [stable, setStable] = useState(items);
  const same = sameItems(stable, items);
  // Adjusting state while rendering (React's documented pattern): the next render keeps the new array.
  if (!same) setStable(items);
  return same ? stable : items;
}

interface KioskBoardsProps {
  readonly sources: Sources;
  readonly route: KioskRoute;
  readonly defaultBoard: string;
  readonly localBoards: LocalBoards;
}

function KioskBoards({ sources, route, defaultBoard, localBoards }: KioskBoardsProps): ReactElement {
  const [startedAt] = useState(() => Date.now());
  const shipped = useShippedBoards();
  const local = useLocalBoards(localBoards);
  const choices = boardChoices(shipped, local);
  const ids = route.boards.length > 0 ? route.boards : [defaultBoard];
  const settled = shipped.status !== 'loading';
  const found = ids.map((id) => choices.find((c) => c.id === id));
  const states = found.map((choice) => entryState(choice, settled));
  const playlist = usePlaylist(states, route.intervalMs, route.position);

  // The whole playlist stays subscribed, so the next board is live the moment it shows.
  const ready = useSameItems(found.flatMap((choice): Board[] => (choice?.state === 'ready' ? [choice.board] : [])));
  const specs = useBoardsSpecs(ready);
  const { stat, controls, catalogs, runners } = useLive(sources, specs);
  const healing = useSelfHealing(controls, stat, specs.length > 0);
  const wakeLock = useWakeLock();
  const idle = useIdleCursor();
  useFullscreen();
  const [health, setHealth] = useState(route.health);

  useEffect(() => {
    // Every rem on the page (labels, padding, table text) grows with the screen: 16 px at 1080
    // lines, 32 px on a 4K TV, never under 12 px. The board's own grid already scales.
    const root = document.documentElement;
    const before = root.style.fontSize;
    root.style.fontSize = 'max(12px, 1.48vh)';
    return () => {
      root.style.fontSize = before;
    };
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'h' || event.key === 'H') setHealth((shown) => !shown);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const current = playlist.position === undefined ? undefined : found[playlist.position];
  const board = current?.state === 'ready' ? current.board : undefined;

  return (
    <StatStoreProvider store={stat}>
      <StatisticInfoProvider catalogs={catalogs}>
      {runners}
      <div data-testid="kiosk" className={`flex h-screen w-screen flex-col overflow-hidden bg-slate-950 text-slate-100 ${idle ? 'cursor-none' : ''}`}>
        <KioskStatusStrip
          title={board?.title ?? 'Wallboard'}
          {...(ids.length > 1 && playlist.position !== undefined
            ? { playlist: { position: playlist.position, count: ids.length, intervalMs: route.intervalMs, rotation: playlist.rotation } }
            : {})}
        />
        <main className="min-h-0 flex-1" data-testid="board" data-board={board?.id ?? ''}>
          {board && <BoardView board={board} fit />}
          {playlist.allBroken && (
            <p role="alert" className="p-[4vh] text-[3vh] text-red-300">
              None of the boards of this kiosk can be shown ({ids.join(', ')}). Check the address and the board files.
            </p>
          )}
          {shipped.status === 'error' && !board && (
            <p role="alert" className="p-[4vh] text-[3vh] text-red-300">
              The list of boards could not be loaded: {shipped.error}
            </p>
          )}
        </main>
        {health && (
          <HealthOverlay
            subscriptions={specs.length}
            startedAt={startedAt}
            lastActivityAt={() => Math.max(0, ...[...controls.values()].map((control) => control.lastActivityAt()))}
            healLevel={healing.level}
            lastHealAction={healing.lastAction}
            wakeLock={wakeLock}
          />
        )}
      </div>
      </StatisticInfoProvider>
    </StatStoreProvider>
  );
}
