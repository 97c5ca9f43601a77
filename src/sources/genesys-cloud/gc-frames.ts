import { z } from 'zod';
import { parseEach, topicMetricSchema, topicStatsSchema, type TopicMetric } from './gc-analytics-schemas.ts';
import { routingStatusSchema, type RoutingStatusAnswer } from './gc-rest-schemas.ts';

/**
 * A frame of a notification channel's WebSocket (docs/vendors/genesys-cloud.md "Notifications"),
 * read into what the source does with it. `version`, `metadata` and unknown fields are ignored.
 */
export type GcFrame =
  | { readonly kind: 'heartbeat' }
  | { readonly kind: 'socket-closing' }
  | { readonly kind: 'queue-observations'; readonly queueId: string; readonly mediaType: string; readonly metrics: readonly TopicMetric[]; readonly bad: number }
  | { readonly kind: 'routing-status'; readonly userId: string; readonly routingStatus: RoutingStatusAnswer }
  /** A frame the source has no use for (a subscribe reply, a topic of another kind): not an error. */
  | { readonly kind: 'other' }
  | { readonly kind: 'invalid'; readonly reason: string };

const envelopeSchema = z.object({ topicName: z.string().min(1), eventBody: z.unknown() });
const replySchema = z.object({ result: z.string(), status: z.string().optional() });
const routingBodySchema = z.object({ id: z.string().optional(), routingStatus: routingStatusSchema });

const QUEUE_TOPIC = /^v2\.analytics\.queues\.([^.]+)\.observations$/i;
const USER_TOPIC = /^v2\.users\.([^.]+)\.routingstatus$/i;

export const queueObservationsTopic = (queueId: string): string => `v2.analytics.queues.${queueId}.observations`;
export const userRoutingStatusTopic = (userId: string): string => `v2.users.${userId}.routingStatus`;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Object ids are compared in lower case: the platform spells topic names with lower-case ids. */
export const sameId = (id: string): string => id.toLowerCase();

export function parseFrame(text: string): GcFrame {
  const json = parseJson(text);
  if (!json.ok) return { kind: 'invalid', reason: 'Genesys Cloud frame is not JSON' };
  const envelope = envelopeSchema.safeParse(json.value);
  if (!envelope.success) {
    return replySchema.safeParse(json.value).success ? { kind: 'other' } : { kind: 'invalid', reason: 'Genesys Cloud frame without topicName' };
  }
  const { topicName, eventBody } = envelope.data;
  if (topicName === 'channel.metadata') return { kind: 'heartbeat' };
  if (topicName === 'v2.system.socket_closing') return { kind: 'socket-closing' };
  const queue = QUEUE_TOPIC.exec(topicName);
  if (queue?.[1] !== undefined) {
    const body = topicStatsSchema.safeParse(eventBody);
    if (!body.success) return { kind: 'invalid', reason: 'Genesys Cloud observations event does not parse' };
    const metrics = body.data.data.map((d) => parseEach(d.metrics, topicMetricSchema));
    return {
      kind: 'queue-observations',
      queueId: sameId(queue[1]),
      mediaType: body.data.group.mediaType ?? '',
      metrics: metrics.flatMap((m) => m.ok),
      bad: metrics.reduce((sum, m) => sum + m.bad, 0),
    };
  }
  const user = USER_TOPIC.exec(topicName);
  if (user?.[1] !== undefined) {
    const body = routingBodySchema.safeParse(eventBody);
    if (!body.success) return { kind: 'invalid', reason: 'Genesys Cloud routingStatus event does not parse' };
    return { kind: 'routing-status', userId: sameId(user[1]), routingStatus: body.data.routingStatus };
  }
  return { kind: 'other' };
}
