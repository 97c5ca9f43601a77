import type { Message } from 'cometd';
import { z } from 'zod';
import type { CometdClient } from './cometd-client.ts';
import { backoffDelay } from '../../lib/backoff.ts';
import { CHANNEL_RETRY } from './retry-policy.ts';
import type { Timers } from './timers.ts';

export const UPDATES_CHANNEL = '/statistics/v3/updates';
export const SERVICE_CHANNEL = '/statistics/v3/service';
export type NotificationChannel = typeof UPDATES_CHANNEL | typeof SERVICE_CHANNEL;
const CHANNELS: readonly NotificationChannel[] = [UPDATES_CHANNEL, SERVICE_CHANNEL];

/**
 * The client's own reconnect back-off grows by 1 s per failure up to this. Its default (60 s)
 * would leave a wallboard dark for up to a minute after the server comes back; 5 s keeps
 * "live within 10 s of the restart" while a dead server still sees one attempt per client per 5 s.
 */
const MAX_RECONNECT_BACKOFF_MS = 5000;
/** stop() waits this long for the server to acknowledge the disconnect, then lets go. */
const DISCONNECT_WAIT_MS = 2000;

export interface CometdSessionEvents {
  /** Handshaken and both channels acknowledged. `session` counts successful handshakes: above 1 is a new server session. */
  ready(session: number): void;
  /** The long-poll or a handshake failed; the client is retrying on its own. */
  interrupted(detail: string): void;
  /** The same server session answers again after an interruption (no new handshake was needed). */
  restored(): void;
  /** A CometD request was answered HTTP 401: the token is no longer accepted. */
  unauthorized(): void;
  /** A message's `data` on one of the two channels, unparsed. */
  message(channel: NotificationChannel, data: unknown): void;
  /** The server answered: a handshake or a long poll came back successfully (a sign of life even when nothing changes). */
  alive(): void;
}

export interface CometdSessionOptions {
  readonly cometd: CometdClient;
  /** `${baseUrl}/statistics/v3/notifications` */
  readonly url: string;
  readonly events: CometdSessionEvents;
  readonly timers: Timers;
  readonly random: () => number;
}

export interface CometdSession {
  /** Configures the client with these headers and handshakes. Again after halt(): a new session. */
  start(headers: Readonly<Record<string, string>>): void;
  /** New headers (a refreshed token) for every request from now on. */
  setHeaders(headers: Readonly<Record<string, string>>): void;
  /** Disconnects without waiting and stops retrying; start() may follow. */
  halt(): void;
  /**
   * For a connection that died silently: stops listening, and aborts whatever the server never
   * answered (a disconnect would wait on it too). The server ends the session when it times out.
   * This session is done; a new one takes over.
   */
  abandon(): void;
  /** Disconnects and waits (briefly) for the server to confirm. */
  stop(): Promise<void>;
}

const httpFailureSchema = z.object({ failure: z.object({ httpCode: z.number() }) });

/** The client reports an HTTP error of a Bayeux request as `message.failure.httpCode`. */
function isHttpUnauthorized(message: Message): boolean {
  const parsed = httpFailureSchema.safeParse(message);
  return parsed.success && parsed.data.failure.httpCode === 401;
}

/**
 * One CometD session to the Statistics API (docs/vendors/genesys-engage.md §2.9, §2.10.1): long-polling only (a
 * WebSocket cannot carry the x-api-key and bearer headers), both channels subscribed after every
 * successful handshake — the client forgets channel subscriptions when it handshakes again, which it
 * does by itself after `402::Unknown client` — and "ready" only once both are acknowledged.
 */
export function createCometdSession(options: CometdSessionOptions): CometdSession {
  const { cometd, events, timers } = options;
  let running = false;
  let headers: Readonly<Record<string, string>> = {};
  let handshakes = 0;
  let readyFor = 0;
  let interrupted = false;
  const retries = new Set<unknown>();

  cometd.unregisterTransport('websocket');
  cometd.unregisterTransport('callback-polling');

  function configure(): void {
    cometd.configure({
      url: options.url,
      requestHeaders: { ...headers },
      logLevel: 'warn',
      // The worker scheduler starts a Worker from a blob: URL on every configure() (a leak when the
      // token is refreshed) and needs CSP to allow blob: workers; plain timers are enough here.
      useWorkerScheduler: false,
      maxBackoff: MAX_RECONNECT_BACKOFF_MS,
    });
  }

  function clearRetries(): void {
    for (const handle of retries) timers.clearTimeout(handle);
    retries.clear();
  }

  function markInterrupted(detail: string): void {
    if (interrupted) return;
    interrupted = true;
    events.interrupted(detail);
  }

  function subscribeChannel(session: number, channel: NotificationChannel, acked: Set<NotificationChannel>, attempt: number): void {
    const onMessage = (message: Message): void => {
      if (running) events.message(channel, message.data as unknown);
    };
    cometd.subscribe(channel, onMessage, (ack) => {
      if (!running || session !== handshakes) return;
      if (ack.successful) {
        acked.add(channel);
        if (acked.size === CHANNELS.length) {
          readyFor = session;
          interrupted = false;
          events.ready(session);
        }
        return;
      }
      // Refused on a session that is still up: ask again. If the session is gone instead, the
      // client handshakes by itself and the new session subscribes afresh.
      const handle = timers.setTimeout(() => {
        retries.delete(handle);
        const status = cometd.getStatus();
        if (running && session === handshakes && (status === 'connected' || status === 'connecting')) {
          subscribeChannel(session, channel, acked, attempt + 1);
        }
      }, backoffDelay(attempt, CHANNEL_RETRY, options.random));
      retries.add(handle);
    });
  }

  cometd.addListener('/meta/handshake', (message) => {
    if (!running) return;
    if (message.successful) {
      handshakes++;
      events.alive();
      clearRetries();
      const acked = new Set<NotificationChannel>();
      for (const channel of CHANNELS) subscribeChannel(handshakes, channel, acked, 0);
      return;
    }
    if (isHttpUnauthorized(message)) events.unauthorized();
    markInterrupted(message.error ?? 'handshake failed');
  });

  cometd.addListener('/meta/connect', (message) => {
    if (!running) return;
    if (message.successful) {
      events.alive();
      if (interrupted && handshakes > 0 && readyFor === handshakes) {
        interrupted = false;
        events.restored();
      }
      return;
    }
    if (isHttpUnauthorized(message)) events.unauthorized();
    markInterrupted(message.error ?? 'long-poll failed');
  });

  function halt(): void {
    running = false;
    clearRetries();
    const status = cometd.getStatus();
    if (status !== 'disconnected' && status !== 'disconnecting') cometd.disconnect();
  }

  return {
    start(next) {
      headers = next;
      if (running) return;
      running = true;
      interrupted = false;
      configure();
      cometd.handshake();
    },
    setHeaders(next) {
      headers = next;
      // configure() between two requests is enough: the transport reads the headers per request.
      if (running) configure();
    },
    halt,
    abandon() {
      running = false;
      clearRetries();
      const status = cometd.getStatus();
      // Disconnect first so the client does not retry the long poll once it is aborted.
      if (status !== 'disconnected' && status !== 'disconnecting') cometd.disconnect();
      cometd.getTransport()?.abort();
    },
    stop() {
      running = false;
      clearRetries();
      const status = cometd.getStatus();
      // While disconnected or between handshake attempts there is nothing to confirm.
      if (status === 'disconnected' || status === 'disconnecting' || status === 'handshaking') {
        if (status === 'handshaking') cometd.disconnect();
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        const guard = timers.setTimeout(resolve, DISCONNECT_WAIT_MS);
        cometd.disconnect(() => {
          timers.clearTimeout(guard);
          resolve();
        });
      });
    },
  };
}
