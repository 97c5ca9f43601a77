import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactElement, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StatStore } from './create-stat-store.ts';
import { selectConnection, selectSourceConnection, selectDiagnostics, selectStatValue } from './stat-selectors.ts';
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

/** A `useSyncExternalStore` pair over several keys (`\u0000`-joined): the snapshot array is reused while no value changes. */
function keyedSnapshot(stat: StatStore, joined: string): { subscribe: (listener: () => void) => () => void; read: () => readonly (StatValue | undefined)[] } {
  const list = joined === '' ? [] : joined.split('\u0000');
  let last: readonly (StatValue | undefined)[] = [];
  return {
    subscribe: (listener) => {
      const offs = list.map((key) => stat.subscribeKey(key, listener));
      return () => offs.forEach((off) => off());
    },
    read: () => {
      const { values } = stat.store.getState();
      const next = list.map((key) => values.get(key));
      if (next.length === last.length && next.every((value, i) => value === last[i])) return last;
      last = next;
      return next;
    },
  };
}

/**
 * Several statistics' values, in the order of `keys` (an aggregate tile). Like `useStatValue` it
 * listens to these keys only; the array keeps its identity until one of the values changes.
 */
export function useStatValues(keys: readonly string[]): readonly (StatValue | undefined)[] {
  const stat = useStatStore();
  // One string for the list, so a new array of the same keys is not a new subscription.
  const joined = keys.join('\u0000');
  const { subscribe, read } = useMemo(() => keyedSnapshot(stat, joined), [stat, joined]);
  return useSyncExternalStore(subscribe, read, read);
}

export function useConnection(): ConnectionInfo {
  return useStore(useStatStore().store, selectConnection);
}

const CONNECTING: ConnectionInfo = { state: 'connecting', updatedAt: 0 };

/** One source's own connection; connecting until it has said anything. */
export function useSourceConnection(sourceId: string): ConnectionInfo {
  const selector = useMemo(() => selectSourceConnection(sourceId), [sourceId]);
  return useStore(useStatStore().store, selector) ?? CONNECTING;
}

export function useDiagnostics(): Diagnostics {
  return useStore(useStatStore().store, selectDiagnostics);
}
