import type { CurrentValue, ResolvedStatistic } from './stat-engine.ts';
import { createChangeWatch, type ActivityChanges } from './change-watch.ts';
import { createDueQueue } from './due-queue.ts';

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

interface OpenSubscription {
  readonly subscription: Subscription;
  /** Opening order: the batches of a tick go out in it, as when every subscription was walked. */
  readonly order: number;
  readonly entries: readonly Entry[];
  closed: boolean;
}

/** One subscribed statistic and its schedule. */
interface Entry {
  readonly owner: OpenSubscription;
  /** Position in the subscription: a batch lists its updates in the order of its statistics. */
  readonly index: number;
  readonly subscribed: SubscribedStatistic;
  readonly periodical: boolean;
  readonly periodMs: number;
  readonly phaseMs: number;
  nextDueAt: number;
  last: CurrentValue['value'] | undefined;
  /** The tick that last picked it, so a tick evaluates it once. */
  pickedBy: number;
}

/**
 * Open subscriptions and their notification schedules: `Periodical` statistics are sent every
 * notificationFrequency seconds of simulated time — whether or not they changed, so a client can
 * tell a quiet value from a dead feed, unless the definition sets an `insensitivity` (then only when
 * the value moved by at least that much); `Changes` ones when they moved by at least `insensitivity`.
 *
 * A tick touches only what can have something to send: periodical statistics wait in a queue by
 * due instant, changes-based ones are looked at when their activity changed (change-watch.ts).
 */
export function createSubscriptionRegistry(deps: {
  readonly current: (statistic: ResolvedStatistic) => CurrentValue;
  readonly now: () => number;
  /** Without it, every changes-based statistic is evaluated on every tick. */
  readonly changes?: ActivityChanges;
}): SubscriptionRegistry {
  const subscriptions = new Map<string, Subscription>();
  const open = new Map<string, OpenSubscription>();
  const listeners = new Set<NotificationListener>();
  const due = createDueQueue<Entry>();
  const watch = createChangeWatch<Entry>(deps.changes);
  /** Picked by a tick that a throw cut short: looked at on the next one, as when every tick walked everything. */
  const carried = new Set<Entry>();
  let statisticCount = 0;
  let opened = 0;
  let ticks = 0;

  function unschedule(record: OpenSubscription): void {
    record.closed = true;
    for (const e of record.entries) {
      carried.delete(e);
      if (e.periodical) due.delete(e, e.nextDueAt);
      else watch.delete(e);
    }
    statisticCount -= record.entries.length;
  }

  function forget(record: OpenSubscription): void {
    unschedule(record);
    subscriptions.delete(record.subscription.id);
    open.delete(record.subscription.id);
  }

  /** Every entry that may have something to send at `now`, by subscription in opening order. */
  function pickAll(now: number): Array<[OpenSubscription, Entry[]]> {
    const tick = ++ticks;
    const picked = new Map<OpenSubscription, Entry[]>();
    const pick = (e: Entry): void => {
      if (e.pickedBy === tick) return;
      e.pickedBy = tick;
      const list = picked.get(e.owner);
      if (list) list.push(e);
      else picked.set(e.owner, [e]);
    };
    for (const e of carried) pick(e);
    carried.clear();
    for (const e of due.takeDue(now)) pick(e);
    watch.forEachDue(pick);
    const groups = [...picked];
    groups.sort((a, b) => a[0].order - b[0].order);
    for (const [, entries] of groups) entries.sort((a, b) => a.index - b.index);
    return groups;
  }

  /** The update an entry sends now, if any; a periodical one is queued for its next instant first. */
  function evaluate(e: Entry, now: number): StatisticNotification | undefined {
    const { statistic, statisticId } = e.subscribed;
    const { notification } = statistic;
    if (e.periodical) {
      e.nextDueAt = nextDueAt(now, e.periodMs, e.phaseMs);
      due.add(e, e.nextDueAt);
    }
    const { value, timestamp } = deps.current(statistic);
    if (!e.periodical) watch.settle(e, statistic);
    // Periodical values go out every period unless the definition asked for an insensitivity.
    const mustChange = !e.periodical || notification.insensitivity > 0;
    if (mustChange && !changedEnough(e.last, value, notification.insensitivity)) return undefined;
    e.last = value;
    return { subscriptionId: e.owner.subscription.id, statisticId, value, timestamp };
  }

  return {
    open(subscription) {
      const now = deps.now();
      // Opened again under its id (the API refuses that): it replaces the old one in its place.
      const previous = open.get(subscription.id);
      if (previous) unschedule(previous);
      const entries: Entry[] = [];
      const record: OpenSubscription = { subscription, order: previous?.order ?? opened++, entries, closed: false };
      subscription.statistics.forEach((s, index) => {
        const periodMs = Math.max(1, s.statistic.notification.frequencySec) * 1000;
        const phaseMs = notificationPhaseMs(subscription.id, periodMs);
        entries.push({
          owner: record,
          index,
          subscribed: s,
          periodical: s.statistic.notification.mode === 'Periodical',
          periodMs,
          phaseMs,
          nextDueAt: nextDueAt(now, periodMs, phaseMs),
          last: deps.current(s.statistic).value,
          pickedBy: 0,
        });
      });
      subscriptions.set(subscription.id, subscription);
      open.set(subscription.id, record);
      for (const e of entries) {
        if (e.periodical) due.add(e, e.nextDueAt);
        else watch.add(e, e.subscribed.statistic);
      }
      statisticCount += entries.length;
    },
    close(id) {
      const record = open.get(id);
      if (!record) return false;
      forget(record);
      return true;
    },
    closeAll(predicate) {
      let n = 0;
      for (const record of [...open.values()]) {
        if (predicate && !predicate(record.subscription)) continue;
        forget(record);
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
      const groups = pickAll(now);
      let g = 0;
      let settled = 0;
      try {
        for (; g < groups.length; g++) {
          const [record, entries] = groups[g] as [OpenSubscription, Entry[]];
          settled = 0;
          // A listener closed it earlier in this tick.
          if (record.closed) continue;
          const updates: StatisticNotification[] = [];
          for (const e of entries) {
            const update = evaluate(e, now);
            settled++;
            if (update) updates.push(update);
          }
          if (updates.length > 0) for (const l of listeners) l(record.subscription, updates);
        }
      } finally {
        // Cut short by a throw: the rest is looked at next tick (a periodical entry already re-queued is not).
        for (; g < groups.length; g++) {
          const [record, entries] = groups[g] as [OpenSubscription, Entry[]];
          if (!record.closed) for (const e of entries.slice(settled)) if (!(e.periodical && e.nextDueAt > now)) carried.add(e);
          settled = 0;
        }
      }
    },
    counts: () => ({ subscriptions: subscriptions.size, statistics: statisticCount }),
  };
}
