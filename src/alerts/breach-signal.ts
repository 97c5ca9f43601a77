import { createContext, useContext } from 'react';
import type { AlertLevel } from './breach-entry.ts';

/** Where a tile says, once its render is committed, that a breach began or got worse on screen. */
export interface BreachSignal {
  breached(level: AlertLevel): void;
}

/**
 * The board on screen's signal; null when the board has no sound (and outside a board, e.g. in a
 * test or an editor preview), so such tiles do nothing more than before.
 */
export const BreachSignalContext = createContext<BreachSignal | null>(null);

export function useBreachSignal(): BreachSignal | null {
  return useContext(BreachSignalContext);
}
