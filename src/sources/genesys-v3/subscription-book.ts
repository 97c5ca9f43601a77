import type { EngageSpec } from './engage-spec.ts';

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

/** A subscription some of whose statistics are still shown and some not. */
export interface PartlyUsedSubscription {
  readonly subscriptionId: string;
  /** When its create was answered (the sync's clock). */
  readonly openedAt: number;
  /** The keys it holds that are still wanted, in the order it holds them. */
  readonly inUse: readonly string[];
}

/**
 * What the adapter holds, without any I/O: the set of statistics on screen (by `statKey`, so two
 * specs with the same key share one statistic), the subscriptions opened on the server and which
 * key each `(subscriptionId, statisticId)` stands for, creates in flight, and keys the server
 * refused. A statistic is in use when its key is wanted and is located in that subscription (a key
 * moved to a newer subscription no longer counts in the old one).
 */
export interface SubscriptionBook {
  /** Replaces the wanted set and says what changed. A key no longer wanted loses its refusal, so wanting it again retries. */
  want(specs: readonly EngageSpec[]): WantChange;
  isWanted(key: string): boolean;
  spec(key: string): EngageSpec | undefined;
  wantedKeys(): string[];
  /** Wanted keys with no open statistic, no create in flight and no refusal. */
  needingCreate(): string[];
  markCreating(keys: readonly string[]): void;
  settleCreating(keys: readonly string[]): void;
  markRefused(key: string, message: string): void;
  refusal(key: string): string | undefined;
  /** Forgets every refusal, so those keys are created again; returns how many there were. */
  clearRefusals(): number;
  /** Records the statistics a create opened; a key held elsewhere before is located here from now on. */
  recordOpened(subscriptionId: string, statistics: ReadonlyArray<{ readonly statisticId: string; readonly key: string }>, openedAt: number): void;
  keyAt(subscriptionId: string, statisticId: string): string | undefined;
  locationOf(key: string): StatLocation | undefined;
  holds(subscriptionId: string): boolean;
  subscriptionIds(): string[];
  /** Subscriptions none of whose statistics is in use: forgotten here and returned, for DELETE. */
  releaseUnused(): string[];
  /** Subscriptions with statistics both in use and not: candidates for a smaller replacement. */
  partlyUsed(): PartlyUsedSubscription[];
  /** The server no longer has this subscription (or we replaced it): forgets it and returns its keys. */
  forgetSubscription(subscriptionId: string): string[];
  /** Forgets every subscription and create in flight (the server dropped them); returns the subscription ids held. */
  forgetAll(): string[];
}

interface HeldSubscription {
  readonly openedAt: number;
  /** statisticId → key */
  readonly statistics: Map<string, string>;
}

export function createSubscriptionBook(): SubscriptionBook {
  let wanted = new Map<string, EngageSpec>();
  const refused = new Map<string, string>();
  const creating = new Set<string>();
  const subscriptions = new Map<string, HeldSubscription>();
  const locations = new Map<string, StatLocation>();

  function forgetSubscription(subscriptionId: string): string[] {
    const held = subscriptions.get(subscriptionId);
    if (!held) return [];
    subscriptions.delete(subscriptionId);
    const keys = [...held.statistics.values()];
    for (const key of keys) if (locations.get(key)?.subscriptionId === subscriptionId) locations.delete(key);
    return keys;
  }

  function inUse(subscriptionId: string, held: HeldSubscription): string[] {
    return [...held.statistics.values()].filter((key) => wanted.has(key) && locations.get(key)?.subscriptionId === subscriptionId);
  }

  return {
    want(specs) {
      const next = new Map<string, EngageSpec>();
      for (const spec of specs) {
        const { key } = spec;
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
    clearRefusals() {
      const count = refused.size;
      refused.clear();
      return count;
    },
    recordOpened(subscriptionId, statistics, openedAt) {
      const held = subscriptions.get(subscriptionId) ?? { openedAt, statistics: new Map<string, string>() };
      for (const { statisticId, key } of statistics) {
        held.statistics.set(statisticId, key);
        locations.set(key, { subscriptionId, statisticId });
      }
      if (held.statistics.size > 0) subscriptions.set(subscriptionId, held);
    },
    keyAt: (subscriptionId, statisticId) => subscriptions.get(subscriptionId)?.statistics.get(statisticId),
    locationOf: (key) => locations.get(key),
    holds: (subscriptionId) => subscriptions.has(subscriptionId),
    subscriptionIds: () => [...subscriptions.keys()],
    releaseUnused() {
      const unused = [...subscriptions.entries()].filter(([id, held]) => inUse(id, held).length === 0).map(([id]) => id);
      for (const id of unused) forgetSubscription(id);
      return unused;
    },
    partlyUsed() {
      return [...subscriptions.entries()].flatMap(([subscriptionId, held]) => {
        const keys = inUse(subscriptionId, held);
        return keys.length > 0 && keys.length < held.statistics.size ? [{ subscriptionId, openedAt: held.openedAt, inUse: keys }] : [];
      });
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
