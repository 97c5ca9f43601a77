import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConnectionState, SourceSink, SourceUpdate, SubscriptionStatus } from '../sources/stat-source.ts';
import type { ConnectionInfo, Diagnostics, StatValue } from './stat-value.ts';

export interface StatStoreState {
  readonly values: ReadonlyMap<string, StatValue>;
  /** Each source's own connection, by source id. */
  readonly connections: ReadonlyMap<string, ConnectionInfo>;
  /** All sources together: live when every one is, else the one in the worst state (combinedConnection). */
  readonly connection: ConnectionInfo;
  readonly diagnostics: Diagnostics;
}

export interface StatStoreDeps {
  readonly now: () => number;
  /** Schedules the flush; `requestAnimationFrame` in the browser. */
  readonly requestFrame: (flush: () => void) => void;
  /** Bounds the values one frame may change (`FRAME_BUDGET` in the browser); unbounded without it. */
  readonly frameBudget?: FrameBudget;
  /** The source `sink` writes for (default `genesys-v3`); every source has its own through `sinkFor`. */
  readonly defaultSource?: string;
}

export interface FrameBudget {
  /** A frame later than this after the previous one (back to back) shrinks the budget. */
  readonly targetMs: number;
  readonly start: number;
  readonly minimum: number;
  readonly maximum: number;
}

export interface StatStore {
  readonly store: StoreApi<StatStoreState>;
  /** What the default source writes to; buffered and applied at most once per frame. */
  readonly sink: SourceSink;
  /** What a source writes to: its connection state is its own, and makes only its own values stale. */
  sinkFor(sourceId: string): SourceSink;
  /** Marks live values stale once they are older than their period allows; call about once a second. */
  checkFreshness(): void;
  /** Applies what is buffered now (tests; the frame callback calls it). */
  flush(): void;
  /**
   * Calls `listener` after every commit that changed `key`'s value (or removed it). A tile listens
   * to its own key only, so a commit costs O(keys changed), not O(tiles on the board): with a
   * thousand tiles, the store-wide `subscribe` would run a thousand selectors every frame.
   */
  subscribeKey(key: string, listener: () => void): () => void;
}

/** A live value is trusted for two periods: one missed notification is not yet a dead feed. */
export const STALE_AFTER_PERIODS = 2;

/**
 * How many values one frame may change on screen, adapted to what the device keeps up with. It
 * grows by an eighth after an on-time frame that used all of it, and shrinks by a quarter after a
 * late frame in which the store changed values (a late frame with little of our work says nothing
 * of our work). Late is later than `targetMs` and than 1.25 × the display's own frame period (the
 * shortest interval seen: a 30 Hz screen is not late at 33 ms). Updates past it wait for the next
 * frame, the longest-waiting first, each key keeping only its newest value — so a firehose never
 * makes a frame long (a frozen TV, a page that ignores keys) and nothing is lost, only shown a
 * frame or two later. A quiet board never reaches it, and a quiet spell does not inflate it.
 */
export const FRAME_BUDGET: FrameBudget = { targetMs: 20, start: 512, minimum: 48, maximum: 1 << 20 };
/** Frames further apart than this are not back to back: the gap says nothing of the device. */
const BACK_TO_BACK_MS = 100;

const EMPTY: StatValue = { key: '', value: null, timestamp: 0, receivedAt: 0, periodMs: undefined, status: 'loading' };

/** From worst to best: what the header shows for several sources together. */
const WORST_FIRST: readonly ConnectionState[] = ['unauthorized', 'unavailable', 'reconnecting', 'connecting', 'live'];

/** Every source's connection as one: live when all are, else the worst, with its source named. */
export function combinedConnection(connections: ReadonlyMap<string, ConnectionInfo>): ConnectionInfo {
  let worst: [string, ConnectionInfo] | undefined;
  for (const entry of connections) {
    if (!worst || WORST_FIRST.indexOf(entry[1].state) < WORST_FIRST.indexOf(worst[1].state)) worst = entry;
  }
  if (!worst) return { state: 'connecting', updatedAt: 0 };
  const [source, info] = worst;
  if (connections.size === 1 || info.state === 'live') return info;
  return { ...info, detail: info.detail ? `${source}: ${info.detail}` : source };
}

function samePayload(a: StatValue['value'], b: StatValue['value']): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a === 'number' || typeof b === 'number') return false;
  return a.state === b.state && a.since === b.since && a.reason === b.reason;
}

/**
 * The one home of streaming values (docs/architecture.md, conventions 10 and 11): a vanilla zustand store the source writes into
 * through a buffered sink. A burst of thousands of notifications becomes one `set` per animation
 * frame; a key's StatValue object is replaced only when what a tile shows changed (value, status,
 * reason), so a periodic re-send of the same number re-renders nothing. When each value last
 * arrived is kept beside the state, for the freshness check.
 */
export function createStatStore(deps: StatStoreDeps): StatStore {
  const store = createStore<StatStoreState>()(() => ({
    values: new Map(),
    connections: new Map(),
    connection: { state: 'connecting', updatedAt: 0 },
    diagnostics: { dropped: 0, droppedByReason: {}, updatesApplied: 0, flushes: 0 },
  }));

  let pendingUpdates = new Map<string, SourceUpdate>();
  let pendingStatuses = new Map<string, SubscriptionStatus>();
  let pendingDrops = new Map<string, number>();
  const lastArrival = new Map<string, number>();
  /**
   * Which source's sink each key came through: its connection decides whether the key can be live.
   * Kept only once a second source writes: with one source (most deployments, and the hot path a
   * firehose takes) every key is that source's, and no update pays for a lookup.
   */
  const keySource = new Map<string, string>();
  /** The one source that has written so far, until a second one does. */
  let onlySource: string | undefined;
  let severalSources = false;
  const sourceOfKey = (key: string): string | undefined => (severalSources ? keySource.get(key) : onlySource);
  /** Keys whose waiting value came with a new subscription (`SourceUpdate.first`). */
  const firstPending = new Set<string>();
  const keyListeners = new Map<string, Set<() => void>>();
  let scheduled = false;
  const limits = deps.frameBudget;
  let budget = limits?.start ?? Number.POSITIVE_INFINITY;
  let lastFlushAt: number | undefined;
  /** Values the last flush changed. */
  let lastChanged = 0;
  let framePeriod: number | undefined;

  /** The budget for a flush at `now`, from how long ago the last one ran and what it did. */
  function adaptBudget(now: number): number {
    if (!limits) return budget;
    const interval = lastFlushAt === undefined ? undefined : now - lastFlushAt;
    if (interval !== undefined && interval > 0 && interval <= BACK_TO_BACK_MS) {
      framePeriod = Math.min(framePeriod ?? interval, interval);
      const late = interval > Math.max(limits.targetMs, framePeriod * 1.25);
      if (late && lastChanged >= limits.minimum) budget = Math.max(limits.minimum, Math.floor(budget * 0.75));
      else if (!late && lastChanged >= budget) budget = Math.min(limits.maximum, Math.ceil(budget * 1.125));
    }
    lastFlushAt = now;
    return budget;
  }

  /** Tells the tiles of these keys, after the state holds their new values. */
  function notifyKeys(keys: Iterable<string>): void {
    if (keyListeners.size === 0) return;
    for (const key of keys) {
      const listeners = keyListeners.get(key);
      if (listeners) for (const listener of listeners) listener();
    }
  }

  function flush(): void {
    scheduled = false;
    if (pendingUpdates.size === 0 && pendingStatuses.size === 0 && pendingDrops.size === 0) return;
    const updates = pendingUpdates;
    const statuses = pendingStatuses;
    const drops = pendingDrops;
    pendingUpdates = new Map();
    pendingStatuses = new Map();
    pendingDrops = new Map();
    const now = deps.now();
    const frameBudget = adaptBudget(now);
    const { values, connections, diagnostics } = store.getState();
    let next: Map<string, StatValue> | undefined;
    const changed: string[] = [];
    const put = (v: StatValue): void => {
      next ??= new Map(values);
      next.set(v.key, v);
      changed.push(v.key);
    };
    const current = (key: string): StatValue | undefined => (next ?? values).get(key);
    const onlyLive = !severalSources && onlySource !== undefined && connections.get(onlySource)?.state === 'live';
    const connectedKey = (key: string): boolean => {
      const source = keySource.get(key);
      return source !== undefined && connections.get(source)?.state === 'live';
    };

    for (const status of statuses.values()) {
      // A value that arrived in this same batch is newer news than a status sent before it.
      if (status.status === 'live' && updates.has(status.key)) continue;
      const old = current(status.key) ?? { ...EMPTY, key: status.key };
      if (old.status === status.status && old.reason === status.reason) continue;
      const { reason: _dropped, ...rest } = old;
      put({ ...rest, status: status.status, ...(status.reason ? { reason: status.reason } : {}) });
    }
    let applied = 0;
    for (const update of updates.values()) {
      if (changed.length >= frameBudget) {
        // Over this frame's budget: waits, ahead of whatever arrives meanwhile. It has arrived,
        // though: the freshness check must not call its key stale while it waits.
        pendingUpdates.set(update.key, update);
        lastArrival.set(update.key, now);
        continue;
      }
      const old = current(update.key);
      // A re-read that overtook a newer notification must not roll the value back; the first value
      // of a new subscription is the truth, though, whatever the new server's clock says.
      const first = firstPending.size > 0 && firstPending.delete(update.key);
      if (old && old.receivedAt > 0 && !first && update.timestamp < old.timestamp) continue;
      applied++;
      lastArrival.set(update.key, now);
      // Never show a value as live while its source's connection is not (docs/architecture.md, convention 4).
      const live = severalSources ? connectedKey(update.key) : onlyLive;
      const status = live ? 'live' : 'stale';
      const reason = live ? undefined : 'not connected';
      if (old && old.status === status && old.reason === reason && samePayload(old.value, update.value) && old.periodMs === update.periodMs) {
        continue;
      }
      put({
        key: update.key,
        value: update.value,
        timestamp: update.timestamp,
        receivedAt: now,
        periodMs: update.periodMs,
        status,
        ...(reason ? { reason } : {}),
      });
    }
    let dropped = diagnostics.dropped;
    const byReason = { ...diagnostics.droppedByReason };
    for (const [reason, count] of drops) {
      dropped += count;
      byReason[reason] = (byReason[reason] ?? 0) + count;
    }
    store.setState({
      ...(next ? { values: next } : {}),
      diagnostics: { dropped, droppedByReason: byReason, updatesApplied: diagnostics.updatesApplied + applied, flushes: diagnostics.flushes + 1 },
    });
    lastChanged = changed.length;
    notifyKeys(changed);
    if (pendingUpdates.size > 0) schedule();
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    deps.requestFrame(flush);
  }

  function setConnection(sourceId: string, state: ConnectionState, detail?: string): void {
    const { values, connections } = store.getState();
    const current = connections.get(sourceId);
    if (current?.state === state && current.detail === detail) return;
    const info: ConnectionInfo = { state, updatedAt: deps.now(), ...(detail ? { detail } : {}) };
    const nextConnections = new Map(connections).set(sourceId, info);
    const connection = combinedConnection(nextConnections);
    if (state === 'live') {
      store.setState({ connections: nextConnections, connection });
      return;
    }
    // Every value of the source goes stale at once when its connection is lost: nothing is shown
    // live that may not be. Other sources' values are theirs to keep.
    const next = new Map(values);
    const changed: string[] = [];
    for (const [key, v] of values) {
      if (v.status !== 'live' || sourceOfKey(key) !== sourceId) continue;
      next.set(key, { ...v, status: 'stale', reason: `connection ${state}` });
      changed.push(key);
    }
    store.setState({ connections: nextConnections, connection, values: next });
    notifyKeys(changed);
  }

  const sinkOf = (sourceId: string): SourceSink => ({
    updates(batch) {
      if (severalSources) for (const u of batch) keySource.set(u.key, sourceId);
      for (const u of batch) {
        // A newer value of a first one stays first: both beat what the old subscription said.
        if (u.first) firstPending.add(u.key);
        pendingUpdates.set(u.key, u);
      }
      schedule();
    },
    statuses(batch) {
      for (const s of batch) {
        if (severalSources) keySource.set(s.key, sourceId);
        pendingStatuses.set(s.key, s);
        // A refusal is final: a value still waiting (past a frame budget) came before it and must
        // not show the refused statistic as live. Only a refusal: `loading` and `stale` are passing
        // states, and a value that arrived is still the best news of them (dropping it lost the
        // last value of a paused feed for good — e2e/live-boards.spec.ts).
        if (s.status === 'error') pendingUpdates.delete(s.key);
      }
      schedule();
    },
    connection: (state, detail) => setConnection(sourceId, state, detail),
    dropped(reason, count = 1) {
      pendingDrops.set(reason, (pendingDrops.get(reason) ?? 0) + count);
      schedule();
    },
    forget(keys) {
      // Synchronous: a tile that is shown again must never paint the old value as live first.
      const { values } = store.getState();
      let next: Map<string, StatValue> | undefined;
      const removed: string[] = [];
      for (const key of keys) {
        pendingUpdates.delete(key);
        pendingStatuses.delete(key);
        lastArrival.delete(key);
        keySource.delete(key);
        firstPending.delete(key);
        if (!values.has(key)) continue;
        next ??= new Map(values);
        next.delete(key);
        removed.push(key);
      }
      if (next) {
        store.setState({ values: next });
        notifyKeys(removed);
      }
    },
  });
  const sinks = new Map<string, SourceSink>();
  const sinkFor = (sourceId: string): SourceSink => {
    let sink = sinks.get(sourceId);
    if (!sink) {
      if (onlySource === undefined) onlySource = sourceId;
      else if (!severalSources) {
        // A second source: from now on each key says whose it is; so far every key was the first's.
        severalSources = true;
        const first = onlySource;
        for (const key of store.getState().values.keys()) keySource.set(key, first);
        for (const key of pendingUpdates.keys()) keySource.set(key, first);
        for (const key of pendingStatuses.keys()) keySource.set(key, first);
      }
      sink = sinkOf(sourceId);
      sinks.set(sourceId, sink);
    }
    return sink;
  };

  return {
    store,
    sink: sinkFor(deps.defaultSource ?? 'genesys-v3'),
    sinkFor,
    flush,
    subscribeKey(key, listener) {
      let listeners = keyListeners.get(key);
      if (!listeners) {
        listeners = new Set();
        keyListeners.set(key, listeners);
      }
      listeners.add(listener);
      return () => {
        const current = keyListeners.get(key);
        if (!current) return;
        current.delete(listener);
        if (current.size === 0) keyListeners.delete(key);
      };
    },
    checkFreshness() {
      const now = deps.now();
      const { values } = store.getState();
      let next: Map<string, StatValue> | undefined;
      const changed: string[] = [];
      for (const [key, v] of values) {
        if (v.status !== 'live' || v.periodMs === undefined) continue;
        const arrived = lastArrival.get(key) ?? v.receivedAt;
        if (now - arrived <= STALE_AFTER_PERIODS * v.periodMs) continue;
        next ??= new Map(values);
        // The age a stale tile shows counts from the last arrival, even of an unchanged value.
        next.set(key, { ...v, receivedAt: arrived, status: 'stale', reason: 'no update in time' });
        changed.push(key);
      }
      if (next) {
        store.setState({ values: next });
        notifyKeys(changed);
      }
    },
  };
}
