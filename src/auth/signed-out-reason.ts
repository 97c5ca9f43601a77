/** Why the app is on the sign-in screen; the screen tells the user (never with a token in it). */
export type SignedOutReason =
  /** The user signed out. */
  | 'signed-out'
  /** The refresh was refused, a 401 survived a refresh, or an implicit-grant token ran out. */
  | 'session-expired'
  /** The callback's `state` is not the one this tab sent: possibly forged; the code was not used. */
  | 'state-mismatch'
  /** A callback arrived but this tab started no sign-in (or the attempt was too old). */
  | 'unexpected-callback'
  /** The authorization server redirected back with `error=…`. */
  | 'authorization-error'
  /** The code could not be exchanged for tokens. */
  | 'token-exchange-failed'
  /** The server refused the API key (`403 {"message":"Forbidden"}`): config.json is wrong. */
  | 'configuration-error'
  /** PKCE needs WebCrypto, which browsers only offer on HTTPS or localhost. */
  | 'insecure-context';

export interface SignedOutCause {
  readonly reason: SignedOutReason;
  /** The server's words, when it gave any (e.g. `error_description`). */
  readonly detail?: string;
}

const MESSAGES: Record<SignedOutReason, string> = {
  'signed-out': 'You signed out.',
  'session-expired': 'Your session expired. Sign in again.',
  'state-mismatch': "The sign-in response did not match this browser's request (state mismatch). Sign in again.",
  'unexpected-callback': 'A sign-in response arrived that this browser did not ask for, so it was ignored. Sign in again.',
  'authorization-error': 'The sign-in server refused the request. Sign in again.',
  'token-exchange-failed': 'Signing in could not be completed. Sign in again.',
  'configuration-error': 'The server refused the API key: check apiKey in config.json.',
  'insecure-context': 'Secure sign-in needs HTTPS (or localhost). Open the wallboard over HTTPS.',
};

export function describeSignedOut(cause: SignedOutCause): string {
  return MESSAGES[cause.reason];
}
