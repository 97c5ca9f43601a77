import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FaultState } from '../../../admin/fault-state.ts';
import type { RequestCounts } from '../../../admin/request-counts.ts';
import type { Principal } from '../../auth/auth-types.ts';
import type { Route } from '../../http-types.ts';
import type { Simulation } from '../../../sim/sim-types.ts';
import type { GenesysCloudState } from '../gc-activity.ts';
import type { GcAuthContext } from '../gc-auth.ts';
import { demoUsers } from '../../auth/demo-identities.ts';
import { channelRoutes, ownerOf } from './channel-routes.ts';
import { createChannelSocketServer } from './channel-socket-server.ts';
import { createChannelStore, type Channel } from './channel-store.ts';
import { CHANNEL_SOCKET_PATH, DEFAULT_NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options.ts';
import { failedReply, subscribedReply } from './socket-frames.ts';
import { changeSubscriptions, type SubscriptionRules } from './subscription-change.ts';
import { gcFloorReader } from './topic-metrics.ts';
import type { TopicIds } from './topic-names.ts';
import { createTopicPublisher } from './topic-publisher.ts';

export interface GcNotificationsContext {
  readonly sim: Pick<Simulation, 'now' | 'onEvents'>;
  /** How the REST calls' bearer tokens are checked (the facade's own). */
  readonly auth: GcAuthContext;
  /** The facade's view of the floor and its ids, shared with the REST routes. */
  readonly state: GenesysCloudState;
  /** Admin faults: while `genesys-cloud` is down no socket stays open or opens. */
  readonly faults: Pick<FaultState, 'isDown' | 'onChange'>;
  /** Where `openChannels` and `openWebSockets` are shown (`GET /mock/admin/requests`). */
  readonly requests?: Pick<RequestCounts, 'registerGauge'>;
  readonly options?: Partial<NotificationOptions>;
}

export interface GcNotifications {
  readonly routes: readonly Route[];
  /** For the HTTP server's `upgrade` event: true when the request was a channel's and has been handled. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** `v2.system.socket_closing` to every socket, each closed a little later; the channels stay. */
  warnAndCloseSockets(): void;
  /** Every channel ends now, as at its expiry. */
  expireChannels(): void;
  start(): void;
  stop(): void;
}

/** The Notifications API of the Genesys Cloud facade: channels, their WebSockets and two topics. */
export function createGcNotifications(context: GcNotificationsContext): GcNotifications {
  const options: NotificationOptions = { ...DEFAULT_NOTIFICATION_OPTIONS, ...context.options };
  const isDown = (): boolean => context.faults.isDown('genesys-cloud');
  const realNow = (): number => Date.now();
  const ids: TopicIds = {
    queueToSim: (v) => context.state.ids.toSim('queue', v),
    agentToSim: (v) => context.state.ids.toSim('agent', v),
    queueToVendor: (s) => context.state.ids.toVendor('queue', s),
    agentToVendor: (s) => context.state.ids.toVendor('agent', s),
    isOtherUser: (v) => demoUsers().some((user) => context.state.ids.toVendor('user', user.username) === v.toLowerCase()),
  };
  const store = createChannelStore(options.maxChannelsPerOwner);
  const rules: SubscriptionRules = {
    store,
    ids,
    maxTopics: options.maxTopicsPerChannel,
    renew: (channel) => {
      channel.expiresAt = context.sim.now() + options.channelTtlMs;
    },
  };
  const publisher = createTopicPublisher({
    store,
    ids,
    floor: gcFloorReader(context.state),
    simNow: () => context.sim.now(),
    realNow,
    minPublishIntervalMs: options.minPublishIntervalMs,
  });

  const end = (channel: Channel, reason: string): void => {
    store.remove(channel.id);
    for (const connection of channel.connections) connection.close('warn', reason);
  };

  const sockets = createChannelSocketServer({
    findChannel: (id) => store.get(id),
    isDown,
    session: {
      heartbeatMs: options.heartbeatMs,
      closeDelayMs: options.closeDelayMs,
      realNow,
      subscribe(channel, frame) {
        const outcome = changeSubscriptions(rules, channel, frame.topics, 'add', false);
        if (!outcome.ok) return failedReply(frame, 'failed', outcome.message);
        publisher.subscribed(outcome.added);
        return subscribedReply(frame, [...channel.topics]);
      },
    },
  });

  const createChannel = (principal: Principal, origin: string): Channel => {
    const socketOrigin = origin.replace(/^http/, 'ws');
    const { channel, evicted } = store.create({
      owner: ownerOf(principal),
      tokenId: principal.tokenId,
      connectUri: (id) => `${socketOrigin}${CHANNEL_SOCKET_PATH}/${id}`,
      expiresAt: context.sim.now() + options.channelTtlMs,
      now: realNow(),
    });
    if (evicted) end(evicted, 'channel removed: too many channels');
    return channel;
  };

  // An outage gives no warning.
  const closeIfDown = (): void => {
    if (!isDown()) return;
    for (const channel of store.all()) for (const connection of channel.connections) connection.close('now', 'service unavailable');
  };

  const sweep = (): void => {
    closeIfDown();
    const now = context.sim.now();
    for (const channel of store.all()) if (channel.expiresAt <= now) end(channel, 'channel expired');
  };

  context.requests?.registerGauge('genesys-cloud', 'openChannels', () => store.all().length);
  context.requests?.registerGauge('genesys-cloud', 'openWebSockets', () => sockets.openSockets());

  let sweeper: ReturnType<typeof setInterval> | undefined;
  let unlisten: (() => void)[] = [];

  return {
    routes: channelRoutes({ auth: context.auth, store, rules, createChannel, onSubscribed: publisher.subscribed, realNow }),
    handleUpgrade: (request, socket, head) => sockets.handleUpgrade(request, socket, head),
    warnAndCloseSockets() {
      for (const channel of store.all()) for (const connection of channel.connections) connection.close('warn', 'socket closing');
    },
    expireChannels() {
      for (const channel of store.all()) end(channel, 'channel expired');
    },
    start() {
      if (unlisten.length === 0) unlisten = [context.sim.onEvents(() => publisher.simulationChanged()), context.faults.onChange(closeIfDown)];
      sweeper ??= setInterval(sweep, options.sweepMs);
    },
    stop() {
      for (const stopListening of unlisten) stopListening();
      unlisten = [];
      if (sweeper) clearInterval(sweeper);
      sweeper = undefined;
      publisher.stop();
      sockets.close();
    },
  };
}
