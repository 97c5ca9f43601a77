import { createGcChannel, type ChannelDeps, type GcChannel } from './gc-channel.ts';
import { MAX_TOPICS_PER_CHANNEL, planTopics } from './gc-topic-plan.ts';

/**
 * The channels together: idle (no topics at all), down (one that was open is lost), open (some
 * open, none lost: a channel being added for more topics is not a lost connection), connecting.
 */
export type PoolState = 'idle' | 'connecting' | 'open' | 'down';

export interface ChannelPool {
  /** Every topic wanted now; spread over as many channels as the topic limit needs. */
  setTopics(topics: Iterable<string>): void;
  state(): PoolState;
  reconnect(): void;
  lastFrameAt(): number;
  stop(): Promise<void>;
}

/**
 * The source's notification channels: one while it has at most 1,000 topics, more beyond
 * (docs/vendors/genesys-cloud.md "Notifications"). A channel left without topics keeps its id for
 * later (a user/app may hold 20 channels; making new ones would push out older ones).
 */
export function createChannelPool(deps: ChannelDeps, maxTopics = MAX_TOPICS_PER_CHANNEL): ChannelPool {
  const channels: GcChannel[] = [];
  return {
    setTopics(topics) {
      const plan = planTopics(
        channels.map((channel, id) => ({ id, topics: channel.wanted() })),
        topics,
        maxTopics,
      );
      for (const [id, kept] of plan.keep) channels[id]?.setTopics(kept);
      for (const fresh of plan.create) {
        const channel = createGcChannel(deps);
        channels.push(channel);
        channel.setTopics(fresh);
      }
    },
    state() {
      const active = channels.map((c) => c.state()).filter((s) => s !== 'idle' && s !== 'refused');
      if (active.length === 0) return 'idle';
      if (active.includes('down')) return 'down';
      return active.includes('open') ? 'open' : 'connecting';
    },
    reconnect() {
      for (const channel of channels) channel.reconnect();
    },
    lastFrameAt: () => Math.max(0, ...channels.map((c) => c.lastFrameAt())),
    async stop() {
      await Promise.all(channels.map((c) => c.stop()));
    },
  };
}
