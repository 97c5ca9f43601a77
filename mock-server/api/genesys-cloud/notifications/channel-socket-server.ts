import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { openChannelSession, type SessionContext } from './channel-session.ts';
import type { Channel } from './channel-store.ts';
import { CHANNEL_SOCKET_PATH } from './notification-options.ts';

export interface SocketServerContext {
  readonly findChannel: (id: string) => Channel | undefined;
  /** The vendor is down (admin fault): no socket is accepted. */
  readonly isDown: () => boolean;
  readonly session: SessionContext;
}

export interface ChannelSocketServer {
  /** Takes an HTTP upgrade aimed at a channel's connectUri; false (untouched) for any other path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  openSockets(): number;
  /** Ends every socket at once (the mock is stopping). */
  close(): void;
}

/** Client frames are small JSON; a megabyte holds a subscribe of a thousand topics many times over. */
const MAX_FRAME_BYTES = 1024 * 1024;

const channelIdOf = (request: IncomingMessage): string | undefined => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (!path.startsWith(`${CHANNEL_SOCKET_PATH}/`)) return undefined;
  const id = path.slice(CHANNEL_SOCKET_PATH.length + 1);
  return id.length > 0 && !id.includes('/') ? id : '';
};

/** Answers an upgrade with a plain HTTP error in the platform's `ErrorBody`, then drops the connection. */
function refuse(socket: Duplex, status: 404 | 503, code: string, message: string): void {
  const body = JSON.stringify({ message, code, status });
  const reason = status === 404 ? 'Not Found' : 'Service Unavailable';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

const textOf = (data: RawData): string => {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
};

/**
 * The WebSocket end of notification channels, on the HTTP server's `upgrade` event for the
 * channel path only, so other sockets on the same server (Vite's HMR) are left alone.
 */
export function createChannelSocketServer(context: SocketServerContext): ChannelSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, clientTracking: false });
  const sockets = new Set<WebSocket>();

  const accept = (ws: WebSocket, channel: Channel): void => {
    sockets.add(ws);
    const session = openChannelSession(context.session, channel, {
      sendText: (text) => ws.send(text),
      close: (code, reason) => ws.close(code, reason),
    });
    ws.on('message', (data, isBinary) => {
      if (!isBinary) session.receive(textOf(data));
    });
    ws.on('close', () => {
      sockets.delete(ws);
      session.ended();
    });
    ws.on('error', () => ws.terminate());
  };

  return {
    handleUpgrade(request, socket, head) {
      const id = channelIdOf(request);
      if (id === undefined) return false;
      if (context.isDown()) {
        refuse(socket, 503, 'service.unavailable', 'Service Unavailable - The server is currently unavailable.');
        return true;
      }
      const channel = context.findChannel(id);
      if (!channel) {
        refuse(socket, 404, 'not.found', 'The requested resource was not found.');
        return true;
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        // The channel may have gone while the handshake completed.
        if (context.findChannel(id) === channel) accept(ws, channel);
        else ws.close(1000, 'channel removed');
      });
      return true;
    },
    openSockets: () => sockets.size,
    close() {
      for (const ws of sockets) ws.terminate();
      sockets.clear();
      wss.close();
    },
  };
}
