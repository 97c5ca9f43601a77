/** Updates for a subscription we do not hold are answered with a DELETE at most this often per subscription. */
export const STRAY_DELETE_INTERVAL_MS = 60_000;

/**
 * Subscriptions to DELETE until the server confirms (2xx or 404). A DELETE that fails and is never
 * repeated leaks the subscription for the life of the session: the server keeps notifying it and
 * the client drops every update. The sync works the queue through its back-off timer; no I/O here.
 */
export interface DeleteQueue {
  /** Queues a DELETE (once; a DELETE already in flight is left to finish). */
  add(subscriptionId: string): void;
  /**
   * Updates arrived for a subscription we do not hold: queues a DELETE unless one was queued or
   * answered for it within STRAY_DELETE_INTERVAL_MS. True when it queued one.
   */
  addStray(subscriptionId: string): boolean;
  /** Queued or in flight: still ours, its late updates are expected. */
  has(subscriptionId: string): boolean;
  /** The queued ids, now in flight. */
  take(): string[];
  /** A DELETE got its answer: `done`, or back in the queue for the next attempt. */
  settle(subscriptionId: string, done: boolean): void;
  /** A DELETE sent outside the queue (one-shot): a stray update soon after does not ask again. */
  noteSent(subscriptionId: string): void;
  /** Forgets everything queued or in flight (the server session that held them is gone); returns their ids. */
  clear(): string[];
}

export function createDeleteQueue(now: () => number): DeleteQueue {
  const queued = new Set<string>();
  const inFlight = new Set<string>();
  /** subscriptionId → when a DELETE for it was last queued or answered. */
  const lastAsked = new Map<string, number>();

  /** Older entries no longer limit anything; dropping them keeps a kiosk's week-long session from piling up ids. */
  function prune(): void {
    const cutoff = now() - STRAY_DELETE_INTERVAL_MS;
    for (const [id, at] of lastAsked) if (at <= cutoff) lastAsked.delete(id);
  }

  function noteSent(subscriptionId: string): void {
    prune();
    lastAsked.set(subscriptionId, now());
  }

  function add(subscriptionId: string): void {
    if (!inFlight.has(subscriptionId)) queued.add(subscriptionId);
    noteSent(subscriptionId);
  }

  return {
    add,
    addStray(subscriptionId) {
      prune();
      if (queued.has(subscriptionId) || inFlight.has(subscriptionId) || lastAsked.has(subscriptionId)) return false;
      add(subscriptionId);
      return true;
    },
    has: (subscriptionId) => queued.has(subscriptionId) || inFlight.has(subscriptionId),
    take() {
      const ids = [...queued];
      queued.clear();
      for (const id of ids) inFlight.add(id);
      return ids;
    },
    settle(subscriptionId, done) {
      if (!inFlight.delete(subscriptionId)) return;
      if (done) noteSent(subscriptionId);
      else queued.add(subscriptionId);
    },
    noteSent,
    clear() {
      const ids = [...queued, ...inFlight];
      queued.clear();
      inFlight.clear();
      return ids;
    },
  };
}
