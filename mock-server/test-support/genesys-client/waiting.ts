import type { CometdLike, CometdMessage, StatisticsClient } from './statistics-client.ts';

/** Rejects with `what` if `promise` has not settled within `ms` (no fixed sleeps: a bound only). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The next payload of a client event that `accept` narrows to `T`. */
export function nextClientEvent<T>(
  client: StatisticsClient,
  event: string,
  accept: (data: unknown) => T | undefined,
  ms: number,
  what: string,
): Promise<T> {
  let listener: ((data: unknown) => void) | undefined;
  const found = new Promise<T>((resolve) => {
    listener = (data: unknown) => {
      const hit = accept(data);
      if (hit !== undefined) resolve(hit);
    };
    client.on(event, listener);
  });
  return within(found, ms, what).finally(() => {
    if (listener) client.off(event, listener);
  });
}

/** Resolves once cometd has seen a successful reply on a meta channel for every key `keyOf` yields. */
export function metaReplies(cometd: CometdLike, channel: string, keys: readonly string[], keyOf: (message: CometdMessage) => readonly string[], ms: number): Promise<void> {
  const pending = new Set(keys);
  let handle: unknown;
  const done = new Promise<void>((resolve, reject) => {
    handle = cometd.addListener(channel, (message) => {
      if (message.successful !== true) {
        reject(new Error(`${channel} failed: ${JSON.stringify(message)}`));
        return;
      }
      for (const key of keyOf(message)) pending.delete(key);
      if (pending.size === 0) resolve();
    });
  });
  return within(done, ms, `${channel} for ${keys.join(', ')}`).finally(() => cometd.removeListener(handle));
}

/** The channels a `/meta/subscribe` reply names. */
export function subscribedChannels(message: CometdMessage): readonly string[] {
  const s = message.subscription;
  if (s === undefined) return [];
  return typeof s === 'string' ? [s] : s;
}
