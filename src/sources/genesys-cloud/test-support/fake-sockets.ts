import type { GcSocket, GcSocketFactory, GcSocketHandlers } from '../gc-socket-link.ts';

export interface FakeSocket extends GcSocket {
  readonly url: string;
  readonly handlers: GcSocketHandlers;
  isOpen(): boolean;
  isClosed(): boolean;
  /** The server sends a frame (JSON-encoded unless a string). */
  deliver(frame: unknown): void;
  /** The server closes it (a network loss, the channel gone). */
  drop(detail?: string): void;
}

/** WebSockets without a network: they open on the next task unless `refuse` is set. */
export interface FakeSockets {
  readonly factory: GcSocketFactory;
  readonly all: FakeSocket[];
  /** Sockets opened and not closed. */
  open(): FakeSocket[];
  /** While true, new sockets fail to open. */
  refuse: boolean;
}

export function createFakeSockets(): FakeSockets {
  const all: FakeSocket[] = [];
  const sockets: FakeSockets = {
    all,
    refuse: false,
    open: () => all.filter((s) => s.isOpen()),
    factory(url, handlers) {
      let open = false;
      let closed = false;
      const end = (detail: string): void => {
        if (closed) return;
        closed = true;
        open = false;
        handlers.closed(detail);
      };
      const socket: FakeSocket = {
        url,
        handlers,
        isOpen: () => open,
        isClosed: () => closed,
        send: () => undefined,
        close: () => end('closed by client'),
        deliver(frame) {
          if (open) handlers.message(typeof frame === 'string' ? frame : JSON.stringify(frame));
        },
        drop: (detail = 'connection lost') => end(detail),
      };
      all.push(socket);
      const refuse = sockets.refuse;
      void Promise.resolve().then(() => {
        if (closed) return;
        if (refuse) return end('connection refused');
        open = true;
        handlers.open();
      });
      return socket;
    },
  };
  return sockets;
}
