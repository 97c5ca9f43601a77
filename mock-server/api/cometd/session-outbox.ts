/** A notification waiting for the session's next `/meta/connect`. */
export interface OutgoingNotification {
  /** Only updates may be dropped: a lost ServiceStateChange would leave a client showing dead values as live. */
  readonly kind: 'update' | 'service';
  readonly channel: string;
  readonly data: unknown;
}

export interface SessionOutbox {
  /** Queues a notification; returns how many older updates were dropped to stay within the bound. */
  push(notification: OutgoingNotification): number;
  /** Everything queued, oldest first; the outbox is empty afterwards. */
  drain(): OutgoingNotification[];
  readonly size: number;
}

/**
 * Per-session queue with a bound: a client that stops polling (a frozen tab, a laptop asleep)
 * must not grow the server's memory until its session expires. Past the bound the OLDEST update
 * goes first — newer values of the same statistics supersede it.
 */
export function createSessionOutbox(maxMessages: number): SessionOutbox {
  let queue: OutgoingNotification[] = [];
  return {
    push(notification) {
      queue.push(notification);
      let dropped = 0;
      while (queue.length > maxMessages) {
        const oldestUpdate = queue.findIndex((n) => n.kind === 'update');
        if (oldestUpdate < 0) break;
        queue.splice(oldestUpdate, 1);
        dropped++;
      }
      return dropped;
    },
    drain() {
      const drained = queue;
      queue = [];
      return drained;
    },
    get size() {
      return queue.length;
    },
  };
}
