import type { ServerResponse } from 'node:http';
import type { ServerSession } from 'cometd-nodejs-server';

/**
 * The private members of cometd-nodejs-server 1.2.1 this facade relies on (the version is pinned
 * in package.json). Keep every such use in this file.
 */

/**
 * `_flush()` answers a held `/meta/connect` at once, as the server itself does for a client's
 * `/meta/disconnect`. The public `session.disconnect()` would instead deliver a `/meta/disconnect`
 * message, and the CometD client takes that as final and never re-handshakes; the facade drops
 * that message and wakes the held connect itself, whose reply it turns into `402::Unknown client`.
 */
export function wakeHeldConnect(session: ServerSession): void {
  const internal = session as ServerSession & { _flush?: () => void };
  if (typeof internal._flush === 'function') internal._flush();
}

/**
 * Makes the server treat a response as one whose client has gone. The server sets
 * `_cometd_request_error` itself when a request it reads aborts, and then, when it answers, writes
 * nothing yet still does its bookkeeping: it frees the browser's long-poll slot and starts the
 * session's expiry clock. The stall fault marks a parked `/meta/connect` so, then wakes it: the
 * client gets not a byte, and the session expires as one whose client vanished does.
 */
export function muteResponse(res: ServerResponse): void {
  const internal = res as ServerResponse & { _cometd_request_error?: Error };
  internal._cometd_request_error = new Error('session stalled (mock fault)');
}
