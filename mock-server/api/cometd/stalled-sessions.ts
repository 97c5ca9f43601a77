import type { ServerResponse } from 'node:http';

/** A held response as far as this module needs it: it learns when its client goes away. */
export type HeldResponse = Pick<ServerResponse, 'once' | 'destroy' | 'writableEnded' | 'destroyed'>;

/**
 * The "connection dies silently" fault (mock addition): which CometD sessions are stalled, and
 * the requests held open for them with no answer. Held requests stay held until their client gives
 * up; this is the only reference the server keeps to them, dropped when their socket closes.
 */
export interface StalledSessions {
  stall(sessionId: string): void;
  readonly isStalled: (sessionId: string) => boolean;
  /** Keeps a response open and unanswered until its client aborts (or the server shuts down). */
  hold(res: HeldResponse): void;
  /** Sessions are served again from now on; requests already held stay held (the facade says why). */
  clear(): void;
  /** Requests held open right now. */
  readonly heldCount: number;
  /** Shutdown must not wait for every stalled client's own timeout. */
  destroyHeld(): void;
}

export function createStalledSessions(): StalledSessions {
  // Kept after its session ends: a stalled client retrying with the old clientId must still get
  // nothing (not a `402` that would tell it to re-handshake), until the fault is cleared.
  const stalled = new Set<string>();
  const held = new Set<HeldResponse>();
  return {
    stall(sessionId) {
      stalled.add(sessionId);
    },
    isStalled: (sessionId) => stalled.has(sessionId),
    hold(res) {
      if (res.writableEnded || res.destroyed) return;
      held.add(res);
      res.once('close', () => held.delete(res));
    },
    clear() {
      stalled.clear();
    },
    get heldCount() {
      return held.size;
    },
    destroyHeld() {
      for (const res of held) res.destroy();
      held.clear();
    },
  };
}
