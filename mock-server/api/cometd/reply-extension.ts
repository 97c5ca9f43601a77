import type { ServerExtension, ServerMessage, ServerSession } from 'cometd-nodejs-server';

/** The error text of the Bayeux exchange in docs/vendors/genesys-engage.md §2.9; cometd-nodejs-server says `402::session_unknown`. */
export const UNKNOWN_CLIENT = '402::Unknown client';

export interface ReplyHooks {
  /** Sessions the server ended on its own (fault, revocation): their client must re-handshake. */
  isDropped(session: ServerSession): boolean;
  /** Runs once per successful handshake, after the server has chosen the browser cookie. */
  onHandshakeReply(session: ServerSession): void;
}

function toUnknownClient(reply: ServerMessage): void {
  reply.successful = false;
  reply.error = UNKNOWN_CLIENT;
  reply.advice = { ...(reply.advice as object | undefined), reconnect: 'handshake', interval: 0 };
}

/**
 * A server extension over everything the server sends:
 * - a dropped session gets no `/meta/disconnect` message (the CometD client would stop for good)
 *   and its held `/meta/connect` is answered `402::Unknown client`, advice `handshake`;
 * - unknown-session errors use that wording;
 * - successful handshakes are reported, for the session cookie and bookkeeping.
 */
export function createReplyExtension(hooks: ReplyHooks): ServerExtension {
  return {
    outgoing(_server, _sender, session: ServerSession | null, message, callback) {
      if (session && hooks.isDropped(session)) {
        if (message.channel === '/meta/disconnect') {
          callback(undefined, false);
          return;
        }
        if (message.channel === '/meta/connect' && message.successful) toUnknownClient(message);
      }
      if (typeof message.error === 'string' && message.error.startsWith('402::')) message.error = UNKNOWN_CLIENT;
      if (session && message.channel === '/meta/handshake' && message.successful === true) hooks.onHandshakeReply(session);
      callback(undefined, true);
    },
  };
}
