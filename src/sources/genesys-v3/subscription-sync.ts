import type { SourceSink, SubscriptionStatus, SourceUpdate } from '../stat-source.ts';
import type { ReportedStatistic } from './rest-schemas.ts';
import { refusalMessages } from './refusal-messages.ts';
import { backoffDelay, REST_RETRY } from './retry-policy.ts';
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
  readonly newOperationId: () => string;
  /** Whether REST work may go out now: session ready, long-poll up, service available, signed in. */
  readonly canSync: () => boolean;
  readonly isServiceAvailable: () => boolean;
  /** A call was answered 401 after the auth module's refresh (or it could not refresh). */
  readonly onUnauthorized: (message: string) => void;
}

/**
 * Brings the server in line with the book over REST (§2.10.2, .7, .9): creates what is wanted and
 * not open (batched: everything asked for within one tick goes in one request per 500), re-reads
 * values when asked, DELETEs subscriptions nobody uses, and backs off with jitter on 5xx and network
 * errors. Each reset (service dropped everything, new CometD session, stop) starts a new epoch:
 * answers to older requests change nothing, and what they opened is deleted.
 */
export interface SubscriptionSync {
  /** Runs the pending work in a microtask, so the calls of one tick share requests. */
  schedule(): void;
  /** Reads the values of these subscriptions again (all when omitted), e.g. after the long-poll came back. */
  reread(subscriptionIds?: readonly string[]): void;
  /** DELETEs subscriptions none of whose statistics is wanted (fire-and-forget, §2.5). */
  releaseUnused(): void;
  /** The service dropped every subscription (UNAVAILABLE): forget them, no DELETE. */
  dropAll(): void;
  /** A new CometD session: forget what the old one held and DELETE it, in case the server kept it. */
  resetSession(): void;
  /** Waits for requests in flight (deleting what they open), then DELETEs everything held. */
  close(): Promise<void>;
}

export function createSubscriptionSync(deps: SubscriptionSyncDeps): SubscriptionSync {
  const { api, book, sink, timers } = deps;
  let epoch = 0;
  let closed = false;
  let queued = false;
  let retryTimer: unknown;
  let retryAttempt = 0;
  let statisticCounter = 0;
  const pendingReads = new Set<string>();
  const readsInFlight = new Set<string>();
  const inFlight = new Set<Promise<void>>();

  function track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => console.error('genesys-v3: subscription work failed', error));
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
  }

  function cancelRetry(): void {
    if (retryTimer !== undefined) timers.clearTimeout(retryTimer);
    retryTimer = undefined;
  }

  /** One timer for everything that failed: work waits for it, so a failing server sees fewer requests, not more. */
  function retryLater(status: number | undefined): void {
    // 503 while the service is announced down: AVAILABLE will bring the work back (§2.10.7).
    if (status === 503 && !deps.isServiceAvailable()) return;
    if (retryTimer !== undefined || closed) return;
    retryTimer = timers.setTimeout(() => {
      retryTimer = undefined;
      flush();
    }, backoffDelay(retryAttempt++, REST_RETRY, deps.random));
  }

  function emitValues(entries: ReadonlyArray<{ readonly key: string; readonly statistic: ReportedStatistic }>): void {
    const updates: SourceUpdate[] = [];
    const statuses: SubscriptionStatus[] = [];
    for (const { key, statistic } of entries) {
      const spec = book.spec(key);
      if (!spec) continue;
      const result = toSourceUpdate(key, spec, statistic.value, statistic.timestamp);
      if (result.ok) {
        updates.push(result.update);
        statuses.push({ key, status: 'live' });
      } else {
        sink.dropped(result.reason);
        statuses.push({ key, status: 'error', reason: result.message });
      }
    }
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
    if (statuses.length > 0) sink.statuses(statuses);
  }

  function applyCreated(outcome: CreateOutcome, keysById: ReadonlyMap<string, string>): void {
    switch (outcome.kind) {
      case 'opened': {
        retryAttempt = 0;
        const opened = outcome.statistics.flatMap((statistic) => {
          const key = keysById.get(statistic.statisticId);
          return key === undefined ? [] : [{ key, statistic }];
        });
        book.recordOpened(outcome.subscriptionId, opened.map(({ key, statistic }) => ({ key, statisticId: statistic.statisticId })));
        if (outcome.malformed > 0) sink.dropped('malformed statistic');
        emitValues(opened);
        const openedIds = new Set(opened.map(({ statistic }) => statistic.statisticId));
        const missing = [...keysById.keys()].filter((id) => !openedIds.has(id));
        if (missing.length > 0) refuse(keysById, missing, outcome.errors, 'The server did not open this statistic');
        // Tiles may have left while the request was in flight.
        releaseUnused();
        return;
      }
      case 'refused':
        refuse(keysById, [...keysById.keys()], outcome.errors, outcome.message);
        return;
      case 'retry':
        retryLater(outcome.status);
        return;
      case 'unauthorized':
        deps.onUnauthorized(outcome.message);
        return;
    }
  }

  async function create(keys: readonly string[]): Promise<void> {
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
    book.markCreating(keys);
    const outcome = await api.create(deps.newOperationId(), descriptors);
    if (started !== epoch) {
      // Opened for a session or service state that is gone: make sure it does not linger.
      if (outcome.kind === 'opened') await api.remove(outcome.subscriptionId);
      return;
    }
    book.settleCreating(keys);
    applyCreated(outcome, keysById);
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
        if (outcome.malformed > 0) sink.dropped('malformed statistic');
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

  function flush(): void {
    if (closed || retryTimer !== undefined || !deps.canSync()) return;
    const keys = book.needingCreate();
    for (let i = 0; i < keys.length; i += MAX_STATISTICS_PER_CREATE) track(create(keys.slice(i, i + MAX_STATISTICS_PER_CREATE)));
    const held = new Set(book.subscriptionIds());
    for (const id of [...pendingReads]) {
      if (readsInFlight.has(id)) continue;
      pendingReads.delete(id);
      if (held.has(id)) track(read(id));
    }
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
    for (const id of book.releaseUnused()) {
      pendingReads.delete(id);
      track(api.remove(id));
    }
  }

  /** Forgets everything held and everything in flight; returns the subscription ids that were held. */
  function newEpoch(): string[] {
    epoch++;
    cancelRetry();
    retryAttempt = 0;
    pendingReads.clear();
    readsInFlight.clear();
    return book.forgetAll();
  }

  return {
    schedule,
    reread(subscriptionIds) {
      for (const id of subscriptionIds ?? book.subscriptionIds()) pendingReads.add(id);
      schedule();
    },
    releaseUnused,
    dropAll() {
      newEpoch();
    },
    resetSession() {
      for (const id of newEpoch()) track(api.remove(id));
    },
    async close() {
      closed = true;
      const held = newEpoch();
      await Promise.allSettled([...inFlight]);
      await Promise.allSettled(held.map((id) => api.remove(id)));
    },
  };
}
