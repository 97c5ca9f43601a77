import type { StatStoreState } from './create-stat-store.ts';
import type { ConnectionInfo, Diagnostics, StatValue } from './stat-value.ts';

/** Named selectors next to the store (docs/architecture.md, convention 11): tiles subscribe to exactly one key. */
export const selectStatValue =
  (key: string) =>
  (state: StatStoreState): StatValue | undefined =>
    state.values.get(key);

export const selectConnection = (state: StatStoreState): ConnectionInfo => state.connection;

export const selectSourceConnection =
  (sourceId: string) =>
  (state: StatStoreState): ConnectionInfo | undefined =>
    state.connections.get(sourceId);

export const selectDiagnostics = (state: StatStoreState): Diagnostics => state.diagnostics;
