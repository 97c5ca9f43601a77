import type { ObservationDatum, TopicMetric } from './gc-analytics-schemas.ts';

/**
 * What is known of one queue's observations (docs/vendors/genesys-cloud.md "The Genesys Cloud
 * source in the app"), per media type: each metric's count by qualifier, and the start of the
 * oldest wait and of the longest idle. `undefined` is unknown, `null` none (no call waiting, nobody idle).
 */
export interface MediaState {
  readonly counts: Map<string, number>;
  oldestWaiting: number | null | undefined;
  oldestIdle: number | null | undefined;
  /** oLongestWaiting came with the last change: the topic carries it, so a drop of oWaiting needs no re-read. */
  longestWaitingPushed: boolean;
}

export interface QueueState {
  /** By media type. */
  readonly media: Map<string, MediaState>;
  /** A query answered with this queue's group: a qualifier it did not list counts 0. */
  answered: boolean;
}

export const countKey = (metric: string, qualifier?: string): string => `${metric}|${qualifier ?? ''}`;

/** Above this, `oLongestWaiting` is an epoch ms (one client saw one); below, a duration in ms. */
const EPOCH_FLOOR = 1e11;

export function longestWaitingStart(value: number, serverNow: number): number {
  return value > EPOCH_FLOOR ? value : serverNow - value;
}

function oldestOf(data: readonly ObservationDatum[], metric: string, qualifier?: string): number | undefined {
  const dates = data
    .filter((d) => d.metric === metric && (qualifier === undefined || d.qualifier === qualifier))
    .flatMap((d) => d.observations ?? [])
    .map((o) => Date.parse(o.observationDate));
  return dates.length === 0 ? undefined : Math.min(...dates);
}

/**
 * Metrics about users rather than conversations: they have no media type (the query answers them
 * in a `{queueId}` group), whatever group an event names; they are kept under the media type ''.
 */
const USER_METRICS: ReadonlySet<string> = new Set(['oActiveUsers', 'oMemberUsers', 'oOffQueueUsers', 'oOnQueueUsers', 'oUserPresences', 'oUserRoutingStatuses']);

/** The media type a metric is kept under. */
export const mediaOf = (metric: string, mediaType: string): string => (USER_METRICS.has(metric) ? '' : mediaType);

/** The data of one media type from an `observations/query` answer: the truth for it at the time of the query. */
export function mediaFromQuery(data: readonly ObservationDatum[], serverNow: number): MediaState {
  const counts = new Map<string, number>();
  for (const d of data) if (d.stats.count !== undefined) counts.set(countKey(d.metric, d.qualifier), (counts.get(countKey(d.metric, d.qualifier)) ?? 0) + d.stats.count);
  const waiting = counts.get(countKey('oWaiting')) ?? 0;
  const longest = data.find((d) => d.metric === 'oLongestWaiting')?.stats.calculatedMetricValue;
  const oldestWait = oldestOf(data, 'oWaiting') ?? (longest === undefined ? undefined : longestWaitingStart(longest, serverNow));
  const idle = counts.get(countKey('oOnQueueUsers', 'IDLE')) ?? 0;
  return {
    counts,
    // Nothing waiting here (or no conversations in this group at all): no wait to measure.
    oldestWaiting: waiting === 0 && longest === undefined ? null : oldestWait,
    oldestIdle: idle === 0 ? null : oldestOf(data, 'oOnQueueUsers', 'IDLE'),
    longestWaitingPushed: false,
  };
}

/**
 * The start of the oldest item after its count went from `previous` to `count`, with no date in the
 * event: none left; unchanged when items were added; about now when the first ones arrived (the
 * topic publishes within a second of a change); unknown when some left (the oldest may be gone).
 */
function afterCountChange(oldest: number | null | undefined, previous: number | undefined, count: number, serverNow: number): number | null | undefined {
  if (count === 0) return null;
  if (previous === undefined) return undefined;
  if (oldest === null) return serverNow;
  return count < previous ? undefined : oldest;
}

/**
 * A topic event's metrics applied to one media type: only what changed comes (a datum that went
 * away comes with count 0). Returns true when the oldest wait or the longest idle is unknown now
 * and only a query can tell.
 */
export function applyTopicMetrics(media: MediaState, metrics: readonly TopicMetric[], serverNow: number): boolean {
  const longest = metrics.find((m) => m.metric === 'oLongestWaiting');
  if (longest) {
    const value = longest.stats.calculatedMetricValue;
    media.oldestWaiting = value === undefined ? null : longestWaitingStart(value, serverNow);
    media.longestWaitingPushed = true;
  }
  for (const m of metrics) {
    const count = m.stats.count;
    if (count === undefined) continue;
    const key = countKey(m.metric, m.qualifier);
    const previous = media.counts.get(key);
    media.counts.set(key, count);
    // Where the topic carries oLongestWaiting, it says when the oldest wait changes.
    if (key === countKey('oWaiting') && !longest && !(media.longestWaitingPushed && count > 0)) {
      media.oldestWaiting = afterCountChange(media.oldestWaiting, previous, count, serverNow);
    }
    if (key === countKey('oOnQueueUsers', 'IDLE')) media.oldestIdle = afterCountChange(media.oldestIdle, previous, count, serverNow);
  }
  const waiting = media.counts.get(countKey('oWaiting')) ?? 0;
  const idle = media.counts.get(countKey('oOnQueueUsers', 'IDLE')) ?? 0;
  return (waiting > 0 && media.oldestWaiting === undefined) || (idle > 0 && media.oldestIdle === undefined);
}

export function emptyMedia(): MediaState {
  return { counts: new Map(), oldestWaiting: undefined, oldestIdle: undefined, longestWaitingPushed: false };
}
