import { useSyncExternalStore } from 'react';
import type { Board } from './board-schema.ts';
import type { LocalBoards } from './local-boards.ts';

/** The user's own boards; re-renders when they change, in this tab or another. */
export function useLocalBoards(boards: LocalBoards): readonly Board[] {
  return useSyncExternalStore(boards.subscribe, boards.list);
}
