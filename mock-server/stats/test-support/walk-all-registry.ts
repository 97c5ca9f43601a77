import type { CurrentValue, ResolvedStatistic } from '../stat-engine.ts';
import {
  nextDueAt,
  notificationPhaseMs,
  type NotificationListener,
  type StatisticNotification,
  type Subscription,
} from '../subscription-registry.ts';

/**
 * The registry as it was before it kept a due queue: every tick walks every statistic of every
 * subscription and evaluates the changes-based ones each time. Tests hold the real registry to
 * sending exactly what this sends.
 */
export interface WalkAllRegistry {
  open(subscription: Subscription): void;
  close(id: string): boolean;
  onNotifications(listener: NotificationListener): void;
  tick(): void;
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
  return next.stringValue !== '' && previous.timestamp !== next.timestamp;
}

export function createWalkAllRegistry(deps: {
  readonly current: (statistic: ResolvedStatistic) => CurrentValue;
  readonly now: () => number;
}): WalkAllRegistry {
  const subscriptions = new Map<string, Subscription>();
  const schedules = new Map<string, Schedule[]>();
  const listeners = new Set<NotificationListener>();
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
    },
    close(id) {
      schedules.delete(id);
      return subscriptions.delete(id);
    },
    onNotifications(listener) {
      listeners.add(listener);
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
          const mustChange = notification.mode === 'Changes' || notification.insensitivity > 0;
          if (mustChange && !changedEnough(schedule.last, value, notification.insensitivity)) return;
          schedule.last = value;
          updates.push({ subscriptionId: subscription.id, statisticId: s.statisticId, value, timestamp });
        });
        if (updates.length > 0) for (const l of listeners) l(subscription, updates);
      }
    },
  };
}
