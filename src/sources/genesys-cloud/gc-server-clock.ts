/**
 * The platform's clock as this browser estimates it (docs/vendors/genesys-cloud.md "The Genesys
 * Cloud source in the app"). Durations such as the longest wait are "server now − a server
 * timestamp", and today's interval starts at the server's midnight: a browser whose clock is off,
 * or a mock whose clock is simulated, would get them wrong with `Date.now()`. `GET /api/v2/date`
 * answers the server's time; half the round trip is taken as the answer's age.
 */
export interface ServerClock {
  /** The server's time now, estimated (may step back after a new reading). */
  now(): number;
  /** Never less than any value it returned before: for update timestamps, which must not go back. */
  stamp(): number;
  /** A reading: the server said `serverMs` to a request sent at `sentAt` and answered at `receivedAt` (local ms). */
  observe(serverMs: number, sentAt: number, receivedAt: number): void;
  /** True once a reading was taken. */
  synced(): boolean;
}

export function createServerClock(localNow: () => number): ServerClock {
  let offset = 0;
  let readings = 0;
  let lastStamp = Number.NEGATIVE_INFINITY;
  const now = (): number => localNow() + offset;
  return {
    now,
    stamp() {
      lastStamp = Math.max(lastStamp, Math.round(now()));
      return lastStamp;
    },
    observe(serverMs, sentAt, receivedAt) {
      if (!Number.isFinite(serverMs) || receivedAt < sentAt) return;
      offset = serverMs - (sentAt + receivedAt) / 2;
      readings++;
    },
    synced: () => readings > 0,
  };
}
