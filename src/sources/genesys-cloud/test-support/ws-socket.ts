import WebSocket from 'ws';
import type { GcSocketFactory } from '../gc-socket-link.ts';

/** Test support: the source's socket factory over the `ws` package, for tests against the real mock in Node. */
export const wsSocket: GcSocketFactory = (url, handlers) => {
  const ws = new WebSocket(url);
  let closed = false;
  const end = (detail: string): void => {
    if (closed) return;
    closed = true;
    handlers.closed(detail);
  };
  ws.on('open', () => handlers.open());
  ws.on('message', (data: WebSocket.RawData) => handlers.message(String(data)));
  ws.on('close', (code) => end(`socket closed (${code})`));
  ws.on('error', () => end('socket error'));
  return { send: (text) => ws.send(text), close: () => ws.close() };
};
