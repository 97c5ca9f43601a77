import { createTimerSlot } from './gc-timer-slot.ts';
import type { GcTimers } from './gc-timers.ts';

/** What the source needs of a WebSocket; `createBrowserSocket` wraps the browser's, tests pass `ws` or a fake. */
export interface GcSocket {
  send(text: string): void;
  close(): void;
}

export interface GcSocketHandlers {
  open(): void;
  message(text: string): void;
  /** The socket closed or failed (once, whoever closed it). */
  closed(detail: string): void;
}

export type GcSocketFactory = (url: string, handlers: GcSocketHandlers) => GcSocket;

export const createBrowserSocket: GcSocketFactory = (url, handlers) => {
  const socket = new WebSocket(url);
  let closed = false;
  const close = (detail: string): void => {
    if (closed) return;
    closed = true;
    handlers.closed(detail);
  };
  socket.onopen = () => handlers.open();
  socket.onmessage = (event) => {
    if (typeof event.data === 'string') handlers.message(event.data);
  };
  socket.onerror = () => close('socket error');
  socket.onclose = (event) => close(`socket closed (${event.code})`);
  return { send: (text) => socket.send(text), close: () => socket.close() };
};

export interface SocketLinkDeps {
  readonly openSocket: GcSocketFactory;
  readonly timers: GcTimers;
  /** No frame (heartbeats included) for this long: the socket is dead though it says nothing. */
  readonly silenceMs: number;
  readonly connectTimeoutMs: number;
  readonly onFrame: (text: string) => void;
  /** An open socket was lost (closed, failed, or silent). Not called for closes asked by `close()`. */
  readonly onLost: (detail: string) => void;
}

/** One socket at a time to a channel's connectUri, watched for silence. */
export interface SocketLink {
  /** Opens a socket (closing any current one); true once open, false if it failed or timed out first. */
  open(url: string): Promise<boolean>;
  close(): void;
  isOpen(): boolean;
  /** Local ms of the last frame; 0 before any. */
  lastFrameAt(): number;
}

export function createSocketLink(deps: SocketLinkDeps): SocketLink {
  const { timers } = deps;
  let current: { socket: GcSocket; open: boolean } | undefined;
  const watchdog = createTimerSlot(timers);
  let lastFrame = 0;

  function watch(link: { socket: GcSocket; open: boolean }, ms: number): void {
    watchdog.set(ms, () => {
      if (current !== link) return;
      const silent = timers.now() - lastFrame;
      if (silent < deps.silenceMs) return watch(link, deps.silenceMs - silent);
      drop();
      deps.onLost(`no frame or heartbeat for ${Math.round(deps.silenceMs / 1000)} s`);
    });
  }

  function drop(): void {
    watchdog.clear();
    const link = current;
    current = undefined;
    link?.socket.close();
  }

  return {
    open(url) {
      drop();
      return new Promise<boolean>((resolve) => {
        let settled = false;
        const settle = (ok: boolean): void => {
          if (settled) return;
          settled = true;
          timers.clearTimeout(timeout);
          resolve(ok);
        };
        const link: { socket: GcSocket; open: boolean } = { socket: { send: () => undefined, close: () => undefined }, open: false };
        const timeout = timers.setTimeout(() => {
          if (current === link && !link.open) drop();
          settle(false);
        }, deps.connectTimeoutMs);
        current = link;
        link.socket = deps.openSocket(url, {
          open() {
            if (current !== link) return;
            link.open = true;
            lastFrame = timers.now();
            watch(link, deps.silenceMs);
            settle(true);
          },
          message(text) {
            if (current !== link) return;
            lastFrame = timers.now();
            deps.onFrame(text);
          },
          closed(detail) {
            if (current !== link) return;
            const wasOpen = link.open;
            current = undefined;
            watchdog.clear();
            settle(false);
            if (wasOpen) deps.onLost(detail);
          },
        });
      });
    },
    close: drop,
    isOpen: () => current?.open === true,
    lastFrameAt: () => lastFrame,
  };
}
