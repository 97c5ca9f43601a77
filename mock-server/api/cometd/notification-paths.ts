/** The base URL clients configure for CometD (docs/vendors/genesys-engage.md §2.9). */
export const NOTIFICATIONS_BASE = '/statistics/v3/notifications';

/**
 * All seven paths the documents and Genesys's clients use: the CometD JS client appends
 * `handshake`/`connect`/`disconnect` and posts subscribe/unsubscribe to the base with a trailing
 * slash; the Java client appends `subscribe`/`unsubscribe` too (§2.12 there).
 */
const NOTIFICATION_PATHS: ReadonlySet<string> = new Set(
  ['', '/', '/handshake', '/connect', '/subscribe', '/unsubscribe', '/disconnect'].map((suffix) => NOTIFICATIONS_BASE + suffix),
);

export function isNotificationPath(pathname: string): boolean {
  return NOTIFICATION_PATHS.has(pathname);
}
