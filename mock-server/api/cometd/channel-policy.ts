import type { SecurityPolicy } from 'cometd-nodejs-server';
import { SERVICE_CHANNEL, UPDATES_CHANNEL } from './notification-messages.ts';

/** The only channels of the Statistics API (docs/vendors/genesys-engage.md §2.9); nothing else is there to listen to. */
const SUBSCRIBABLE: ReadonlySet<string> = new Set([UPDATES_CHANNEL, SERVICE_CHANNEL]);

/**
 * Clients listen, they never talk: a subscription anywhere else is refused with the standard
 * Bayeux `403::…` reply (the session stays usable), and publishing is allowed on service
 * channels only — of which the API has none, and none may be created.
 */
export const channelPolicy: Required<Pick<SecurityPolicy, 'canCreate' | 'canSubscribe' | 'canPublish'>> = {
  canCreate(_session, _message, channelName, callback) {
    // Refusing creation also keeps clients from filling the server with channels.
    callback(undefined, SUBSCRIBABLE.has(channelName));
  },
  canSubscribe(_session, _message, channel, callback) {
    callback(undefined, SUBSCRIBABLE.has(channel.name));
  },
  canPublish(_session, _message, channel, callback) {
    callback(undefined, channel.service);
  },
};
