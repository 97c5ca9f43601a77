import { z } from 'zod';
import type { Principal } from '../../auth/auth-types.ts';
import type { ApiRequest, ApiResponse, Route } from '../../http-types.ts';
import { gcRoute, type GcAuthContext } from '../gc-auth.ts';
import { badRequest, gcError, notFound } from '../gc-errors.ts';
import type { Channel, ChannelStore } from './channel-store.ts';
import { changeSubscriptions, listingOf, type SubscriptionRules } from './subscription-change.ts';

export interface ChannelRoutesContext {
  readonly auth: GcAuthContext;
  readonly store: ChannelStore;
  readonly rules: SubscriptionRules;
  /** A new channel of this principal's user/app; one past the limit removes another (and ends its sockets). */
  readonly createChannel: (principal: Principal, origin: string) => Channel;
  /** Topics some channel has just started to hold, so the publisher takes their current state as the base. */
  readonly onSubscribed: (topics: readonly string[]) => void;
  readonly realNow: () => number;
}

/** Channels are counted and shown per user/app combination, as the platform does. */
export const ownerOf = (principal: Principal): string => `${principal.subject}|${principal.clientId}`;

const topicListSchema = z.array(z.object({ id: z.string().min(1).max(1_000) })).max(100_000);
const includeSchema = z.enum(['token', 'oauthclient']);
const BASE = '/api/v2/notifications/channels';
const NO_CHANNEL = 'The requested resource was not found.';

const channelJson = (channel: Channel): { connectUri: string; id: string; expires: string } => ({
  connectUri: channel.connectUri,
  id: channel.id,
  expires: new Date(channel.expiresAt).toISOString(),
});

const json = (status: number, body: unknown): ApiResponse => ({ status, json: body });

export function channelRoutes(context: ChannelRoutesContext): Route[] {
  const route = (method: Route['method'], path: string, handler: (request: ApiRequest, principal: Principal) => ApiResponse): Route =>
    gcRoute(context.auth, { method, path, handler });

  /** The caller's channel named in the path, or the 404 to give instead. Using a channel marks it used. */
  const ownChannel = (request: ApiRequest, principal: Principal): { ok: true; channel: Channel } | { ok: false; response: ApiResponse } => {
    const channel = context.store.get(request.params.channelId ?? '');
    // Another user's channel is as absent as one that never existed.
    if (!channel || channel.owner !== ownerOf(principal)) return { ok: false, response: notFound(NO_CHANNEL) };
    channel.lastUsedAt = context.realNow();
    return { ok: true, channel };
  };

  const subscribe = (mode: 'replace' | 'add') => (request: ApiRequest, principal: Principal): ApiResponse => {
    const own = ownChannel(request, principal);
    if (!own.ok) return own.response;
    if (request.bodyError === 'too-large') return gcError(413, 'request.entity.too.large', 'The request body is too large');
    const body = topicListSchema.safeParse(request.body);
    if (request.bodyError || !body.success) return badRequest('The request body must be a list of topics: [{"id":"<topic>"}]');
    const ignoreErrors = request.query.get('ignoreErrors') === 'true';
    const outcome = changeSubscriptions(context.rules, own.channel, body.data.map((t) => t.id), mode, ignoreErrors);
    if (!outcome.ok) return badRequest(outcome.message);
    context.onSubscribed(outcome.added);
    return json(200, { entities: outcome.entities });
  };

  return [
    route('POST', BASE, (request, principal) => json(200, channelJson(context.createChannel(principal, request.origin)))),
    route('GET', BASE, (request, principal) => {
      const include = includeSchema.safeParse(request.query.get('includechannels') ?? 'token');
      if (!include.success) return badRequest('includechannels must be token or oauthclient');
      // "Channel Ids for other access tokens will not be shown, but will be presented to show their existence."
      const entities = context.store
        .ofOwner(ownerOf(principal))
        .flatMap((c) => (c.tokenId === principal.tokenId ? [channelJson(c)] : include.data === 'oauthclient' ? [{ expires: channelJson(c).expires }] : []));
      return json(200, { entities });
    }),
    route('HEAD', `${BASE}/:channelId`, (request, principal) => ({ status: ownChannel(request, principal).ok ? 200 : 404 })),
    route('GET', `${BASE}/:channelId/subscriptions`, (request, principal) => {
      const own = ownChannel(request, principal);
      return own.ok ? json(200, { entities: listingOf(own.channel) }) : own.response;
    }),
    route('PUT', `${BASE}/:channelId/subscriptions`, subscribe('replace')),
    route('POST', `${BASE}/:channelId/subscriptions`, subscribe('add')),
    route('DELETE', `${BASE}/:channelId/subscriptions`, (request, principal) => {
      const own = ownChannel(request, principal);
      if (!own.ok) return own.response;
      context.store.setTopics(own.channel, []);
      return { status: 204 };
    }),
  ];
}
