import type { Channel, ChannelStore } from './channel-store.ts';
import { checkTopic, type TopicIds } from './topic-names.ts';

/** `ChannelTopic` of the SDK: a topic of a channel's listing, or one the request could not have. */
export interface ChannelTopicEntity {
  readonly id: string;
  readonly state: 'Permitted' | 'Rejected';
  readonly rejectionReason?: string;
}

export type SubscriptionOutcome =
  | { readonly ok: true; readonly entities: readonly ChannelTopicEntity[]; readonly added: readonly string[] }
  | { readonly ok: false; readonly kind: 'rejected' | 'limit'; readonly message: string };

export interface SubscriptionRules {
  readonly store: ChannelStore;
  readonly ids: TopicIds;
  readonly maxTopics: number;
  /** "To maintain a channel for longer than 24 hours, resubscribe to topics": every subscribe renews it. */
  readonly renew: (channel: Channel) => void;
}

export const listingOf = (channel: Channel): readonly ChannelTopicEntity[] =>
  [...channel.topics].map((id) => ({ id, state: 'Permitted' as const }));

/**
 * One subscribe request: `replace` (REST `PUT`) or `add` (REST `POST`, the socket's `subscribe`).
 * A topic that names nothing the mock serves fails the whole request unless `ignoreErrors`, as the
 * SDK's `ignoreErrors` option ("prevent throwing of errors for failed permissions checks") implies;
 * then it is listed as `Rejected` and the rest applies. Past the topic limit nothing changes.
 */
export function changeSubscriptions(
  rules: SubscriptionRules,
  channel: Channel,
  requested: readonly string[],
  mode: 'replace' | 'add',
  ignoreErrors: boolean,
): SubscriptionOutcome {
  const checks = requested.map((topic) => checkTopic(topic, rules.ids));
  const rejected = checks.flatMap((c) => (c.ok ? [] : [c]));
  if (rejected.length > 0 && !ignoreErrors) {
    return { ok: false, kind: 'rejected', message: rejected.map((r) => r.reason).join('; ') };
  }
  const accepted = [...new Set(checks.flatMap((c) => (c.ok ? [c.topic] : [])))];
  const next = mode === 'replace' ? accepted : [...new Set([...channel.topics, ...accepted])];
  if (next.length > rules.maxTopics) {
    return {
      ok: false,
      kind: 'limit',
      message: `A channel is limited to ${rules.maxTopics} topics; this request would subscribe it to ${next.length}`,
    };
  }
  const added = next.filter((t) => !channel.topics.has(t));
  rules.store.setTopics(channel, next);
  rules.renew(channel);
  const refused: ChannelTopicEntity[] = rejected.map((r) => ({ id: r.topic, state: 'Rejected', rejectionReason: r.reason }));
  return { ok: true, entities: [...listingOf(channel), ...refused], added };
}
