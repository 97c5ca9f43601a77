import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConnectionState, SourceSink, SourceUpdate, SubscriptionStatus } from '../sources/stat-source.ts';
import type { ConnectionInfo, Diagnostics, StatValue } from './stat-value.ts';

export interface StatStoreState {
  readonly values: ReadonlyMap<string, StatValue>;
  readonly connection: ConnectionInfo;
  readonly diagnostics: Diagnostics;
}

export interface StatStoreDeps {
  readonly now: () => number;
  /** Schedules the flush; `requestAnimationFrame` in the browser. */
  readonly requestFrame: (flush: () => void) => void;
}

export interface StatStore {
  readonly store: StoreApi<StatStoreState>;
  /** What the source writes to; buffered and applied at most once per frame. */
  readonly sink: SourceSink;
  /** Marks live values stale once they are older than their period allows; call about once a second. */
  checkFreshness(): void;
  /** Applies what is buffered now (tests; the frame callback calls it). */
  flush(): void;
}

/** A live value is trusted for two periods: one missed notification is not yet a dead feed. */
export const STALE_AFTER_PERIODS = 2;

const EMPTY: StatValue = { key: '', value: null, timestamp: 0, receivedAt: 0, periodMs: undefined, status: 'loading' };

/**
 * The one home of streaming values (STYLE.md #5/#6): a vanilla zustand store the source writes into
 * through a buffered sink. A burst of thousands of notifications becomes one `set` per animation
 * frame; a key's StatValue object changes only when that key changed, so a tile subscribed to its
 * own key re-renders only for its own news.
 */
export function createStatStore(deps: StatStoreDeps): StatStore {
  const store = createStore<StatStoreState>()(() => ({
    values: new Map(),
    connection: { state: 'connecting', updatedAt: deps.now() },
    diagnostics: { dropped: 0, droppedByReason: {}, updatesApplied: 0, flushes: 0 },
  }));

  let pendingUpdates = new Map<string, SourceUpdate>();
  let pendingStatuses = new Map<string, SubscriptionStatus>();
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    if (pendingUpdates.size === 0 && pendingStatuses.size === 0) return;
    const updates = pendingUpdates;
    const statuses = pendingStatuses;
    pendingUpdates = new Map();
    pendingStatuses = new Map();
    const now = deps.now();
    const { values, connection, diagnostics } = store.getState();
    const next = new Map(values);
    const connected = connection.state === 'live';
    for (const status of statuses.values()) {
      const current = next.get(status.key) ?? { ...EMPTY, key: status.key };
      // A value that arrived in this same batch is newer news than a status sent before it.
      if (status.status === 'live' && updates.has(status.key)) continue;
      if (current.status === status.status && current.reason === status.reason) continue;
      const { reason: _dropped, ...rest } = current;
      next.set(status.key, { ...rest, status: status.status, ...(status.reason ? { reason: status.reason } : {}) });
    }
    for (const update of updates.values()) {
      next.set(update.key, {
        key: update.key,
        value: update.value,
        timestamp: update.timestamp,
        receivedAt: now,
        periodMs: update.periodMs,
        // Never show a value as live while the connection is not (ARCHITECTURE.md convention 4).
        status: connected ? 'live' : 'stale',
        ...(connected ? {} : { reason: 'not connected' }),
      });
    }
    store.setState({
      values: next,
      diagnostics: { ...diagnostics, updatesApplied: diagnostics.updatesApplied + updates.size, flushes: diagnostics.flushes + 1 },
    });
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    deps.requestFrame(flush);
  }

  function setConnection(state: ConnectionState, detail?: string): void {
    const { values, connection } = store.getState();
    if (connection.state === state && connection.detail === detail) return;
    const info: ConnectionInfo = { state, updatedAt: deps.now(), ...(detail ? { detail } : {}) };
    if (state === 'live') {
      store.setState({ connection: info });
      return;
    }
    // Every value goes stale at once when the connection is lost: nothing is shown live that may not be.
    const next = new Map(values);
    for (const [key, v] of values) {
      if (v.status === 'live') next.set(key, { ...v, status: 'stale', reason: `connection ${state}` });
    }
    store.setState({ connection: info, values: next });
  }

  const sink: SourceSink = {
    updates(batch) {
      for (const u of batch) pendingUpdates.set(u.key, u);
      schedule();
    },
    statuses(batch) {
      for (const s of batch) pendingStatuses.set(s.key, s);
      schedule();
    },
    connection: setConnection,
    dropped(reason) {
      const { diagnostics } = store.getState();
      store.setState({
        diagnostics: {
          ...diagnostics,
          dropped: diagnostics.dropped + 1,
          droppedByReason: { ...diagnostics.droppedByReason, [reason]: (diagnostics.droppedByReason[reason] ?? 0) + 1 },
        },
      });
    },
  };

  return {
    store,
    sink,
    flush,
    checkFreshness() {
      const now = deps.now();
      const { values } = store.getState();
      let next: Map<string, StatValue> | undefined;
      for (const [key, v] of values) {
        if (v.status !== 'live' || v.periodMs === undefined) continue;
        if (now - v.receivedAt <= STALE_AFTER_PERIODS * v.periodMs) continue;
        next ??= new Map(values);
        next.set(key, { ...v, status: 'stale', reason: 'no update in time' });
      }
      if (next) store.setState({ values: next });
    },
  };
}
