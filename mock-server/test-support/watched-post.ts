import { request } from 'node:http';

/**
 * A POST on its own connection that watches the raw socket, to prove a server sends nothing at all
 * (not even a status line) and never closes it: what a connection that died silently looks like.
 */
export interface WatchedPost {
  /** Bytes the server has sent on this request's connection so far. */
  bytesReceived(): number;
  /** The server ended or closed the connection (not our abort). */
  closedByServer(): boolean;
  /** Gives up as a client's own timeout does (AbortController); resolves once the socket is closed. */
  abort(): Promise<void>;
}

export function startWatchedPost(baseUrl: string, path: string, body: unknown, headers: Record<string, string>): WatchedPost {
  const payload = JSON.stringify(body);
  const controller = new AbortController();
  let bytes = 0;
  let aborting = false;
  let serverClosed = false;
  const req = request(new URL(path, baseUrl), {
    method: 'POST',
    // A connection of its own: a pooled one could carry another request's bytes.
    agent: false,
    signal: controller.signal,
    headers: { 'content-type': 'application/json;charset=UTF-8', 'content-length': String(Buffer.byteLength(payload)), ...headers },
  });
  const closed = new Promise<void>((resolve) => {
    req.once('socket', (socket) => {
      socket.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      socket.once('end', () => {
        if (!aborting) serverClosed = true;
      });
      socket.once('close', () => {
        if (!aborting) serverClosed = true;
        resolve();
      });
    });
  });
  // The abort surfaces as an AbortError on the request; that is the expected ending.
  req.on('error', () => undefined);
  req.end(payload);
  return {
    bytesReceived: () => bytes,
    closedByServer: () => serverClosed,
    async abort() {
      aborting = true;
      controller.abort();
      await closed;
    },
  };
}
