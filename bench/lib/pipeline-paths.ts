import { createStore } from 'zustand/vanilla';
import { applyStatisticUpdate, type UnheldSubscriptions } from '../../src/sources/genesys-v3/apply-statistic-update.ts';
import { parseStatisticUpdate } from '../../src/sources/genesys-v3/notification-schemas.ts';
import type { SubscriptionBook } from '../../src/sources/genesys-v3/subscription-book.ts';
import type { SourceSink, SourceUpdate } from '../../src/sources/stat-source.ts';
import { createStatStore } from '../../src/store/create-stat-store.ts';
import type { StatValue } from '../../src/store/stat-value.ts';

/** One way from a StatisticUpdate's `data` to the store: what the benchmark times. */
export interface PipelinePath {
  readonly name: string;
  /** The CometD subscription callback's work for one message. */
  apply(message: unknown): void;
  /** A frame: the browser's requestAnimationFrame callback (a no-op for a path with nothing deferred). */
  frame(): void;
  /** Values the store holds now, for the check that both paths did the same work. */
  values(): ReadonlyMap<string, StatValue>;
  /** Updates the store took in (0 when the path does not count them). */
  updatesApplied(): number;
}

/** Every subscription in the fixture is held, so no update is a stray. */
const ALL_HELD: UnheldSubscriptions = { isSettling: () => false, deleteStray: () => undefined };

/**
 * What the app does (src/app/use-live-source.ts, create-genesys-v3-source.ts): the adapter's
 * `applyStatisticUpdate` into the stat store's buffered sink, whose flush runs once per animation
 * frame. Here the frame is `frame()`, called by the benchmark after each frame's worth of messages.
 */
export function createBatchedPath(book: SubscriptionBook): PipelinePath {
  let pendingFrame: (() => void) | undefined;
  const stat = createStatStore({
    now: () => Date.now(),
    requestFrame: (flush) => {
      pendingFrame = flush;
    },
  });
  stat.sink.connection('live');
  return {
    name: 'batched',
    apply: (message) => applyStatisticUpdate(message, book, ALL_HELD, stat.sink),
    frame() {
      const flush = pendingFrame;
      pendingFrame = undefined;
      flush?.();
    },
    values: () => stat.store.getState().values,
    updatesApplied: () => stat.store.getState().diagnostics.updatesApplied,
  };
}

/**
 * The reference the issue asks for: the same parsing, but every statistic written with its own
 * `setState`, each copying the Map as an immutable zustand store must (a store mutated in place
 * would not tell its subscribers anything changed). `initial` fills the store up front: filling it
 * one copy at a time would take the naive path minutes at 10,000 statistics.
 */
export function createNaivePath(book: SubscriptionBook, initial: ReadonlyMap<string, StatValue> = new Map()): PipelinePath {
  const store = createStore<{ values: ReadonlyMap<string, StatValue> }>()(() => ({ values: new Map(initial) }));
  const toValue = (u: SourceUpdate): StatValue => ({ key: u.key, value: u.value, timestamp: u.timestamp, receivedAt: Date.now(), periodMs: u.periodMs, status: 'live' });
  const sink: SourceSink = {
    updates(batch) {
      for (const update of batch) store.setState((state) => ({ values: new Map(state.values).set(update.key, toValue(update)) }));
    },
    statuses: () => undefined,
    connection: () => undefined,
    dropped: () => undefined,
    forget: () => undefined,
  };
  return {
    name: 'naive',
    apply: (message) => applyStatisticUpdate(message, book, ALL_HELD, sink),
    frame: () => undefined,
    values: () => store.getState().values,
    updatesApplied: () => 0,
  };
}

const NO_VALUES: ReadonlyMap<string, StatValue> = new Map();

/**
 * The batched path cut short, to say where its time goes (`--stages`): `parse` is the message
 * schema alone; `adapter` adds the book lookups and value normalisation, into a sink that keeps
 * nothing. The store's share is what the full path costs beyond `adapter`.
 */
export function createStagePaths(book: SubscriptionBook): PipelinePath[] {
  let kept = 0;
  const discard: SourceSink = {
    updates: (batch) => {
      kept += batch.length;
    },
    statuses: () => undefined,
    connection: () => undefined,
    dropped: () => undefined,
    forget: () => undefined,
  };
  return [
    {
      name: 'parse',
      apply(message) {
        const parsed = parseStatisticUpdate(message);
        if (parsed.ok) kept += parsed.statistics.length;
      },
      frame: () => undefined,
      values: () => NO_VALUES,
      updatesApplied: () => kept,
    },
    {
      name: 'adapter',
      apply: (message) => applyStatisticUpdate(message, book, ALL_HELD, discard),
      frame: () => undefined,
      values: () => NO_VALUES,
      updatesApplied: () => kept,
    },
  ];
}
