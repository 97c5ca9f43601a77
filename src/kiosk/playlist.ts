/** How a playlist entry stands: shown when ready, waited for while loading, skipped when broken. */
export type PlaylistEntryState = 'ready' | 'loading' | 'broken';

/**
 * The position to show from `from` on: the first entry that is ready, going round once. A loading
 * entry is waited for (undefined: nothing to show yet) rather than skipped, so a slow board file
 * does not reorder the playlist; a broken one (invalid, failed, unknown) is skipped, never shown
 * as an error forever. Undefined also when every entry is broken.
 */
export function playablePosition(states: readonly PlaylistEntryState[], from: number): number | undefined {
  const count = states.length;
  for (let step = 0; step < count; step++) {
    const position = (from + step) % count;
    const state = states[position];
    if (state === 'ready') return position;
    if (state === 'loading') return undefined;
  }
  return undefined;
}

/** Every entry of the playlist is broken: the kiosk says so instead of showing nothing. */
export function allBroken(states: readonly PlaylistEntryState[]): boolean {
  return states.length > 0 && states.every((state) => state === 'broken');
}
