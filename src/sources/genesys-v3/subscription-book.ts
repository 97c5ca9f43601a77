import { statKey, type StatSpec } from '../stat-spec.ts';

/** Where a statistic lives on the server. */
export interface StatLocation {
  readonly subscriptionId: string;
  readonly statisticId: string;
}

export interface WantChange {
  /** Keys that were not wanted before, in the order of the specs. */
  readonly added: readonly string[];
  /** Keys that are no longer wanted. */
  readonly removed: readonly string[];
}

/**
 * What the adapter holds, without any I/O: the set of statistics on screen (by `statKey`, so two
 * specs with the same key share one statistic), the subscriptions opened on the server and which
 * key each `(subscriptionId, statisticId)` stands for, creates in flight, keys waiting for a retry
 * and keys the server refused. A subscription is kept while any of its statistics is wanted and
 * released for DELETE once none is.
 */
export interface SubscriptionBook {
  /** Replaces the wanted set and says what changed. A key no longer wanted loses its refusal, so wanting it again retries. */
  want(specs: readonly StatSpec[]): WantChange;
  isWanted(key: string): boolean;
  spec(key: string): StatSpec | undefined;
  wantedKeys(): string[];
  /** Wanted keys with no open statistic, no create in flight and no refusal. */
  needingCreate(): string[];
  markCreating(keys: readonly string[]): void;
  settleCreating(keys: readonly string[]): void;
  markRefused(key: string, message: string): void;
  refusal(key: string): string | undefined;
  recordOpened(subscriptionId: string, statistics: ReadonlyArray<{ readonly statisticId: string; readonly key: string }>): void;
  keyAt(subscriptionId: string, statisticId: string): string | undefined;
  locationOf(key: string): StatLocation | undefined;
  subscriptionIds(): string[];
  /** Subscriptions none of whose statistics is wanted: forgotten here and returned, for DELETE. */
  releaseUnused(): string[];
  /** The server no longer has this subscription: forgets it and returns its keys. */
  forgetSubscription(subscriptionId: string): string[];
  /** Forgets every subscription and create in flight (the server dropped them); returns the subscription ids held. */
  forgetAll(): string[];
}

export function createSubscriptionBook(): SubscriptionBook {
  let wanted = new Map<string, StatSpec>();
  const refused = new Map<string, string>();
  const creating = new Set<string>();
  /** subscriptionId → statisticId → key */
  const subscriptions = new Map<string, Map<string, string>>();
  const locations = new Map<string, StatLocation>();

  function forgetSubscription(subscriptionId: string): string[] {
    const statistics = subscriptions.get(subscriptionId);
    if (!statistics) return [];
    subscriptions.delete(subscriptionId);
    const keys = [...statistics.values()];
    for (const key of keys) if (locations.get(key)?.subscriptionId === subscriptionId) locations.delete(key);
    return keys;
  }

  return {
    want(specs) {
      const next = new Map<string, StatSpec>();
      for (const spec of specs) {
        const key = statKey(spec);
        if (!next.has(key)) next.set(key, spec);
      }
      const added = [...next.keys()].filter((key) => !wanted.has(key));
      const removed = [...wanted.keys()].filter((key) => !next.has(key));
      for (const key of removed) refused.delete(key);
      wanted = next;
      return { added, removed };
    },
    isWanted: (key) => wanted.has(key),
    spec: (key) => wanted.get(key),
    wantedKeys: () => [...wanted.keys()],
    needingCreate: () => [...wanted.keys()].filter((key) => !locations.has(key) && !creating.has(key) && !refused.has(key)),
    markCreating(keys) {
      for (const key of keys) creating.add(key);
    },
    settleCreating(keys) {
      for (const key of keys) creating.delete(key);
    },
    markRefused(key, message) {
      refused.set(key, message);
    },
    refusal: (key) => refused.get(key),
    recordOpened(subscriptionId, statistics) {
      const byId = subscriptions.get(subscriptionId) ?? new Map<string, string>();
      for (const { statisticId, key } of statistics) {
        byId.set(statisticId, key);
        locations.set(key, { subscriptionId, statisticId });
      }
      if (byId.size > 0) subscriptions.set(subscriptionId, byId);
    },
    keyAt: (subscriptionId, statisticId) => subscriptions.get(subscriptionId)?.get(statisticId),
    locationOf: (key) => locations.get(key),
    subscriptionIds: () => [...subscriptions.keys()],
    releaseUnused() {
      const unused = [...subscriptions.entries()]
        .filter(([, statistics]) => [...statistics.values()].every((key) => !wanted.has(key)))
        .map(([id]) => id);
      for (const id of unused) forgetSubscription(id);
      return unused;
    },
    forgetSubscription,
    forgetAll() {
      const ids = [...subscriptions.keys()];
      subscriptions.clear();
      locations.clear();
      creating.clear();
      return ids;
    },
  };
}
