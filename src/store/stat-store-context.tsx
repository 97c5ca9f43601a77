import { createContext, useCallback, useContext, useSyncExternalStore, type ReactElement, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StatStore } from './create-stat-store.ts';
import { selectConnection, selectDiagnostics, selectStatValue } from './stat-selectors.ts';
import type { ConnectionInfo, Diagnostics, StatValue } from './stat-value.ts';

const StatStoreContext = createContext<StatStore | null>(null);

export function StatStoreProvider({ store, children }: { readonly store: StatStore; readonly children: ReactNode }): ReactElement {
  return <StatStoreContext.Provider value={store}>{children}</StatStoreContext.Provider>;
}

/** The store itself, for what keeps state per store (a tile's breach memory, src/tiles/use-threshold-state.ts). */
export function useStatStore(): StatStore {
  const store = useContext(StatStoreContext);
  if (!store) throw new Error('useStatValue needs a StatStoreProvider above it');
  return store;
}

/**
 * One statistic's value; the component re-renders only when this key's value or status changes,
 * and is not even asked when other keys change (`subscribeKey`).
 */
export function useStatValue(key: string): StatValue | undefined {
  const stat = useStatStore();
  const subscribe = useCallback((listener: () => void) => stat.subscribeKey(key, listener), [stat, key]);
  const read = useCallback(() => selectStatValue(key)(stat.store.getState()), [stat, key]);
  return useSyncExternalStore(subscribe, read, read);
}

export function useConnection(): ConnectionInfo {
  return useStore(useStatStore().store, selectConnection);
}

export function useDiagnostics(): Diagnostics {
  return useStore(useStatStore().store, selectDiagnostics);
}
