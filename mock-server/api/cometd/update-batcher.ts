import type { StatisticNotification } from '../../stats/subscription-registry.ts';

export interface UpdateBatcher {
  add(sessionId: string, updates: readonly StatisticNotification[]): void;
  /** Sends what is collected now, e.g. so a ServiceStateChange cannot overtake earlier values. */
  flush(): void;
  /** Forgets what was collected for a session that just ended. */
  discard(sessionId: string): void;
}

/**
 * The registry hands over one batch per subscription; a client with twenty subscriptions should
 * still get one CometD message per tick (docs/vendors/genesys-engage.md §2.9: the mock batches every value
 * due in one tick). Everything added in the same synchronous run goes out together on the next microtask.
 */
export function createUpdateBatcher(send: (sessionId: string, updates: readonly StatisticNotification[]) => void): UpdateBatcher {
  let pending = new Map<string, StatisticNotification[]>();
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const batches = pending;
    pending = new Map();
    for (const [sessionId, updates] of batches) send(sessionId, updates);
  }

  return {
    add(sessionId, updates) {
      const list = pending.get(sessionId);
      if (list) list.push(...updates);
      else pending.set(sessionId, [...updates]);
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(() => {
          if (scheduled) flush();
        });
      }
    },
    flush,
    discard(sessionId) {
      pending.delete(sessionId);
    },
  };
}
