import { parseCookies } from '../request-body.ts';

/** The cookie Genesys's Java client waits for and replays on REST calls (docs/vendors/genesys-engage.md §2.1). */
export const STATISTICS_SESSION_COOKIE = 'STATISTICS_SESSIONID';
/** cometd-nodejs-server's own cookie; it finds a session only through it. */
export const BROWSER_COOKIE = 'BAYEUX_BROWSER';
/** Where the server scopes BAYEUX_BROWSER: only the notification endpoints need it. */
export const BROWSER_COOKIE_PATH = '/statistics/v3/notifications';

/** Scoped to `/statistics/v3` so REST calls carry it and the REST layer can bind subscriptions (§2.1 there). */
export function statisticsSessionCookie(sessionId: string): string {
  return `${STATISTICS_SESSION_COOKIE}=${sessionId}; Path=/statistics/v3; HttpOnly; SameSite=Lax`;
}

/** A Cookie header with `name` set to `value` (replacing any other value the client sent). */
export function withCookie(header: string | undefined, name: string, value: string): string {
  const others = (header ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.length > 0 && part.slice(0, part.indexOf('=')).trim() !== name);
  return [...others, `${name}=${value}`].join('; ');
}

/** The value a response's `Set-Cookie` header(s) give `name`, if any. */
export function cookieFromSetCookie(header: number | string | readonly string[] | undefined, name: string): string | undefined {
  if (header === undefined || typeof header === 'number') return undefined;
  for (const line of typeof header === 'string' ? [header] : header) {
    const first = line.split(';')[0] ?? '';
    const value = parseCookies(first)[name];
    if (value !== undefined) return value;
  }
  return undefined;
}
