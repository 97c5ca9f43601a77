import cometdServerLib from 'cometd-nodejs-server';
import type { ServerSession } from 'cometd-nodejs-server';
import { MAX_BODY_BYTES } from '../request-body.ts';
import type { BayeuxMessage } from './bayeux-body.ts';
import { channelPolicy } from './channel-policy.ts';
import type { CometdFacade, CometdFacadeOptions, SessionRemoved } from './cometd-facade-types.ts';
import { muteResponse, wakeHeldConnect } from './cometd-internals.ts';
import { createNotificationDelivery } from './notification-delivery.ts';
import { createNotificationsHandler, type HandshakeRequest } from './notifications-handler.ts';
import { createReplyExtension } from './reply-extension.ts';
import {
  BROWSER_COOKIE,
  BROWSER_COOKIE_PATH,
  cookieFromSetCookie,
  STATISTICS_SESSION_COOKIE,
  statisticsSessionCookie,
} from './session-cookies.ts';
import { createSessionDirectory, type SessionEndReason, type SessionRecord } from './session-directory.ts';
import { createSessionOutbox } from './session-outbox.ts';
import { createStalledSessions } from './stalled-sessions.ts';

export type {
  CometdCounters,
  CometdFacade,
  CometdFacadeOptions,
  CometdSessionInfo,
  HeldRequests,
  ServiceState,
  SessionEndReason,
  SessionRemoved,
} from './cometd-facade-types.ts';

const DEFAULT_TIMEOUT_MS = 30_000;
/** A minute: long enough for a throttled background tab, short enough to free a vanished client's subscriptions. */
const DEFAULT_MAX_INTERVAL_MS = 60_000;
const DEFAULT_MAX_QUEUED_MESSAGES = 1000;

/**
 * The Statistics API's CometD endpoint (docs/vendors/genesys-engage.md §2.9) on cometd-nodejs-server, long-polling:
 * authenticates every request, binds sessions to the STATISTICS_SESSIONID cookie, restricts
 * channels, sends each subscription's values only to the session that owns it, ends sessions on
 * demand (faults, revoked tokens), and closes a session's subscriptions when it ends.
 */
export function createCometdFacade(options: CometdFacadeOptions): CometdFacade {
  const { registry } = options;
  const now = options.now ?? Date.now;
  const maxQueued = Math.max(1, options.maxQueuedMessages ?? DEFAULT_MAX_QUEUED_MESSAGES);

  const server = cometdServerLib.createCometDServer({
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxInterval: options.maxIntervalMs ?? DEFAULT_MAX_INTERVAL_MS,
    browserCookiePath: BROWSER_COOKIE_PATH,
    browserCookieHttpOnly: true,
    browserCookieSameSite: 'Lax',
  });
  const directory = createSessionDirectory();
  const stalled = createStalledSessions();
  const delivery = createNotificationDelivery({ registry, directory, random: options.random ?? Math.random, isStalled: stalled.isStalled });
  // Handshakes the HTTP handler let through, first by message (policy), then by session (reply).
  const handshakeByMessage = new WeakMap<BayeuxMessage, HandshakeRequest>();
  const handshakeBySession = new WeakMap<ServerSession, HandshakeRequest>();
  const endedByServer = new WeakSet<ServerSession>();
  const removedListeners = new Set<(event: SessionRemoved) => void>();
  const ended: Record<SessionEndReason, number> = { disconnected: 0, expired: 0, dropped: 0, revoked: 0, closed: 0 };
  let handshakes = 0;
  let closed = false;

  function onHandshakeReply(session: ServerSession): void {
    const request = handshakeBySession.get(session);
    if (!request) return;
    handshakeBySession.delete(session);
    // The server has just set its BAYEUX_BROWSER cookie with setHeader; append ours beside it.
    request.res.appendHeader('Set-Cookie', statisticsSessionCookie(session.id));
    const record: SessionRecord = {
      id: session.id,
      session,
      subject: request.principal.subject,
      createdAt: now(),
      browserId: request.browserCookie ?? cookieFromSetCookie(request.res.getHeader('set-cookie'), BROWSER_COOKIE),
      outbox: createSessionOutbox(maxQueued),
      tokenIds: [request.principal.tokenId],
      suspended: false,
      longPoll: undefined,
      serverQueued: 0,
      endReason: undefined,
    };
    // The outbox was flushed when this connect arrived (onConnect below), so suspending finds it empty.
    session.addListener('suspended', () => {
      record.suspended = true;
    });
    session.addListener('resumed', () => {
      record.suspended = false;
    });
    session.addListener('queueOffer', () => {
      record.serverQueued++;
    });
    session.addListener('queueDrain', () => {
      record.serverQueued = 0;
    });
    directory.add(record);
    handshakes++;
  }

  server.policy = {
    ...channelPolicy,
    canHandshake(session, message, callback) {
      // Only handshakes that passed the HTTP handler's checks are known here.
      const request = handshakeByMessage.get(message as BayeuxMessage);
      if (request) handshakeBySession.set(session, request);
      callback(undefined, request !== undefined);
    },
  };
  server.addExtension(createReplyExtension({ isDropped: (s) => endedByServer.has(s), onHandshakeReply }));
  server.addListener('sessionRemoved', (session: ServerSession, timeout: boolean) => {
    const record = directory.remove(session.id);
    if (!record) return;
    delivery.discard(record.id);
    // A dead client must not leave subscriptions computing values for no one.
    const closedSubscriptions = registry.closeAll((s) => s.owner === record.id);
    const reason = record.endReason ?? (timeout ? 'expired' : 'disconnected');
    ended[reason]++;
    const event: SessionRemoved = { sessionId: record.id, user: record.subject, reason, createdAt: record.createdAt, closedSubscriptions };
    for (const listener of removedListeners) listener(event);
  });

  function endSession(record: SessionRecord, reason: SessionEndReason): void {
    record.endReason = reason;
    endedByServer.add(record.session);
    record.session.disconnect();
    wakeHeldConnect(record.session);
  }

  function endSessions(reason: SessionEndReason, which: (record: SessionRecord) => boolean): number {
    const records = directory.all().filter(which);
    for (const record of records) endSession(record, reason);
    return records.length;
  }

  /**
   * The connection dies without a word. What waits for the session is dropped, as it could never
   * reach the client. A parked `/meta/connect` is silenced and woken, so the server does what it
   * does when a long poll's client has vanished: frees the browser's long-poll slot (a recovering
   * client of the same browser gets a normal long poll, not `multiple-clients` advice) and starts
   * the session's expiry clock, so the session ends about `maxInterval` after the stall.
   */
  function stallSession(record: SessionRecord): void {
    stalled.stall(record.id);
    delivery.discard(record.id);
    record.outbox.drain();
    if (!record.suspended) return;
    const parked = record.longPoll;
    // Without an open response its client has already aborted it: the server has nothing to write to.
    if (parked && !parked.writableEnded) {
      muteResponse(parked);
      stalled.hold(parked);
    }
    wakeHeldConnect(record.session);
  }

  function sessionIdFromCookies(cookies: Readonly<Record<string, string>>): string | undefined {
    const id = cookies[STATISTICS_SESSION_COOKIE];
    return id !== undefined && directory.get(id) ? id : undefined;
  }

  return {
    handle: createNotificationsHandler({
      apiKey: options.apiKey,
      tokens: options.tokens,
      maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
      server,
      directory,
      isClosed: () => closed,
      onHandshake: (message, request) => handshakeByMessage.set(message, request),
      onConnect(record, res) {
        // A new connect replaces any held one; what waits in the outbox rides on its reply.
        record.suspended = false;
        record.longPoll = res;
        res.once('close', () => {
          if (record.longPoll === res) record.longPoll = undefined;
        });
        delivery.flushOutbox(record);
      },
      isStalled: stalled.isStalled,
      hold: (res) => stalled.hold(res),
    }),
    sessionIdFromCookies,
    ownerForRequest(cookies, principal) {
      const fromCookie = sessionIdFromCookies(cookies);
      if (fromCookie !== undefined && directory.get(fromCookie)?.subject === principal.subject) return fromCookie;
      const sameToken = directory.withToken(principal.tokenId);
      return sameToken.length === 1 ? sameToken[0]?.id : undefined;
    },
    publishServiceState: (state) => delivery.publishServiceState(state),
    setMalformedRate: (rate) => delivery.setMalformedRate(rate),
    dropAllSessions: () => endSessions('dropped', () => true),
    revokeSessionsOfTokens(tokenIds) {
      return endSessions('revoked', (r) => {
        const current = r.tokenIds.at(-1);
        return tokenIds === 'all' || (current !== undefined && tokenIds.includes(current));
      });
    },
    stallAllSessions() {
      const records = directory.all().filter((r) => !stalled.isStalled(r.id));
      for (const record of records) stallSession(record);
      return records.length;
    },
    // Held requests are not ended here: closing their sockets would be a signal the dead connection
    // never gives, telling a client it is gone sooner than its own timeout would. Each ends when its
    // client gives up, which a CometD client always does (its requests have a network timeout).
    clearStalledSessions: () => stalled.clear(),
    held: () => ({ longPolls: directory.all().filter((r) => r.suspended).length, stalledRequests: stalled.heldCount }),
    sessions() {
      const owned = new Map<string, { subscriptions: number; statistics: number }>();
      for (const s of registry.all()) {
        if (s.owner === undefined) continue;
        const counts = owned.get(s.owner) ?? { subscriptions: 0, statistics: 0 };
        counts.subscriptions++;
        counts.statistics += s.statistics.length;
        owned.set(s.owner, counts);
      }
      return directory.all().map((r) => ({
        id: r.id,
        user: r.subject,
        subscriptions: owned.get(r.id)?.subscriptions ?? 0,
        statistics: owned.get(r.id)?.statistics ?? 0,
        queuedMessages: r.outbox.size + r.serverQueued,
        ...(stalled.isStalled(r.id) ? { stalled: true as const } : {}),
      }));
    },
    onSessionRemoved(listener) {
      removedListeners.add(listener);
      return () => removedListeners.delete(listener);
    },
    counters: () => ({ handshakes, sessionsEnded: { ...ended }, ...delivery.counters() }),
    close() {
      if (closed) return;
      closed = true;
      delivery.stop();
      // Answers every held connect now, so the HTTP server can close without waiting out the timeout.
      endSessions('closed', () => true);
      stalled.destroyHeld();
      server.close();
    },
  };
}
