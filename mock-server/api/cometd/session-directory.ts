import type { ServerResponse } from 'node:http';
import type { ServerSession } from 'cometd-nodejs-server';
import type { SessionOutbox } from './session-outbox.ts';

export type SessionEndReason = 'disconnected' | 'expired' | 'dropped' | 'revoked' | 'closed';

/** What the facade knows of one CometD session besides what cometd-nodejs-server keeps. */
export interface SessionRecord {
  /** The CometD clientId, also the STATISTICS_SESSIONID cookie value and the subscriptions' `owner`. */
  readonly id: string;
  readonly session: ServerSession;
  /** Principal subject of the handshake's token; later requests must come from the same user. */
  readonly subject: string;
  readonly createdAt: number;
  /** The BAYEUX_BROWSER id the server filed the session under, to serve clients that drop cookies. */
  readonly browserId: string | undefined;
  readonly outbox: SessionOutbox;
  /** Access tokens this session has used, most recent last (clients refresh tokens on long sessions). */
  tokenIds: string[];
  /** A `/meta/connect` is being held, so a delivery goes out at once. */
  suspended: boolean;
  /** The response of the last `/meta/connect` handed to the server, until it closes (the stall fault silences it). */
  longPoll: ServerResponse | undefined;
  /** Messages handed to cometd-nodejs-server and not yet sent (its queue is private; counted from its events). */
  serverQueued: number;
  /** Set when the server ends the session, before the removal event reports it. */
  endReason: SessionEndReason | undefined;
}

export interface SessionDirectory {
  add(record: SessionRecord): void;
  get(id: string): SessionRecord | undefined;
  remove(id: string): SessionRecord | undefined;
  all(): SessionRecord[];
  /** Sessions that have used this access token (for subscriptions opened without a session cookie). */
  withToken(tokenId: string): SessionRecord[];
  noteToken(record: SessionRecord, tokenId: string): void;
}

/** A session of weeks refreshes its token every hour; only the recent ones can still open subscriptions. */
const REMEMBERED_TOKENS = 4;

export function createSessionDirectory(): SessionDirectory {
  const records = new Map<string, SessionRecord>();
  return {
    add(record) {
      records.set(record.id, record);
    },
    get: (id) => records.get(id),
    remove(id) {
      const record = records.get(id);
      records.delete(id);
      return record;
    },
    all: () => [...records.values()],
    withToken: (tokenId) => [...records.values()].filter((r) => r.tokenIds.includes(tokenId)),
    noteToken(record, tokenId) {
      if (record.tokenIds.at(-1) === tokenId) return;
      record.tokenIds = [...record.tokenIds.filter((t) => t !== tokenId), tokenId].slice(-REMEMBERED_TOKENS);
    },
  };
}
