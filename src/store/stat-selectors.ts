import type { StatStoreState } from './create-stat-store.ts';
import type { ConnectionInfo, Diagnostics, StatValue } from './stat-value.ts';

/** Named selectors next to the store (STYLE.md #6): tiles subscribe to exactly one key. */
export const selectStatValue =
  (key: string) =>
  (state: StatStoreState): StatValue | undefined =>
    state.values.get(key);

export const selectConnection = (state: StatStoreState): ConnectionInfo => state.connection;

export const selectDiagnostics = (state: StatStoreState): Diagnostics => state.diagnostics;
