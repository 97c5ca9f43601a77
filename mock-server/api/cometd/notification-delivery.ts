import type { Subscription, SubscriptionRegistry } from '../../stats/subscription-registry.ts';
import { malformedKind, malformStatisticUpdate } from './malformed-update.ts';
import {
  SERVICE_CHANNEL,
  serviceStateChangeData,
  statisticUpdateData,
  UPDATES_CHANNEL,
  type ServiceState,
} from './notification-messages.ts';
import type { SessionDirectory, SessionRecord } from './session-directory.ts';
import type { OutgoingNotification } from './session-outbox.ts';
import { createUpdateBatcher } from './update-batcher.ts';

export interface DeliveryCounters {
  readonly droppedUpdateMessages: number;
  readonly malformedUpdateMessages: number;
  readonly undeliverableUpdates: number;
}

export interface NotificationDelivery {
  /** Hands what waits in a session's outbox to the server, e.g. when its `/meta/connect` arrives. */
  flushOutbox(record: SessionRecord): void;
  /** Forgets updates still being batched for a session that ended. */
  discard(sessionId: string): void;
  publishServiceState(state: ServiceState): number;
  setMalformedRate(rate: number): void;
  counters(): DeliveryCounters;
  /** Stops listening to the registry. */
  stop(): void;
}

function isSubscribed(record: SessionRecord, channel: string): boolean {
  return record.session.subscriptions.some((c) => c.name === channel);
}

/**
 * From registry notifications to CometD messages: each subscription's values go to the session
 * that owns it (or, when none was bound, to the sessions of the token that opened it), batched
 * into one StatisticUpdate per session per tick, through the session's bounded outbox.
 * Like any Bayeux message, they reach only sessions subscribed to the channel.
 */
export function createNotificationDelivery(deps: {
  readonly registry: SubscriptionRegistry;
  readonly directory: SessionDirectory;
  readonly random: () => number;
  /** Stalled sessions (a fault) get nothing: their connection is dead, as far as the client knows. */
  readonly isStalled: (sessionId: string) => boolean;
}): NotificationDelivery {
  const { directory } = deps;
  let malformedRate = 0;
  const totals = { droppedUpdateMessages: 0, malformedUpdateMessages: 0, undeliverableUpdates: 0 };

  function flushOutbox(record: SessionRecord): void {
    const items = record.outbox.drain();
    if (items.length === 0) return;
    // One batch: the server answers a held connect once, with all of them.
    record.session.batch(() => {
      for (const item of items) record.session.deliver(null, item.channel, item.data);
    });
  }

  function enqueue(record: SessionRecord, notification: OutgoingNotification): void {
    totals.droppedUpdateMessages += record.outbox.push(notification);
    // Without a held connect the notification waits in the bounded outbox rather than in the
    // server's own queue, which has no bound.
    if (record.suspended) flushOutbox(record);
  }

  const batcher = createUpdateBatcher((sessionId, updates) => {
    const record = directory.get(sessionId);
    if (!record || deps.isStalled(sessionId)) return;
    const update = statisticUpdateData(updates);
    let data: unknown = update;
    if (malformedRate > 0 && deps.random() < malformedRate) {
      data = malformStatisticUpdate(update, malformedKind(deps.random()));
      totals.malformedUpdateMessages++;
    }
    enqueue(record, { kind: 'update', channel: UPDATES_CHANNEL, data });
  });

  function recipients(subscription: Subscription): SessionRecord[] {
    if (subscription.owner !== undefined) {
      const owner = directory.get(subscription.owner);
      return owner ? [owner] : [];
    }
    // Opened by a REST call without a session cookie: the sessions of the same access token (docs/vendors/genesys-engage.md §2.1, a decision).
    return directory.withToken(subscription.tokenId);
  }

  const reachable = (record: SessionRecord, channel: string): boolean => isSubscribed(record, channel) && !deps.isStalled(record.id);

  const stop = deps.registry.onNotifications((subscription, updates) => {
    const targets = recipients(subscription).filter((r) => reachable(r, UPDATES_CHANNEL));
    if (targets.length === 0) totals.undeliverableUpdates += updates.length;
    for (const target of targets) batcher.add(target.id, updates);
  });

  return {
    flushOutbox,
    discard: (sessionId) => batcher.discard(sessionId),
    publishServiceState(state) {
      // Values computed before the state change go out before it.
      batcher.flush();
      const data = serviceStateChangeData(state);
      const targets = directory.all().filter((r) => reachable(r, SERVICE_CHANNEL));
      for (const record of targets) enqueue(record, { kind: 'service', channel: SERVICE_CHANNEL, data });
      return targets.length;
    },
    setMalformedRate(rate) {
      malformedRate = Number.isFinite(rate) ? Math.min(1, Math.max(0, rate)) : 0;
    },
    counters: () => ({ ...totals }),
    stop() {
      stop();
    },
  };
}
