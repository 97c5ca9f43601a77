import type { StatisticNotification, Subscription, SubscriptionRegistry } from '../stats/subscription-registry.ts';

/**
 * Benchmark load (`POST /mock/admin/firehose`): pushes synthetic StatisticUpdates for the open
 * subscriptions at a fixed rate, round-robin over their statistics, each stamped with the real
 * clock so a client can measure notification-to-pixel latency.
 */
export interface FirehoseOptions {
  readonly updatesPerSecond: number;
  /** Only the first N subscribed statistics take part (all when absent). */
  readonly statistics?: number;
}

export interface Firehose {
  start(options: FirehoseOptions): void;
  stop(): void;
  status(): { readonly running: boolean; readonly updatesPerSecond: number; readonly sent: number };
}

const TICK_MS = 20;

/**
 * The value of the `position`-th update (0, 1, …) round-robin over `targets` statistics: 0–999,
 * spread over the statistics, and one more than the statistic's previous value, so every update
 * changes what its tile shows whatever the count (a plain counter mod 1,000 would give each of
 * 1,000 statistics the same value round after round).
 */
export function firehoseValue(position: number, targets: number): number {
  const statistic = position % targets;
  const round = Math.floor(position / targets);
  return (statistic * 37 + round) % 1000;
}

export function createFirehose(registry: SubscriptionRegistry, now: () => number = Date.now): Firehose {
  let timer: ReturnType<typeof setInterval> | undefined;
  let rate = 0;
  let sent = 0;
  let cursor = 0;
  let owed = 0;
  let lastAt = 0;
  let limit: number | undefined;

  function targets(): { subscription: Subscription; statisticId: string }[] {
    const list: { subscription: Subscription; statisticId: string }[] = [];
    for (const subscription of registry.all()) {
      for (const s of subscription.statistics) {
        list.push({ subscription, statisticId: s.statisticId });
        if (limit !== undefined && list.length >= limit) return list;
      }
    }
    return list;
  }

  let cached: ReturnType<typeof targets> = [];
  let cachedFor = '';

  function pump(): void {
    const t = now();
    // A stalled event loop must not turn into one huge burst: owe at most 100 ms of updates.
    owed = Math.min(owed + ((t - lastAt) * rate) / 1000, Math.max(1, rate / 10));
    lastAt = t;
    const { subscriptions, statistics } = registry.counts();
    const key = `${subscriptions}/${statistics}`;
    if (key !== cachedFor) {
      cached = targets();
      cachedFor = key;
    }
    const all = cached;
    if (all.length === 0) {
      owed = 0;
      return;
    }
    const batches = new Map<Subscription, StatisticNotification[]>();
    while (owed >= 1) {
      owed -= 1;
      const target = all[cursor % all.length] as (typeof all)[number];
      const n = firehoseValue(cursor++, all.length);
      sent++;
      const update: StatisticNotification = {
        subscriptionId: target.subscription.id,
        statisticId: target.statisticId,
        value: { intValue: n, stringValue: String(n), tag: -1, intervalLength: 0, timestamp: t },
        timestamp: t,
      };
      const batch = batches.get(target.subscription);
      if (batch) batch.push(update);
      else batches.set(target.subscription, [update]);
    }
    for (const [subscription, updates] of batches) registry.emit(subscription, updates);
  }

  return {
    start(options) {
      rate = options.updatesPerSecond;
      limit = options.statistics;
      lastAt = now();
      owed = 0;
      if (!timer) timer = setInterval(pump, TICK_MS);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      rate = 0;
    },
    status: () => ({ running: timer !== undefined, updatesPerSecond: rate, sent }),
  };
}
