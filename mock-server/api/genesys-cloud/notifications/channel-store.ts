import { randomBytes } from 'node:crypto';

/** One open WebSocket of a channel, as the transport lends it. */
export interface ChannelConnection {
  /** Sends one JSON frame. */
  send(frame: unknown): void;
  /** `warn`: `v2.system.socket_closing` first, the close a little later; `now`: closes at once. */
  close(how: 'warn' | 'now', reason: string): void;
}

export interface Channel {
  readonly id: string;
  /** The user/app combination the platform counts channels by. */
  readonly owner: string;
  /** The access token that created it (`GET /channels` shows a token's own channels by default). */
  readonly tokenId: string;
  readonly connectUri: string;
  /** Simulated epoch ms. */
  expiresAt: number;
  /** Real epoch ms of the last REST call on it or message over its socket. */
  lastUsedAt: number;
  /** Subscribed topics in subscription order. */
  readonly topics: ReadonlySet<string>;
  readonly connections: Set<ChannelConnection>;
}

interface MutableChannel extends Channel {
  readonly topics: Set<string>;
}

export interface NewChannel {
  readonly owner: string;
  readonly tokenId: string;
  readonly connectUri: (id: string) => string;
  readonly expiresAt: number;
  readonly now: number;
}

export interface ChannelStore {
  /** Adds a channel; past `maxPerOwner` the owner's least valuable one is removed and returned. */
  create(input: NewChannel): { readonly channel: Channel; readonly evicted?: Channel };
  get(id: string): Channel | undefined;
  ofOwner(owner: string): readonly Channel[];
  all(): readonly Channel[];
  remove(id: string): Channel | undefined;
  setTopics(channel: Channel, topics: readonly string[]): void;
  /** Channels subscribed to a topic. */
  subscribers(topic: string): readonly Channel[];
  /** Every topic some channel is subscribed to. */
  topics(): readonly string[];
}

/** Channel ids look like the platform's (`streaming-0-…`), unguessable since the id is all a socket needs. */
const newChannelId = (): string => `streaming-0-${randomBytes(16).toString('hex')}`;

/**
 * "Creating a 21st channel will remove the channel with oldest last used date. Channels without an
 * active connection will be removed first." (the SDK's NotificationsApi docs)
 */
function evictionCandidate(channels: readonly Channel[]): Channel | undefined {
  const idle = channels.filter((c) => c.connections.size === 0);
  const pool = idle.length > 0 ? idle : channels;
  return pool.reduce<Channel | undefined>((oldest, c) => (oldest === undefined || c.lastUsedAt < oldest.lastUsedAt ? c : oldest), undefined);
}

export function createChannelStore(maxPerOwner: number): ChannelStore {
  const channels = new Map<string, MutableChannel>();
  const byTopic = new Map<string, Set<MutableChannel>>();

  const unindex = (channel: MutableChannel): void => {
    for (const topic of channel.topics) {
      const set = byTopic.get(topic);
      set?.delete(channel);
      if (set?.size === 0) byTopic.delete(topic);
    }
  };

  const store: ChannelStore = {
    create(input) {
      const owned = store.ofOwner(input.owner);
      const evicted = owned.length >= maxPerOwner ? evictionCandidate(owned) : undefined;
      if (evicted) store.remove(evicted.id);
      const id = newChannelId();
      const channel: MutableChannel = {
        id,
        owner: input.owner,
        tokenId: input.tokenId,
        connectUri: input.connectUri(id),
        expiresAt: input.expiresAt,
        lastUsedAt: input.now,
        topics: new Set(),
        connections: new Set(),
      };
      channels.set(id, channel);
      return evicted ? { channel, evicted } : { channel };
    },
    get: (id) => channels.get(id),
    ofOwner: (owner) => [...channels.values()].filter((c) => c.owner === owner),
    all: () => [...channels.values()],
    remove(id) {
      const channel = channels.get(id);
      if (!channel) return undefined;
      unindex(channel);
      channels.delete(id);
      return channel;
    },
    setTopics(channel, topics) {
      const own = channels.get(channel.id);
      if (!own) return;
      unindex(own);
      own.topics.clear();
      for (const topic of topics) {
        own.topics.add(topic);
        const set = byTopic.get(topic) ?? new Set<MutableChannel>();
        set.add(own);
        byTopic.set(topic, set);
      }
    },
    subscribers: (topic) => [...(byTopic.get(topic) ?? [])],
    topics: () => [...byTopic.keys()],
  };
  return store;
}
