import type { ServerSession } from 'cometd-nodejs-server';

/**
 * The one private member of cometd-nodejs-server 1.2.1 this facade relies on (the version is
 * pinned in package.json). Keep every such use in this file.
 *
 * `_flush()` answers a held `/meta/connect` at once, as the server itself does for a client's
 * `/meta/disconnect`. The public `session.disconnect()` would instead deliver a `/meta/disconnect`
 * message, and the CometD client takes that as final and never re-handshakes; the facade drops
 * that message and wakes the held connect itself, whose reply it turns into `402::Unknown client`.
 */
export function wakeHeldConnect(session: ServerSession): void {
  const internal = session as ServerSession & { _flush?: () => void };
  if (typeof internal._flush === 'function') internal._flush();
}
