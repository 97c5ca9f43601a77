import type { CurrentValue, ResolvedStatistic } from './stat-engine.ts';

export interface SubscribedStatistic {
  readonly statisticId: string;
  readonly statistic: ResolvedStatistic;
  /** Echoed back in REST answers; undefined for inline definitions. */
  readonly name: string | undefined;
  readonly objectId: string;
  readonly objectType: string;
}

export interface Subscription {
  readonly id: string;
  /** Who notifications go to (the CometD session id), or undefined when none was bound. */
  readonly owner: string | undefined;
  /** The access token's id that opened it, to reach sessions of the same token when unbound. */
  readonly tokenId: string;
  /** When that token expires (real epoch ms): an unbound subscription does not outlive it. */
  readonly tokenExpiresAt: number;
  /** The user (or client) that opened it; nobody else may read or delete it. */
  readonly subject: string;
  readonly statistics: readonly SubscribedStatistic[];
}

export interface StatisticNotification {
  readonly subscriptionId: string;
  readonly statisticId: string;
  readonly value: CurrentValue['value'];
  readonly timestamp: number;
}

export type NotificationListener = (subscription: Subscription, updates: readonly StatisticNotification[]) => void;

export interface SubscriptionRegistry {
  open(subscription: Subscription): void;
  /** False when there was no such subscription. */
  close(id: string): boolean;
  /** Every subscription dropped at once (ServiceStateChange UNAVAILABLE, or a session ending). */
  closeAll(predicate?: (s: Subscription) => boolean): number;
  get(id: string): Subscription | undefined;
  all(): Iterable<Subscription>;
  onNotifications(listener: NotificationListener): () => void;
  /** Hands updates not computed by the engine (the benchmark firehose) to the listeners. */
  emit(subscription: Subscription, updates: readonly StatisticNotification[]): void;
  /** Evaluates what is due and hands one batch per subscription to the listeners. */
  tick(): void;
  readonly counts: () => { readonly subscriptions: number; readonly statistics: number };
}

/** Width of a notification slot: statistics due in the same slot share one evaluation per instant. */
export const NOTIFICATION_SLOT_MS = 1000;

/**
 * Where in its period a subscription's statistics are due: a whole-second offset from a hash of its
 * id. One shared instant for everybody would make every notification of the server one burst (lag
 * grows with the number of statistics); a random offset per statistic would share no evaluation.
 * Slots of a second spread the load over the period and still share work within a slot.
 */
export function notificationPhaseMs(subscriptionId: string, periodMs: number): number {
  const slots = Math.max(1, Math.floor(periodMs / NOTIFICATION_SLOT_MS));
  let hash = 2166136261;
  for (let i = 0; i < subscriptionId.length; i++) hash = Math.imul(hash ^ subscriptionId.charCodeAt(i), 16777619);
  return ((hash >>> 0) % slots) * NOTIFICATION_SLOT_MS;
}

/** The next due instant strictly after `now` on a subscription's grid: k·period + phase. */
export function nextDueAt(now: number, periodMs: number, phaseMs: number): number {
  return (Math.floor((now - phaseMs) / periodMs) + 1) * periodMs + phaseMs;
}

interface Schedule {
  readonly periodMs: number;
  readonly phaseMs: number;
  nextDueAt: number;
  last: CurrentValue['value'] | undefined;
}

function changedEnough(previous: CurrentValue['value'] | undefined, next: CurrentValue['value'], insensitivity: number): boolean {
  if (!previous) return true;
  const a = Number(previous.stringValue);
  const b = Number(next.stringValue);
  if (previous.stringValue !== '' && next.stringValue !== '' && Number.isFinite(a) && Number.isFinite(b)) {
    return Math.abs(b - a) >= Math.max(insensitivity, Number.EPSILON);
  }
  if (previous.stringValue !== next.stringValue) return true;
  // Same text: an agent state entered again (new timestamp) is a change; a still-undefined number is not.
  return next.stringValue !== '' && previous.timestamp !== next.timestamp;
}

/**
 * Open subscriptions and their notification schedules: `Periodical` statistics are sent every
 * notificationFrequency seconds of simulated time — whether or not they changed, so a client can
 * tell a quiet value from a dead feed, unless the definition sets an `insensitivity` (then only when
 * the value moved by at least that much); `Changes` ones when they moved by at least `insensitivity`.
 */
export function createSubscriptionRegistry(deps: {
  readonly current: (statistic: ResolvedStatistic) => CurrentValue;
  readonly now: () => number;
}): SubscriptionRegistry {
  const subscriptions = new Map<string, Subscription>();
  const schedules = new Map<string, Schedule[]>();
  const listeners = new Set<NotificationListener>();
  let statisticCount = 0;

  return {
    open(subscription) {
      const now = deps.now();
      subscriptions.set(subscription.id, subscription);
      schedules.set(
        subscription.id,
        subscription.statistics.map((s) => {
          const periodMs = Math.max(1, s.statistic.notification.frequencySec) * 1000;
          const phaseMs = notificationPhaseMs(subscription.id, periodMs);
          return { periodMs, phaseMs, nextDueAt: nextDueAt(now, periodMs, phaseMs), last: deps.current(s.statistic).value };
        }),
      );
      statisticCount += subscription.statistics.length;
    },
    close(id) {
      const s = subscriptions.get(id);
      if (!s) return false;
      subscriptions.delete(id);
      schedules.delete(id);
      statisticCount -= s.statistics.length;
      return true;
    },
    closeAll(predicate) {
      let n = 0;
      for (const s of [...subscriptions.values()]) {
        if (predicate && !predicate(s)) continue;
        subscriptions.delete(s.id);
        schedules.delete(s.id);
        statisticCount -= s.statistics.length;
        n++;
      }
      return n;
    },
    get: (id) => subscriptions.get(id),
    all: () => subscriptions.values(),
    onNotifications(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(subscription, updates) {
      for (const l of listeners) l(subscription, updates);
    },
    tick() {
      if (listeners.size === 0) return;
      const now = deps.now();
      for (const subscription of subscriptions.values()) {
        const plan = schedules.get(subscription.id);
        if (!plan) continue;
        const updates: StatisticNotification[] = [];
        subscription.statistics.forEach((s, i) => {
          const schedule = plan[i] as Schedule;
          const { notification } = s.statistic;
          if (notification.mode === 'Periodical') {
            if (now < schedule.nextDueAt) return;
            schedule.nextDueAt = nextDueAt(now, schedule.periodMs, schedule.phaseMs);
          }
          const { value, timestamp } = deps.current(s.statistic);
          // Periodical values go out every period unless the definition asked for an insensitivity.
          const mustChange = notification.mode === 'Changes' || notification.insensitivity > 0;
          if (mustChange && !changedEnough(schedule.last, value, notification.insensitivity)) return;
          schedule.last = value;
          updates.push({ subscriptionId: subscription.id, statisticId: s.statisticId, value, timestamp });
        });
        if (updates.length > 0) for (const l of listeners) l(subscription, updates);
      }
    },
    counts: () => ({ subscriptions: subscriptions.size, statistics: statisticCount }),
  };
}
