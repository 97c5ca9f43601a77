import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal, TokenVerifier } from '../auth/auth-types.ts';
import type { SubscriptionRegistry } from '../../stats/subscription-registry.ts';
import type { ServiceState } from './notification-messages.ts';
import type { SessionEndReason } from './session-directory.ts';

export type { ServiceState } from './notification-messages.ts';
export type { SessionEndReason } from './session-directory.ts';

export interface CometdFacadeOptions {
  /** Value every request must carry in `x-api-key`. */
  readonly apiKey: string;
  readonly tokens: TokenVerifier;
  readonly registry: SubscriptionRegistry;
  /** How long a `/meta/connect` is held when there is nothing to send (Bayeux `timeout`). */
  readonly timeoutMs?: number;
  /** A session with no `/meta/connect` for this long after its last reply is expired. */
  readonly maxIntervalMs?: number;
  /** Per-session bound of notifications waiting for the next connect; older updates are dropped past it. */
  readonly maxQueuedMessages?: number;
  /** Largest request body accepted (413 past it). */
  readonly maxBodyBytes?: number;
  /** Drives the malformed-notification fault; inject a seeded one for reproducible runs. */
  readonly random?: () => number;
  /** Real clock, for the sessions' creation times. */
  readonly now?: () => number;
}

/** One row of `GET /mock/admin/sessions` (docs/mock-server.md "Admin API"). */
export interface CometdSessionInfo {
  readonly id: string;
  readonly user: string;
  readonly subscriptions: number;
  readonly statistics: number;
  readonly queuedMessages: number;
  /** Present (true) only while the session is stalled by the fault (mock addition). */
  readonly stalled?: true;
}

/** What the server holds open right now. */
export interface HeldRequests {
  /** `/meta/connect`s parked until there is something to send or the long-poll timeout. */
  readonly longPolls: number;
  /** Requests of stalled sessions, held unanswered until their client gives up. */
  readonly stalledRequests: number;
}

export interface SessionRemoved {
  readonly sessionId: string;
  readonly user: string;
  readonly reason: SessionEndReason;
  readonly createdAt: number;
  /** Registry subscriptions the session owned, closed with it. */
  readonly closedSubscriptions: number;
}

/** Running totals, for tests and benchmarks to see what the faults and bounds did. */
export interface CometdCounters {
  readonly handshakes: number;
  readonly sessionsEnded: Readonly<Record<SessionEndReason, number>>;
  /** StatisticUpdate messages dropped because a session's queue was full. */
  readonly droppedUpdateMessages: number;
  /** StatisticUpdate messages replaced by a malformed variant. */
  readonly malformedUpdateMessages: number;
  /** Statistic values that found no live session subscribed to `/statistics/v3/updates`. */
  readonly undeliverableUpdates: number;
}

export interface CometdFacade {
  /** Serves POST on every `/statistics/v3/notifications*` path (and OPTIONS). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** The live session a REST request's STATISTICS_SESSIONID cookie names, if any. */
  sessionIdFromCookies(cookies: Readonly<Record<string, string>>): string | undefined;
  /**
   * The session a REST request's subscriptions should belong to: its cookie's session when that
   * is the same user's, else the only live session that has used the request's access token
   * (clients without a cookie jar), else undefined.
   */
  ownerForRequest(cookies: Readonly<Record<string, string>>, principal: Pick<Principal, 'subject' | 'tokenId'>): string | undefined;
  /** Sends ServiceStateChange to every session subscribed to `/statistics/v3/service`; returns how many. */
  publishServiceState(state: ServiceState): number;
  /** Share (0..1) of outgoing StatisticUpdate messages replaced by a malformed variant. */
  setMalformedRate(rate: number): void;
  /** Ends every session server-side; clients get `402::Unknown client` and re-handshake. Returns how many. */
  dropAllSessions(): number;
  /** Ends the sessions whose current access token is among these (sign-out, admin revoke). Returns how many. */
  revokeSessionsOfTokens(tokenIds: readonly string[] | 'all'): number;
  /**
   * The connection of every session dies silently (mock addition): from now on nothing is sent to
   * them, their parked and later requests stay open unanswered, and they expire as abandoned
   * sessions do. New sessions are healthy. Returns how many were stalled.
   */
  stallAllSessions(): number;
  /** Serves stalled sessions again from now on (requests already held stay held). */
  clearStalledSessions(): void;
  held(): HeldRequests;
  sessions(): CometdSessionInfo[];
  onSessionRemoved(listener: (event: SessionRemoved) => void): () => void;
  counters(): CometdCounters;
  /** Ends every session (held connects are answered) and stops the server's timers. */
  close(): void;
}
