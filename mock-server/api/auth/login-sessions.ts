import type { ApiRequest } from '../http-types.ts';
import { randomId } from './random-id.ts';
import type { RevocationStore } from './revocation-store.ts';
import { subjectKey } from './subject-key.ts';
import { decodeToken, encodeToken } from './token-codec.ts';

/** A working day: a supervisor who signed in in the morning is not asked again before evening. */
export const LOGIN_SESSION_TTL_SEC = 12 * 60 * 60;

/** Who signed in on the sign-in page, remembered by the identity provider (its own cookie). */
export interface LoginSession {
  readonly id: string;
  readonly subject: string;
  readonly tenant: string;
  readonly expiresAt: number;
}

export interface LoginSessions {
  readonly cookieName: string;
  /** The highest `iat` handed out, so a revocation cut-off covers every session started so far. */
  latestIssuedAt(): number;
  /** A new session for a user who just typed their password; `setCookie` is the header value to send. */
  start(user: { readonly username: string; readonly tenant: string }, clientId: string, secure: boolean): { readonly session: LoginSession; readonly setCookie: string };
  /** The live session the request's cookie names, if any. */
  fromRequest(request: Pick<ApiRequest, 'cookies'>): LoginSession | undefined;
  /** Ends a session (sign-out); later requests with its cookie count as signed out. */
  end(sessionId: string): void;
  /** The header value that deletes the cookie in the browser. */
  clearCookie(secure: boolean): string;
}

export interface LoginSessionDeps {
  readonly issuer: string;
  readonly secret: Buffer;
  readonly revocations: RevocationStore;
  readonly now: () => number;
  /** Cookie name; each identity provider has its own. */
  readonly cookieName: string;
  /** The identity provider's path prefix: the browser sends the cookie there and nowhere else. */
  readonly cookiePath: string;
  readonly ttlSec?: number;
}

/**
 * Sign-in sessions the way real identity providers keep them: an httpOnly, SameSite=Lax cookie
 * scoped to the provider's path. The cookie value is a signed token (`typ: session`), so sessions
 * survive a restart of the mock like the other tokens; ending one is a revocation fact, and a
 * global sign-out or an admin revoke-all of a user ends every session of that user too.
 */
export function createLoginSessions(deps: LoginSessionDeps): LoginSessions {
  const ttlSec = deps.ttlSec ?? LOGIN_SESSION_TTL_SEC;
  let latestIssuedAt = 0;
  const attributes = (maxAgeSec: number, secure: boolean): string =>
    `Path=${deps.cookiePath}; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSec}${secure ? '; Secure' : ''}`;

  return {
    cookieName: deps.cookieName,
    latestIssuedAt: () => latestIssuedAt,
    start(user, clientId, secure) {
      // Past any earlier cut-off of the user, even within the same millisecond (see token-issuer.ts).
      const key = subjectKey({ kind: 'user', tenant: user.tenant, subject: user.username });
      const iat = Math.max(deps.now(), deps.revocations.subjectRevokedBefore(key) + 1);
      latestIssuedAt = Math.max(latestIssuedAt, iat);
      const id = randomId();
      const expiresAt = deps.now() + ttlSec * 1000;
      const token = encodeToken(
        { v: 1, iss: deps.issuer, typ: 'session', jti: id, sub: user.username, knd: 'user', ten: user.tenant, cid: clientId, iat, exp: expiresAt },
        deps.secret,
      );
      return {
        session: { id, subject: user.username, tenant: user.tenant, expiresAt },
        setCookie: `${deps.cookieName}=${token}; ${attributes(ttlSec, secure)}`,
      };
    },
    fromRequest(request) {
      const cookie = request.cookies[deps.cookieName];
      if (cookie === undefined || cookie === '') return undefined;
      const payload = decodeToken(cookie, deps.secret);
      if (!payload || payload.iss !== deps.issuer || payload.typ !== 'session' || payload.knd !== 'user') return undefined;
      if (payload.exp <= deps.now() || deps.revocations.isSessionEnded(payload.jti)) return undefined;
      if (payload.iat <= deps.revocations.subjectRevokedBefore(subjectKey({ kind: 'user', tenant: payload.ten, subject: payload.sub }))) return undefined;
      return { id: payload.jti, subject: payload.sub, tenant: payload.ten, expiresAt: payload.exp };
    },
    end(sessionId) {
      // No session outlives a full lifetime from now, so the fact can be forgotten after that.
      deps.revocations.endSession(sessionId, deps.now() + ttlSec * 1000);
    },
    clearCookie: (secure) => `${deps.cookieName}=; ${attributes(0, secure)}`,
  };
}
