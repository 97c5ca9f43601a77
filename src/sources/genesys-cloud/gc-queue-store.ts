import type { ObservationDatum, TopicMetric } from './gc-analytics-schemas.ts';
import { applyTopicMetrics, countKey, emptyMedia, mediaFromQuery, mediaOf, type QueueState } from './gc-queue-state.ts';

export interface QueryGroup {
  readonly queueId: string;
  readonly mediaType: string;
  readonly data: readonly ObservationDatum[];
}

interface LoggedEvent {
  readonly seq: number;
  readonly queueId: string;
  readonly mediaType: string;
  readonly metrics: readonly TopicMetric[];
}

/** Events kept for replay over a query answer at most (a query outstanding that long is moot). */
const MAX_LOG = 20_000;

/**
 * The observations of the watched queues, from queries and topic events (ids in lower case).
 * A query answer replaces what was known of its queues, then the events that arrived while it was
 * on its way are applied again: an event carries absolute values, so one the answer already
 * reflects changes nothing, and one it missed is not lost.
 */
export interface QueueStore {
  /** Call when a query leaves; pass the mark to `applyQuery`. */
  mark(): number;
  applyQuery(mark: number, askedIds: readonly string[], groups: readonly QueryGroup[], serverNow: number): void;
  /** Returns true when the oldest wait or longest idle of the queue became unknown. */
  applyEvent(queueId: string, mediaType: string, metrics: readonly TopicMetric[], serverNow: number): boolean;
  get(queueId: string): QueueState | undefined;
  ids(): string[];
  forget(queueId: string): void;
}

export function createQueueStore(): QueueStore {
  const queues = new Map<string, QueueState>();
  const log: LoggedEvent[] = [];
  const outstanding = new Set<number>();
  let seq = 0;

  function applyTo(queueId: string, mediaType: string, metrics: readonly TopicMetric[], serverNow: number): boolean {
    let queue = queues.get(queueId);
    if (!queue) {
      queue = { media: new Map(), answered: false };
      queues.set(queueId, queue);
    }
    let media = queue.media.get(mediaType);
    if (!media) {
      media = emptyMedia();
      queue.media.set(mediaType, media);
    }
    return applyTopicMetrics(media, metrics, serverNow);
  }

  /** An event's metrics, user metrics apart from conversation metrics. */
  function apply(queueId: string, mediaType: string, metrics: readonly TopicMetric[], serverNow: number): boolean {
    const byMedia = new Map<string, TopicMetric[]>();
    for (const m of metrics) byMedia.set(mediaOf(m.metric, mediaType), [...(byMedia.get(mediaOf(m.metric, mediaType)) ?? []), m]);
    let unsure = false;
    for (const [media, list] of byMedia) unsure = applyTo(queueId, media, list, serverNow) || unsure;
    return unsure;
  }

  return {
    mark() {
      outstanding.add(seq);
      return seq;
    },
    applyQuery(mark, askedIds, groups, serverNow) {
      outstanding.delete(mark);
      for (const id of askedIds) {
        const byMedia = new Map<string, ObservationDatum[]>();
        for (const group of groups.filter((g) => g.queueId === id)) {
          for (const d of group.data) byMedia.set(mediaOf(d.metric, group.mediaType), [...(byMedia.get(mediaOf(d.metric, group.mediaType)) ?? []), d]);
        }
        queues.set(id, {
          media: new Map([...byMedia].map(([media, data]) => [media, mediaFromQuery(data, serverNow)])),
          answered: groups.some((g) => g.queueId === id),
        });
      }
      const asked = new Set(askedIds);
      for (const event of log) if (event.seq > mark && asked.has(event.queueId)) apply(event.queueId, event.mediaType, event.metrics, serverNow);
      const oldest = outstanding.size === 0 ? seq : Math.min(...outstanding);
      const keepFrom = log.findIndex((e) => e.seq > oldest);
      log.splice(0, keepFrom === -1 ? log.length : keepFrom);
    },
    applyEvent(queueId, mediaType, metrics, serverNow) {
      seq++;
      if (outstanding.size > 0) {
        log.push({ seq, queueId, mediaType, metrics });
        if (log.length > MAX_LOG) log.shift();
      }
      return apply(queueId, mediaType, metrics, serverNow);
    },
    get: (queueId) => queues.get(queueId),
    ids: () => [...queues.keys()],
    forget(queueId) {
      queues.delete(queueId);
    },
  };
}

/** A plain count summed over media types; undefined when no media type has it. */
export function summedCount(queue: QueueState | undefined, metric: string, qualifier?: string): number | undefined {
  if (!queue) return undefined;
  let total: number | undefined;
  for (const media of queue.media.values()) {
    const count = media.counts.get(countKey(metric, qualifier));
    if (count !== undefined) total = (total ?? 0) + count;
  }
  // The query lists a qualified metric only for the qualifiers present: after an answer, absent is 0.
  if (total === undefined && qualifier !== undefined && queue.answered) return 0;
  return total;
}

/** Every qualifier of a metric summed (oOnQueueUsers: everyone on queue). */
export function summedAllQualifiers(queue: QueueState | undefined, metric: string): number | undefined {
  if (!queue) return undefined;
  let total: number | undefined;
  for (const media of queue.media.values()) {
    for (const [key, count] of media.counts) if (key.startsWith(`${metric}|`) && key !== countKey(metric)) total = (total ?? 0) + count;
  }
  return total === undefined && queue.answered ? 0 : total;
}

/**
 * Seconds since the oldest start over media types (the oldest wait, the longest idle): 0 when none
 * anywhere, undefined while any media type with some is unknown.
 */
export function secondsSinceOldest(queue: QueueState | undefined, pick: 'oldestWaiting' | 'oldestIdle', serverNow: number): number | undefined {
  if (!queue || queue.media.size === 0) return undefined;
  let oldest: number | undefined;
  for (const media of queue.media.values()) {
    const start = media[pick];
    if (start === undefined) return undefined;
    if (start !== null) oldest = Math.min(oldest ?? start, start);
  }
  return oldest === undefined ? 0 : Math.max(0, Math.round((serverNow - oldest) / 1000));
}
