import { parseEach } from './gc-analytics-schemas.ts';
import type { GcFailure, GcHttp } from './gc-http.ts';
import { channelSchema, channelTopicListingSchema, channelTopicSchema, type ChannelTopic } from './gc-rest-schemas.ts';
import type { ServerClock } from './gc-server-clock.ts';

/**
 * The Notifications API calls of a channel (docs/vendors/genesys-cloud.md "Notifications"):
 * create, check (HEAD), replace its subscriptions (PUT), drop them (DELETE).
 */
export interface ChannelInfo {
  readonly id: string;
  readonly connectUri: string;
  /** How often to subscribe again so the channel never expires. */
  readonly renewEveryMs: number;
}

export interface TopicRefusal {
  readonly topic: string;
  readonly reason: string;
}

type Failed = { readonly ok: false } & GcFailure;

/** "Channels remain active for 24 hours": assumed when the platform does not say otherwise. */
const DEFAULT_TTL_MS = 24 * 3_600_000;
const base = (id: string): string => `/api/v2/notifications/channels/${encodeURIComponent(id)}`;

/** Renew a tenth of the lifetime ahead, at most an hour: the channel of a 24 h lifetime every 23 h. */
export function renewalPeriod(ttlMs: number): number {
  return ttlMs - Math.min(3_600_000, ttlMs / 10);
}

export async function createChannel(http: GcHttp, clock: ServerClock): Promise<{ readonly ok: true; readonly channel: ChannelInfo } | Failed> {
  const sentAt = clock.now();
  const answer = await http.request('POST', '/api/v2/notifications/channels', { schema: channelSchema, permission: 'the notifications scope' });
  if (!answer.ok) return answer;
  const left = answer.value.expires === undefined ? undefined : Date.parse(answer.value.expires) - sentAt;
  const ttl = left !== undefined && left > 60_000 ? Math.min(left, DEFAULT_TTL_MS) : DEFAULT_TTL_MS;
  return { ok: true, channel: { id: answer.value.id, connectUri: answer.value.connectUri, renewEveryMs: renewalPeriod(ttl) } };
}

/** `HEAD /channels/{id}`: 200 exists, 404 gone. */
export async function channelExists(http: GcHttp, id: string): Promise<{ readonly ok: true; readonly exists: boolean } | Failed> {
  const answer = await http.request('HEAD', base(id));
  if (answer.ok) return { ok: true, exists: true };
  return answer.kind === 'not-found' ? { ok: true, exists: false } : answer;
}

function refusalOf(entity: ChannelTopic): string | undefined {
  if (entity.missingPermissions?.length) return `Missing permission: ${entity.missingPermissions.join(', ')}`;
  if (entity.state !== undefined && entity.state !== 'Permitted') return entity.rejectionReason ?? `Topic ${entity.state}`;
  return entity.rejectionReason;
}

/**
 * Replaces the channel's subscriptions. `ignoreErrors=true`: a topic the token may not have, or
 * that names nothing, is listed as rejected instead of failing the whole request; those are
 * returned as refusals, spelled as asked (the platform lower-cases ids).
 */
export async function putTopics(
  http: GcHttp,
  id: string,
  topics: readonly string[],
): Promise<{ readonly ok: true; readonly refused: readonly TopicRefusal[] } | Failed> {
  const answer = await http.request('PUT', `${base(id)}/subscriptions?ignoreErrors=true`, {
    body: topics.map((t) => ({ id: t })),
    schema: channelTopicListingSchema,
  });
  if (!answer.ok) return answer;
  const spelled = new Map(topics.map((t) => [t.toLowerCase(), t]));
  const refused = parseEach(answer.value.entities, channelTopicSchema).ok.flatMap((e) => {
    const reason = refusalOf(e);
    const topic = spelled.get(e.id.toLowerCase());
    return reason !== undefined && topic !== undefined ? [{ topic, reason }] : [];
  });
  return { ok: true, refused };
}

export async function deleteTopics(http: GcHttp, id: string): Promise<boolean> {
  const answer = await http.request('DELETE', `${base(id)}/subscriptions`);
  return answer.ok || answer.kind === 'not-found';
}
