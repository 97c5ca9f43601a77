import type { IdentityProviderSettings } from './identity-provider.ts';
import { addressWithoutResponse, readCallbackParams, type CallbackParams } from './callback-params.ts';
import { takePendingSignIns, type PendingSignIn, type SessionStore } from './pending-sign-in.ts';
import type { SignedOutCause } from './signed-out-reason.ts';
import { requestToken } from './token-endpoint.ts';
import { toTokenGrant, tokenResponseSchema, type TokenGrant } from './token-response.ts';

/** What an attempt's provider answered, once `state` showed the answer is for that attempt. */
export type CallbackAnswer =
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'token'; readonly grant: TokenGrant }
  | { readonly kind: 'error'; readonly cause: SignedOutCause };

/** What the address brought back. `attempts`: every other attempt this tab had (taken from storage). */
export type CallbackRead =
  | { readonly kind: 'none'; readonly attempts: readonly PendingSignIn[] }
  | { readonly kind: 'answered'; readonly pending: PendingSignIn; readonly answer: CallbackAnswer; readonly attempts: readonly PendingSignIn[] }
  /** Not an answer to any attempt of this tab: forged, replayed or too old. Nothing in it was used. */
  | { readonly kind: 'refused'; readonly cause: SignedOutCause; readonly attempts: readonly PendingSignIn[] };

export interface CallbackReadDeps {
  readonly storage: SessionStore;
  readonly now: () => number;
  /** The redirect paths of every identity provider (usually one shared `/auth/callback`). */
  readonly redirectPaths: readonly string[];
}

/** The implicit grant's fragment, with the same checks as the token endpoint's body. */
const implicitFragmentSchema = tokenResponseSchema.omit({ refresh_token: true });

function answerOf(params: CallbackParams, pending: PendingSignIn): CallbackAnswer {
  const expected = pending.flow === 'implicit' ? 'token' : 'code';
  if (params.error !== undefined) return { kind: 'error', cause: { reason: 'authorization-error', detail: params.errorDescription ?? params.error } };
  // An implicit answer to a code request (or the reverse) is not what this tab asked for.
  if (params.responseType !== expected) return { kind: 'error', cause: { reason: 'unexpected-callback' } };
  if (pending.flow === 'implicit') {
    const fragment = implicitFragmentSchema.safeParse(params.fragment);
    if (!fragment.success) return { kind: 'error', cause: { reason: 'token-exchange-failed', detail: 'The sign-in response was malformed' } };
    return { kind: 'token', grant: toTokenGrant(fragment.data) };
  }
  if (params.code === undefined || params.code === '' || pending.codeVerifier === undefined) {
    return { kind: 'error', cause: { reason: 'token-exchange-failed', detail: 'The sign-in response carried no code' } };
  }
  return { kind: 'code', code: params.code };
}

/**
 * Reads an authorization response in the address bar: strips the code/token/state from it at once
 * (`history.replaceState`, before anything else), takes this tab's attempts from storage, and
 * finds the one whose `state` the response carries — that tells which source's provider answered.
 * Nothing the response says is believed before its `state` is ours.
 */
export function readRedirectCallback(location: Pick<Location, 'href'>, history: Pick<History, 'replaceState' | 'state'>, deps: CallbackReadDeps): CallbackRead {
  const url = new URL(location.href);
  const params = deps.redirectPaths.map((path) => readCallbackParams(url, path)).find((found) => found !== undefined);
  const attempts = takePendingSignIns(deps.storage, deps.now());
  if (!params) return { kind: 'none', attempts };

  const pending = params.state === undefined ? undefined : attempts.find((p) => p.state === params.state && p.code === undefined);
  // Refused responses land on the start page: a forged one must not pick where the user goes.
  history.replaceState(history.state, '', addressWithoutResponse(url, pending ? pending.returnTo : '/'));
  const others = attempts.filter((p) => p !== pending);
  if (!pending) {
    const waiting = attempts.some((p) => p.code === undefined);
    return { kind: 'refused', cause: { reason: waiting ? 'state-mismatch' : 'unexpected-callback' }, attempts: others };
  }
  return { kind: 'answered', pending, answer: answerOf(params, pending), attempts: others };
}

/**
 * One exchange per code: React StrictMode (and a remount) may ask twice, but a code must be
 * exchanged exactly once — the mock, like a real server, revokes what a replayed code bought.
 * Keyed by code: a single-use value, not a secret once used.
 */
const inFlight = new Map<string, Promise<ExchangeResult>>();
const IN_FLIGHT_LIMIT = 16;

export type ExchangeResult = { readonly ok: true; readonly grant: TokenGrant } | { readonly ok: false; readonly cause: SignedOutCause };

/** Exchanges an attempt's code (with its PKCE verifier and redirect URI) at its provider's token endpoint. */
export function exchangeCode(settings: IdentityProviderSettings, fetchFn: typeof fetch, pending: PendingSignIn, code: string): Promise<ExchangeResult> {
  const running = inFlight.get(code);
  if (running) return running;
  const result = (async (): Promise<ExchangeResult> => {
    const answer = await requestToken(settings, fetchFn, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: pending.redirectUri,
      code_verifier: pending.codeVerifier ?? '',
    });
    if (answer.ok) return { ok: true, grant: answer.grant };
    if (answer.failure.kind === 'api-key-rejected') return { ok: false, cause: { reason: 'configuration-error' } };
    return { ok: false, cause: { reason: 'token-exchange-failed', detail: answer.failure.description } };
  })();
  if (inFlight.size >= IN_FLIGHT_LIMIT) inFlight.clear();
  inFlight.set(code, result);
  return result;
}

/** Only for tests: forget codes exchanged in earlier tests. */
export function resetRedirectCallbacks(): void {
  inFlight.clear();
}

/** True when the address is an authorization response (the app shows "signing in" meanwhile). */
export function isRedirectCallback(location: Pick<Location, 'href'>, redirectPaths: readonly string[]): boolean {
  const url = new URL(location.href);
  return redirectPaths.some((path) => readCallbackParams(url, path) !== undefined);
}
