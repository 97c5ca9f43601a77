import type { ReactElement } from 'react';
import { ConnectionStatus } from '../app/connection-status.tsx';
import { KioskClock } from './kiosk-clock.tsx';

export interface KioskStatusStripProps {
  readonly title: string;
  /** Playlist only: where we are, and how long this board stays. */
  readonly playlist?: { readonly position: number; readonly count: number; readonly intervalMs: number; readonly rotation: number };
}

/**
 * The kiosk's only chrome: the board's title, the clock and the connection state, sized from the
 * viewport so they read from across the room, with the playlist's progress as a thin bar under it.
 */
export function KioskStatusStrip({ title, playlist }: KioskStatusStripProps): ReactElement {
  return (
    <header data-testid="kiosk-status-strip" className="relative flex h-[4.5vh] min-h-6 shrink-0 items-center gap-[1.5vw] border-b border-slate-800 bg-slate-950 px-[1vw] text-[2.2vh] text-slate-200">
      <h1 data-testid="kiosk-title" className="min-w-0 flex-1 truncate font-semibold">
        {title}
      </h1>
      {playlist && (
        <span data-testid="kiosk-position" className="tabular-nums text-slate-400">
          {playlist.position + 1} / {playlist.count}
        </span>
      )}
      <span className="[&>span]:text-[1.8vh]">
        <ConnectionStatus />
      </span>
      <KioskClock />
      {playlist && (
        <div
          key={playlist.rotation}
          data-testid="playlist-progress"
          aria-hidden="true"
          className="kiosk-progress absolute bottom-0 left-0 h-[0.4vh] bg-sky-500/80"
          style={{ animationDuration: `${playlist.intervalMs}ms` }}
        />
      )}
    </header>
  );
}
