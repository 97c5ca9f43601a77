import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CometDServer } from 'cometd-nodejs-server';
import type { Principal, TokenVerifier } from '../auth/auth-types.ts';
import { headersOf, writeResponse } from '../express-adapter.ts';
import { bearerToken, errorEnvelope, FORBIDDEN } from '../genesys-envelope.ts';
import type { ApiResponse } from '../http-types.ts';
import { parseCookies } from '../request-body.ts';
import { readBayeuxBody, type BayeuxMessage, type MaybeParsedRequest } from './bayeux-body.ts';
import { isNotificationPath } from './notification-paths.ts';
import { BROWSER_COOKIE, withCookie } from './session-cookies.ts';
import type { SessionDirectory, SessionRecord } from './session-directory.ts';
import { unauthorized } from './token-check.ts';

/** What the facade needs to remember about a handshake until the server has answered it. */
export interface HandshakeRequest {
  readonly res: ServerResponse;
  readonly principal: Principal;
  /** The BAYEUX_BROWSER cookie the client sent, which the server then reuses. */
  readonly browserCookie: string | undefined;
}

export interface NotificationsHandlerDeps {
  readonly apiKey: string;
  readonly tokens: TokenVerifier;
  readonly maxBodyBytes: number;
  readonly server: CometDServer;
  readonly directory: SessionDirectory;
  readonly isClosed: () => boolean;
  /** Called before the server processes a handshake message. */
  readonly onHandshake: (message: BayeuxMessage, request: HandshakeRequest) => void;
  /** Called before the server processes a `/meta/connect` of a known session. */
  readonly onConnect: (record: SessionRecord, res: ServerResponse) => void;
  /** Sessions whose connection "died silently" (the stall fault): nothing of theirs is answered. */
  readonly isStalled: (clientId: string) => boolean;
  /** Takes a request that must stay open and unanswered. */
  readonly hold: (res: ServerResponse) => void;
}

const ALLOW = 'POST, OPTIONS';

function pathnameOf(req: IncomingMessage): string {
  // Express rewrites `req.url` under a mount path; `originalUrl` keeps what the client sent.
  const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  return new URL(url, 'http://localhost').pathname;
}

function reply(req: IncomingMessage, res: ServerResponse, response: ApiResponse): void {
  // An early answer leaves the body unread; drain it so the keep-alive connection stays usable.
  if (!req.readableEnded) req.resume();
  writeResponse(res, response);
}

/**
 * The HTTP side of the CometD endpoint: every check the documents require happens here, before
 * cometd-nodejs-server sees the request — API key (403), bearer token (401), a readable Bayeux
 * body — and the session a clientId names is made findable even without its cookie.
 */
export function createNotificationsHandler(deps: NotificationsHandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  function serve(req: MaybeParsedRequest, res: ServerResponse, headers: Record<string, string | undefined>, messages: BayeuxMessage[]): void {
    const [first] = messages;
    if (!first) return reply(req, res, errorEnvelope(400, 'No Bayeux message'));
    // Before any check: a dead connection answers nothing, not even a 401.
    if (messages.some((m) => m.clientId !== undefined && deps.isStalled(m.clientId))) return deps.hold(res);
    const check = deps.tokens.verifyAccessToken(bearerToken(headers));
    // Ending a session needs no valid token: a client that just signed out (token revoked) must
    // still be able to say goodbye, and its clientId already proves whose session it is.
    const onlyDisconnect = messages.every((m) => m.channel === '/meta/disconnect');
    if (!check.ok && !onlyDisconnect) return reply(req, res, unauthorized(check.reason));

    if (first.channel === '/meta/handshake') {
      if (!check.ok) return reply(req, res, unauthorized(check.reason));
      // The server would answer 500 and keep a session that never expires.
      if (messages.length > 1) return reply(req, res, errorEnvelope(400, 'A handshake must be sent alone'));
      deps.onHandshake(first, { res, principal: check.principal, browserCookie: parseCookies(headers.cookie)[BROWSER_COOKIE] });
    } else {
      const record = first.clientId === undefined ? undefined : deps.directory.get(first.clientId);
      if (record) {
        if (check.ok) {
          if (check.principal.subject !== record.subject) return reply(req, res, unauthorized('foreign-session'));
          deps.directory.noteToken(record, check.principal.tokenId);
        }
        // cometd-nodejs-server looks sessions up by BAYEUX_BROWSER only; clients that do not keep
        // cookies (docs/vendors/genesys-engage.md §2.12) would get 402 on every connect. The clientId is as secret as the cookie.
        if (record.browserId !== undefined) req.headers.cookie = withCookie(req.headers.cookie, BROWSER_COOKIE, record.browserId);
        if (first.channel === '/meta/connect') deps.onConnect(record, res);
      }
    }
    req.body = messages;
    deps.server.handle(req, res);
  }

  return (req, res) => {
    if (deps.isClosed()) return reply(req, res, errorEnvelope(503, 'Notifications are shutting down'));
    if (!isNotificationPath(pathnameOf(req))) return reply(req, res, errorEnvelope(404, 'Resource not found'));
    if (req.method === 'OPTIONS') {
      res.setHeader('allow', ALLOW);
      return reply(req, res, { status: 204, text: '' });
    }
    if (req.method !== 'POST') return reply(req, res, { ...errorEnvelope(405, 'Use POST'), headers: { allow: ALLOW } });
    const headers = headersOf(req);
    if (headers['x-api-key'] !== deps.apiKey) return reply(req, res, FORBIDDEN);
    readBayeuxBody(req, deps.maxBodyBytes)
      .then((body) => (body.ok ? serve(req, res, headers, body.messages) : reply(req, res, body.response)))
      .catch(() => {
        if (!res.headersSent) reply(req, res, errorEnvelope(500, 'Internal server error'));
      });
  };
}
