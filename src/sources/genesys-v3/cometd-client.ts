import { CometD, type Callback, type Configuration, type ListenerHandle, type Status, type SubscriptionHandle } from 'cometd';

/**
 * The part of the `cometd` client the adapter uses. A real `CometD` is one; tests pass a fake with
 * these few methods instead of the whole class.
 */
export interface CometdClient {
  configure(configuration: Configuration): void;
  unregisterTransport(type: string): unknown;
  addListener(channel: string, callback: Callback): ListenerHandle;
  removeListener(handle: ListenerHandle): void;
  handshake(callback?: Callback): void;
  subscribe(channel: string, onMessage: Callback, onAck?: Callback): SubscriptionHandle;
  disconnect(callback?: Callback): void;
  getStatus(): Status;
  /** The transport in use; `abort()` ends its pending requests (a long poll the server never answers). */
  getTransport(): { abort(): void } | null;
}

export function createBrowserCometd(): CometdClient {
  return new CometD();
}
