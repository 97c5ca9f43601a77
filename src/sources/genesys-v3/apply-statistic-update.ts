import type { SourceSink, SourceUpdate } from '../stat-source.ts';
import { parseStatisticUpdate } from './notification-schemas.ts';
import type { SubscriptionBook } from './subscription-book.ts';
import { toSourceUpdate } from './to-source-update.ts';

/**
 * One StatisticUpdate message (§2.10.3) → one `sink.updates` call. Updates carry only
 * `(subscriptionId, statisticId)`, so the book maps them back to keys; what cannot be mapped or
 * parsed is dropped and counted, never shown.
 */
export function applyStatisticUpdate(data: unknown, book: SubscriptionBook, sink: SourceSink): void {
  const parsed = parseStatisticUpdate(data);
  if (!parsed.ok) {
    sink.dropped(parsed.reason);
    return;
  }
  for (let i = 0; i < parsed.malformed; i++) sink.dropped('malformed statistic');
  const updates: SourceUpdate[] = [];
  for (const statistic of parsed.statistics) {
    const key = book.keyAt(statistic.subscriptionId, statistic.statisticId);
    if (key === undefined) {
      sink.dropped('unknown statistic');
      continue;
    }
    const spec = book.spec(key);
    // Still open because another statistic of its subscription is in use; nobody shows this one.
    if (!spec) continue;
    const result = toSourceUpdate(key, spec, statistic.value, statistic.timestamp);
    if (result.ok) updates.push(result.update);
    else sink.dropped(result.reason);
  }
  if (updates.length > 0) sink.updates(updates);
}
