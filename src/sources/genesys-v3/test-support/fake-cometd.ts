import type { Callback, Configuration, ListenerHandle, Message, Status, SubscriptionHandle } from 'cometd';
import type { CometdClient } from '../cometd-client.ts';

/**
 * A stand-in for the `cometd` client in tests without a CometD server (MSW covers REST only). It
 * behaves as the real client does where the adapter depends on it: listeners hear every handshake,
 * a handshake forgets channel subscriptions, acknowledgements arrive asynchronously, and a failed
 * handshake is retried by the client itself.
 */
export interface FakeCometd extends CometdClient {
  readonly configurations: Configuration[];
  readonly unregistered: string[];
  /** Successful handshakes so far. */
  handshakes(): number;
  /** Channels subscribed in the current session. */
  subscribed(): string[];
  /** Delivers a message's `data` on a channel, as the server's long-poll reply would. */
  deliver(channel: string, data: unknown): void;
  serviceState(state: 'AVAILABLE' | 'UNAVAILABLE'): void;
  /** The server forgot the session: `402::Unknown client`, then the client handshakes again. */
  dropSession(): void;
  /** The long-poll fails (network) / answers again in the same session. */
  interruptConnect(httpCode?: number): void;
  restoreConnect(): void;
  /** The next handshakes fail with these HTTP codes, one each, before one succeeds. */
  failNextHandshakes(...httpCodes: number[]): void;
  /** Subscriptions to this channel are refused this many times. */
  refuseChannel(channel: string, times: number): void;
  /** How often the transport's pending requests were aborted. */
  aborts(): number;
}

export function createFakeCometd(): FakeCometd {
  let status: Status = 'disconnected';
  let successful = 0;
  const listeners = new Map<string, Set<Callback>>();
  let channels = new Map<string, Callback>();
  const handshakeFailures: number[] = [];
  const refusals = new Map<string, number>();
  const configurations: Configuration[] = [];
  const unregistered: string[] = [];
  let aborted = 0;
  const later = (run: () => void): void => void Promise.resolve().then(run);

  function emit(channel: string, message: Message): void {
    for (const listener of [...(listeners.get(channel) ?? [])]) listener(message);
  }

  function handshake(): void {
    status = 'handshaking';
    later(() => {
      if (status !== 'handshaking') return;
      const failure = handshakeFailures.shift();
      if (failure !== undefined) {
        emit('/meta/handshake', { channel: '/meta/handshake', successful: false, failure: { httpCode: failure } } as Message);
        // The real client retries after its back-off; a macrotask is enough here.
        setTimeout(() => {
          if (status === 'handshaking') handshake();
        }, 0);
        return;
      }
      successful++;
      channels = new Map();
      status = 'connected';
      emit('/meta/handshake', { channel: '/meta/handshake', successful: true, clientId: `fake-${successful}` });
    });
  }

  return {
    configurations,
    unregistered,
    configure(configuration) {
      configurations.push(configuration);
    },
    unregisterTransport(type) {
      unregistered.push(type);
      return null;
    },
    addListener(channel, callback): ListenerHandle {
      const set = listeners.get(channel) ?? new Set();
      set.add(callback);
      listeners.set(channel, set);
      return { channel, callback };
    },
    removeListener() {
      // Not needed by the adapter's tests.
    },
    handshake,
    subscribe(channel, onMessage, onAck): SubscriptionHandle {
      const session = successful;
      later(() => {
        if (session !== successful) return;
        const refused = refusals.get(channel) ?? 0;
        if (refused > 0) {
          refusals.set(channel, refused - 1);
          onAck?.({ channel: '/meta/subscribe', successful: false, error: '403::refused' });
          return;
        }
        channels.set(channel, onMessage);
        onAck?.({ channel: '/meta/subscribe', successful: true, subscription: [channel] });
      });
      return { channel };
    },
    disconnect(callback) {
      status = 'disconnected';
      channels = new Map();
      later(() => callback?.({ channel: '/meta/disconnect', successful: true }));
    },
    getStatus: () => status,
    getTransport: () => ({
      abort() {
        aborted++;
      },
    }),
    aborts: () => aborted,
    handshakes: () => successful,
    subscribed: () => [...channels.keys()],
    deliver(channel, data) {
      channels.get(channel)?.({ channel, data });
    },
    serviceState(state) {
      channels.get('/statistics/v3/service')?.({
        channel: '/statistics/v3/service',
        data: { name: 'ServiceStateChange', topic: '/statistics/v3/service', data: { serviceState: state } },
      });
    },
    dropSession() {
      emit('/meta/connect', { channel: '/meta/connect', successful: false, error: '402::Unknown client', advice: { reconnect: 'handshake' } });
      handshake();
    },
    interruptConnect(httpCode = 0) {
      status = 'connecting';
      emit('/meta/connect', { channel: '/meta/connect', successful: false, failure: { httpCode } } as Message);
    },
    restoreConnect() {
      status = 'connected';
      emit('/meta/connect', { channel: '/meta/connect', successful: true });
    },
    failNextHandshakes(...httpCodes) {
      handshakeFailures.push(...httpCodes);
    },
    refuseChannel(channel, times) {
      refusals.set(channel, times);
    },
  };
}
