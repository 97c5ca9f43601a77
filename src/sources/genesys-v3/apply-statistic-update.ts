import type { SourceSink, SourceUpdate } from '../stat-source.ts';
import { createDropTally } from './drop-tally.ts';
import { parseStatisticUpdate } from './notification-schemas.ts';
import type { SubscriptionBook } from './subscription-book.ts';
import { toSourceUpdate } from './to-source-update.ts';

/** What the sync knows about subscriptions the book does not hold. */
export interface UnheldSubscriptions {
  /** Ours though not in the book: its create or its DELETE is in flight, so its updates are expected. */
  isSettling(subscriptionId: string): boolean;
  /** Updates arrived for a subscription we do not hold: ask the server to close it (rate-limited by the sync). */
  deleteStray(subscriptionId: string): void;
}

/**
 * One StatisticUpdate message (docs/vendors/genesys-engage.md §2.10.3) → one `sink.updates` call. Updates carry only
 * `(subscriptionId, statisticId)`, so the book maps them back to keys; what cannot be mapped or
 * parsed is dropped and counted (one `dropped` call per reason per message), never shown. A
 * subscription nobody here holds is one the server should not be notifying: it gets a DELETE.
 */
export function applyStatisticUpdate(data: unknown, book: SubscriptionBook, unheld: UnheldSubscriptions, sink: SourceSink): void {
  const parsed = parseStatisticUpdate(data);
  if (!parsed.ok) {
    sink.dropped(parsed.reason);
    return;
  }
  const drops = createDropTally();
  drops.add('malformed statistic', parsed.malformed);
  const strays = new Set<string>();
  const updates: SourceUpdate[] = [];
  for (const statistic of parsed.statistics) {
    const key = book.keyAt(statistic.subscriptionId, statistic.statisticId);
    if (key === undefined) {
      if (book.holds(statistic.subscriptionId)) drops.add('unknown statistic');
      else if (!unheld.isSettling(statistic.subscriptionId)) {
        drops.add('unknown statistic');
        strays.add(statistic.subscriptionId);
      }
      continue;
    }
    const spec = book.spec(key);
    // Still open because another statistic of its subscription is in use; nobody shows this one.
    if (!spec) continue;
    const result = toSourceUpdate(key, spec, statistic.value, statistic.timestamp);
    if (result.ok) updates.push(result.update);
    else drops.add(result.reason);
  }
  drops.report(sink);
  for (const subscriptionId of strays) unheld.deleteStray(subscriptionId);
  if (updates.length > 0) sink.updates(updates);
}
