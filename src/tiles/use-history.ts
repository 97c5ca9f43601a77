import { useMemo, useSyncExternalStore } from 'react';
import type { HistoryBuffer, HistoryPoint } from './history-buffer.ts';
import { throttledSubscribe } from './throttled-subscribe.ts';

/** A trend redraws at most this often, however busy its statistics (issue 7: charts ≤ 1 Hz). */
export const CHART_REFRESH_MS = 1000;

/**
 * The points of some keys (each key's array is replaced, never mutated), re-read at most once per
 * `refreshMs` while values arrive, and once more after the last one.
 */
export function useHistory(buffer: HistoryBuffer, keys: readonly string[], refreshMs = CHART_REFRESH_MS): readonly (readonly HistoryPoint[])[] {
  const subscribe = useMemo(() => throttledSubscribe(buffer.subscribe, refreshMs), [buffer, refreshMs]);
  useSyncExternalStore(subscribe, buffer.version, buffer.version);
  return keys.map((key) => buffer.points(key));
}
