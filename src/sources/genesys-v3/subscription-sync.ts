import type { SourceSink, SubscriptionStatus, SourceUpdate } from '../stat-source.ts';
import { planCompaction } from './compaction-plan.ts';
import { createDeleteQueue } from './delete-queue.ts';
import { createDropTally } from './drop-tally.ts';
import type { ReportedStatistic } from './rest-schemas.ts';
import { refusalMessages } from './refusal-messages.ts';
import { backoffDelay } from '../../lib/backoff.ts';
import { refusalRetryDelay, REST_RETRY } from './retry-policy.ts';
import { toStatisticDescriptor } from './statistic-descriptor.ts';
import type { CreateOutcome, StatisticDescriptor, StatisticsApi } from './statistics-api.ts';
import type { SubscriptionBook } from './subscription-book.ts';
import type { Timers } from './timers.ts';
import { toSourceUpdate } from './to-source-update.ts';

/** Statistics per create request: well under the server's 256 KiB body limit, few requests for a big board. */
export const MAX_STATISTICS_PER_CREATE = 500;

export interface SubscriptionSyncDeps {
  readonly api: StatisticsApi;
  readonly book: SubscriptionBook;
  readonly sink: SourceSink;
  readonly timers: Timers;
  readonly random: () => number;
  readonly now: () => number;
  readonly newOperationId: () => string;
  /** How long the watched set and a subscription must be unchanged before a partly used subscription is replaced. */
  readonly settleMs: number;
  /** Whether REST work may go out now: session ready, long-poll up, service available, signed in. */
  readonly canSync: () => boolean;
  readonly isServiceAvailable: () => boolean;
  /** A call was answered 401 after the auth module's refresh (or it could not refresh). */
  readonly onUnauthorized: (message: string) => void;
}

/**
 * Brings the server in line with the book over REST (docs/vendors/genesys-engage.md §2.10.2, .7, .9): creates what is wanted and
 * not open (batched: everything asked for within one tick goes in one request per 500), re-reads
 * values when asked, replaces partly used subscriptions by ones holding only what is shown, DELETEs
 * what nobody uses until the server confirms, retries refused statistics now and then, and backs off
 * with jitter on 5xx and network errors. Each reset (service dropped everything, new CometD session,
 * stop) starts a new epoch: answers to older requests change nothing, and what they opened is deleted.
 */
export interface SubscriptionSync {
  /** Runs the pending work in a microtask, so the calls of one tick share requests. */
  schedule(): void;
  /** Reads the values of these subscriptions again (all when omitted), e.g. after the long-poll came back. */
  reread(subscriptionIds?: readonly string[]): void;
  /** The watched set changed: DELETE what none of it uses now, replace what part of it uses once it settles. */
  wantChanged(): void;
  /** Ours though not in the book: its create or its DELETE is in flight, so its updates are expected. */
  isSettling(subscriptionId: string): boolean;
  /** Updates arrived for a subscription we do not hold: DELETE it (at most once a minute per subscription). */
  deleteStray(subscriptionId: string): void;
  /** Forgets the server's refusals and asks for those statistics again (AVAILABLE, new session, slow timer). */
  retryRefused(): void;
  /** The service dropped every subscription (UNAVAILABLE): forget them, no DELETE. */
  dropAll(): void;
  /** A new CometD session: forget what the old one held and DELETE it once, in case the server kept it. */
  resetSession(): void;
  /** Waits for requests in flight (deleting what they open), then DELETEs everything held or queued. */
  close(): Promise<void>;
}

export function createSubscriptionSync(deps: SubscriptionSyncDeps): SubscriptionSync {
  const { api, book, sink, timers } = deps;
  const toDelete = createDeleteQueue(deps.now);
  let epoch = 0;
  let closed = false;
  let queued = false;
  let retryTimer: unknown;
  let retryAttempt = 0;
  let compactionTimer: unknown;
  let refusalTimer: unknown;
  let wantChangedAt = Number.NEGATIVE_INFINITY;
  let statisticCounter = 0;
  const pendingReads = new Set<string>();
  const readsInFlight = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  /** Operation ids (= subscriptionIds) of creates in flight: the server may notify before it answers. */
  const creatingIds = new Set<string>();
  /** Subscriptions whose smaller replacement is being created. */
  const replacing = new Set<string>();

  function track(work: Promise<unknown>): void {
    const tracked = work.then(
      () => undefined,
      (error: unknown) => console.error('genesys-v3: subscription work failed', error),
    );
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
  }

  function clearTimer(handle: unknown): undefined {
    if (handle !== undefined) timers.clearTimeout(handle);
    return undefined;
  }

  /** One timer for everything that failed: work waits for it, so a failing server sees fewer requests, not more. */
  function retryLater(status: number | undefined): void {
    // 503 while the service is announced down: AVAILABLE will bring the work back (docs/vendors/genesys-engage.md §2.10.7).
    if (status === 503 && !deps.isServiceAvailable()) return;
    if (retryTimer !== undefined || closed) return;
    retryTimer = timers.setTimeout(() => {
      retryTimer = undefined;
      flush();
    }, backoffDelay(retryAttempt++, REST_RETRY, deps.random));
  }

  function armRefusalRetry(): void {
    if (refusalTimer !== undefined || closed) return;
    refusalTimer = timers.setTimeout(() => {
      refusalTimer = undefined;
      retryRefused();
    }, refusalRetryDelay(deps.random));
  }

  function retryRefused(): void {
    refusalTimer = clearTimer(refusalTimer);
    // The tiles keep their error until the new answer: no `loading` flicker every five minutes.
    if (book.clearRefusals() > 0) schedule();
  }

  function queueDelete(subscriptionId: string): void {
    toDelete.add(subscriptionId);
    schedule();
  }

  /** `first`: the values came with a new subscription (docs/architecture.md "Freshness"). */
  function emitValues(entries: ReadonlyArray<{ readonly key: string; readonly statistic: ReportedStatistic }>, first = false): void {
    const updates: SourceUpdate[] = [];
    const statuses: SubscriptionStatus[] = [];
    const drops = createDropTally();
    for (const { key, statistic } of entries) {
      const spec = book.spec(key);
      if (!spec) continue;
      const result = toSourceUpdate(key, spec, statistic.value, statistic.timestamp, first);
      if (result.ok) {
        updates.push(result.update);
        statuses.push({ key, status: 'live' });
      } else {
        drops.add(result.reason);
        statuses.push({ key, status: 'error', reason: result.message });
      }
    }
    drops.report(sink);
    if (statuses.length > 0) sink.statuses(statuses);
    if (updates.length > 0) sink.updates(updates);
  }

  function refuse(keysById: ReadonlyMap<string, string>, refusedIds: readonly string[], errors: readonly string[], fallback: string): void {
    const messages = refusalMessages(refusedIds, [...keysById.keys()], errors, fallback);
    const statuses: SubscriptionStatus[] = [];
    for (const [statisticId, message] of messages) {
      const key = keysById.get(statisticId);
      if (key === undefined || !book.isWanted(key)) continue;
      book.markRefused(key, message);
      statuses.push({ key, status: 'error', reason: message });
    }
    if (statuses.length > 0) {
      sink.statuses(statuses);
      armRefusalRetry();
    }
  }

  /** A replaced subscription: its keys live in the new one now (or were refused); DELETE it until the server confirms. */
  function retire(subscriptionId: string): void {
    book.forgetSubscription(subscriptionId);
    pendingReads.delete(subscriptionId);
    queueDelete(subscriptionId);
  }

  function applyCreated(outcome: CreateOutcome, keysById: ReadonlyMap<string, string>, operationId: string, replaced: string | undefined): void {
    switch (outcome.kind) {
      case 'opened': {
        retryAttempt = 0;
        const opened = outcome.statistics.flatMap((statistic) => {
          const key = keysById.get(statistic.statisticId);
          return key === undefined ? [] : [{ key, statistic }];
        });
        book.recordOpened(
          outcome.subscriptionId,
          opened.map(({ key, statistic }) => ({ key, statisticId: statistic.statisticId })),
          deps.now(),
        );
        if (replaced !== undefined) retire(replaced);
        if (outcome.malformed > 0) sink.dropped('malformed statistic', outcome.malformed);
        // A replacement's answer brings the current values too: its tiles go on showing values, never `loading`.
        emitValues(opened, true);
        const openedIds = new Set(opened.map(({ statistic }) => statistic.statisticId));
        const missing = [...keysById.keys()].filter((id) => !openedIds.has(id));
        if (missing.length > 0) refuse(keysById, missing, outcome.errors, 'The server did not open this statistic');
        // Tiles may have left while the request was in flight; flush plans the replacement of what they left.
        releaseUnused();
        schedule();
        return;
      }
      case 'refused':
        refuse(keysById, [...keysById.keys()], outcome.errors, outcome.message);
        if (replaced !== undefined) retire(replaced);
        return;
      case 'retry':
        if (outcome.mayHaveOpened) queueDelete(operationId);
        retryLater(outcome.status);
        return;
      case 'unauthorized':
        deps.onUnauthorized(outcome.message);
        return;
    }
  }

  /** Creates a subscription for these keys; with `replaced`, as the smaller successor of that subscription. */
  async function create(keys: readonly string[], replaced?: string): Promise<void> {
    const started = epoch;
    const keysById = new Map<string, string>();
    const descriptors: StatisticDescriptor[] = [];
    for (const key of keys) {
      const spec = book.spec(key);
      if (!spec) continue;
      const statisticId = `s${(++statisticCounter).toString(36)}`;
      keysById.set(statisticId, key);
      descriptors.push(toStatisticDescriptor(spec, statisticId));
    }
    const operationId = deps.newOperationId();
    book.markCreating(keys);
    creatingIds.add(operationId);
    if (replaced !== undefined) replacing.add(replaced);
    const outcome = await api.create(operationId, descriptors);
    creatingIds.delete(operationId);
    if (started !== epoch) {
      // Opened for a session or service state that is gone: make sure it does not linger.
      const orphan = outcome.kind === 'opened' ? outcome.subscriptionId : outcome.kind === 'retry' && outcome.mayHaveOpened ? operationId : undefined;
      if (orphan !== undefined && closed) await api.remove(orphan);
      else if (orphan !== undefined) queueDelete(orphan);
      return;
    }
    book.settleCreating(keys);
    if (replaced !== undefined) replacing.delete(replaced);
    applyCreated(outcome, keysById, operationId, replaced);
  }

  async function read(subscriptionId: string): Promise<void> {
    const started = epoch;
    readsInFlight.add(subscriptionId);
    const outcome = await api.read(subscriptionId);
    if (started !== epoch) return;
    readsInFlight.delete(subscriptionId);
    switch (outcome.kind) {
      case 'values':
        retryAttempt = 0;
        if (outcome.malformed > 0) sink.dropped('malformed statistic', outcome.malformed);
        emitValues(
          outcome.statistics.flatMap((statistic) => {
            const key = book.keyAt(subscriptionId, statistic.statisticId);
            return key === undefined ? [] : [{ key, statistic }];
          }),
        );
        return;
      case 'gone':
        // Its keys now need a create; the flush below the read picks them up.
        book.forgetSubscription(subscriptionId);
        schedule();
        return;
      case 'retry':
        pendingReads.add(subscriptionId);
        retryLater(outcome.status);
        return;
      case 'unauthorized':
        deps.onUnauthorized(outcome.message);
        return;
    }
  }

  async function remove(subscriptionId: string): Promise<void> {
    const started = epoch;
    const outcome = await api.remove(subscriptionId);
    if (started !== epoch) return;
    switch (outcome.kind) {
      case 'removed':
        retryAttempt = 0;
        toDelete.settle(subscriptionId, true);
        return;
      case 'refused':
        // A 4xx is the server's final word on this DELETE: asking again would get the same.
        toDelete.settle(subscriptionId, true);
        return;
      case 'retry':
        toDelete.settle(subscriptionId, false);
        retryLater(outcome.status);
        return;
      case 'unauthorized':
        toDelete.settle(subscriptionId, false);
        deps.onUnauthorized(outcome.message);
        return;
    }
  }

  /** Starts the replacements that are due and wakes flush when the next one will be. */
  function compact(): void {
    compactionTimer = clearTimer(compactionTimer);
    const now = deps.now();
    const plan = planCompaction(book.partlyUsed(), { now, settleMs: deps.settleMs, wantChangedAt, replacing });
    for (const { subscriptionId, keys } of plan.due) track(create(keys, subscriptionId));
    if (plan.nextAt === undefined) return;
    compactionTimer = timers.setTimeout(() => {
      compactionTimer = undefined;
      flush();
    }, plan.nextAt - now);
  }

  function flush(): void {
    if (closed || retryTimer !== undefined || !deps.canSync()) return;
    const keys = book.needingCreate();
    for (let i = 0; i < keys.length; i += MAX_STATISTICS_PER_CREATE) track(create(keys.slice(i, i + MAX_STATISTICS_PER_CREATE)));
    compact();
    const held = new Set(book.subscriptionIds());
    for (const id of [...pendingReads]) {
      if (readsInFlight.has(id)) continue;
      pendingReads.delete(id);
      if (held.has(id)) track(read(id));
    }
    for (const id of toDelete.take()) track(remove(id));
  }

  function schedule(): void {
    if (queued || closed) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      flush();
    });
  }

  function releaseUnused(): void {
    const released = book.releaseUnused();
    for (const id of released) {
      pendingReads.delete(id);
      toDelete.add(id);
    }
    if (released.length > 0) schedule();
  }

  /** Forgets everything held and everything in flight; returns the subscription ids that were held. */
  function newEpoch(): string[] {
    epoch++;
    retryTimer = clearTimer(retryTimer);
    compactionTimer = clearTimer(compactionTimer);
    retryAttempt = 0;
    pendingReads.clear();
    readsInFlight.clear();
    replacing.clear();
    // What the old server session held is gone with it (docs/vendors/genesys-engage.md §2.10.6): no DELETE left to repeat.
    toDelete.clear();
    return book.forgetAll();
  }

  return {
    schedule,
    reread(subscriptionIds) {
      for (const id of subscriptionIds ?? book.subscriptionIds()) pendingReads.add(id);
      schedule();
    },
    wantChanged() {
      wantChangedAt = deps.now();
      releaseUnused();
      schedule();
    },
    isSettling: (subscriptionId) => toDelete.has(subscriptionId) || creatingIds.has(subscriptionId),
    deleteStray(subscriptionId) {
      if (!closed && toDelete.addStray(subscriptionId)) schedule();
    },
    retryRefused,
    dropAll() {
      newEpoch();
    },
    resetSession() {
      for (const id of newEpoch()) {
        toDelete.noteSent(id);
        track(api.remove(id));
      }
      retryRefused();
    },
    async close() {
      closed = true;
      refusalTimer = clearTimer(refusalTimer);
      const queuedDeletes = toDelete.clear();
      const held = newEpoch();
      await Promise.allSettled([...inFlight]);
      await Promise.allSettled([...held, ...queuedDeletes].map((id) => api.remove(id)));
    },
  };
}
