import type { Channel, ChannelConnection } from './channel-store.ts';
import { HEARTBEAT_FRAME, parseClientFrame, PONG_FRAME, SOCKET_CLOSING_FRAME, failedReply, type ClientFrame } from './socket-frames.ts';

/** The few things a session needs of a WebSocket, so it can be driven without one. */
export interface SocketEnd {
  sendText(text: string): void;
  /** Starts the closing handshake. */
  close(code: number, reason: string): void;
}

export interface SessionContext {
  readonly heartbeatMs: number;
  readonly closeDelayMs: number;
  readonly realNow: () => number;
  /** Applies a socket `subscribe` to the channel and gives the reply frame. */
  readonly subscribe: (channel: Channel, frame: Extract<ClientFrame, { kind: 'subscribe' }>) => unknown;
}

export interface ChannelSession {
  /** A text frame from the client. */
  receive(text: string): void;
  /** The socket is gone, whoever closed it. */
  ended(): void;
}

/** A warned close is a normal one; a close without warning is the server going away (an outage). */
const CLOSE_CODES = { warn: 1000, now: 1001 } as const;

/**
 * One WebSocket on a channel: heartbeats, ping/pong, subscribe requests, and the closes the mock
 * starts (`v2.system.socket_closing` first when warned). The channel lists it while it is open.
 */
export function openChannelSession(context: SessionContext, channel: Channel, socket: SocketEnd): ChannelSession {
  // Warned sockets still get events until the close, as the platform's warning comes ahead of it.
  let warned = false;
  let closed = false;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  const send = (frame: unknown): void => socket.sendText(JSON.stringify(frame));
  const closeNow = (code: number, reason: string): void => {
    if (closed) return;
    closed = true;
    socket.close(code, reason);
  };

  const connection: ChannelConnection = {
    send(frame) {
      if (!closed) send(frame);
    },
    close(how, reason) {
      if (how === 'now') {
        closeNow(CLOSE_CODES.now, reason);
        return;
      }
      if (warned || closed) return;
      warned = true;
      send(SOCKET_CLOSING_FRAME);
      closeTimer = setTimeout(() => closeNow(CLOSE_CODES.warn, reason), context.closeDelayMs);
    },
  };
  channel.connections.add(connection);
  channel.lastUsedAt = context.realNow();
  const heartbeat = setInterval(() => connection.send(HEARTBEAT_FRAME), context.heartbeatMs);

  return {
    receive(text) {
      if (closed) return;
      channel.lastUsedAt = context.realNow();
      const frame = parseClientFrame(text);
      if (frame.kind === 'ping') send(PONG_FRAME);
      else if (frame.kind === 'subscribe') send(context.subscribe(channel, frame));
      else send(failedReply(frame, 'error', frame.message));
    },
    ended() {
      closed = true;
      clearInterval(heartbeat);
      if (closeTimer) clearTimeout(closeTimer);
      channel.connections.delete(connection);
    },
  };
}
