import { useEffect, useState } from 'react';
import { kioskHrefAt } from './kiosk-route.ts';
import { allBroken, playablePosition, type PlaylistEntryState } from './playlist.ts';

export interface PlaylistState {
  /** The entry on screen; undefined while the next one is loading or when none can be shown. */
  readonly position: number | undefined;
  /** Counts rotations: the progress indicator restarts with it. */
  readonly rotation: number;
  readonly allBroken: boolean;
}

/**
 * Rotates through the playlist every `intervalMs`, skipping boards that fail to load, and keeps
 * the position in the address (`at`) so a soft reload comes back to the same board.
 */
export function usePlaylist(entries: readonly PlaylistEntryState[], intervalMs: number, initialPosition: number): PlaylistState {
  const [wanted, setWanted] = useState(initialPosition);
  const [rotation, setRotation] = useState(0);
  const count = entries.length;
  const position = count > 0 ? playablePosition(entries, wanted % count) : undefined;

  useEffect(() => {
    if (position === undefined || count < 2) return;
    const timer = setTimeout(() => {
      setWanted((position + 1) % count);
      setRotation((r) => r + 1);
    }, intervalMs);
    return () => clearTimeout(timer);
    // `rotation` restarts the timer even when a skipped board brings us back to the same position.
  }, [position, count, intervalMs, rotation]);

  useEffect(() => {
    if (position === undefined || count < 2) return;
    window.history.replaceState(window.history.state, '', kioskHrefAt(window.location.search, position));
  }, [position, count]);

  return { position, rotation, allBroken: allBroken(entries) };
}
