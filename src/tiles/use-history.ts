import { useSyncExternalStore } from 'react';
import type { HistoryBuffer, HistoryPoint } from './history-buffer.ts';

/** The points of some keys, re-read on every append (each key's array is replaced, never mutated). */
export function useHistory(buffer: HistoryBuffer, keys: readonly string[]): readonly (readonly HistoryPoint[])[] {
  useSyncExternalStore(buffer.subscribe, buffer.version, buffer.version);
  return keys.map((key) => buffer.points(key));
}
