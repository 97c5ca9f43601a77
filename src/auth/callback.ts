import type { AuthSettings } from './auth-settings.ts';
import { addressWithoutResponse, readCallbackParams, type CallbackParams } from './callback-params.ts';
import { takePendingSignIn, type PendingSignIn, type SessionStore } from './pending-sign-in.ts';
import type { SignedOutCause } from './signed-out-reason.ts';
import { requestToken } from './token-endpoint.ts';
import { toTokenGrant, tokenResponseSchema, type TokenGrant } from './token-response.ts';

export type CallbackResult =
  /** The address is not an authorization response: nothing was touched. */
  | { readonly kind: 'none' }
  | { readonly kind: 'signed-in'; readonly grant: TokenGrant; readonly returnTo: string }
  | { readonly kind: 'failed'; readonly cause: SignedOutCause };

export interface CallbackDeps {
  readonly settings: AuthSettings;
  readonly fetch: typeof fetch;
  readonly storage: SessionStore;
  readonly now: () => number;
}

/**
 * One result per authorization response: React StrictMode (and a remount) may run the handler
 * twice, but a code must be exchanged exactly once — the mock, like a real server, revokes what a
 * replayed code bought. Keyed by code (or state): single-use values, not secrets once used.
 */
const inFlight = new Map<string, Promise<CallbackResult>>();
const IN_FLIGHT_LIMIT = 16;

function responseKey(params: CallbackParams): string {
  return `${params.responseType}|${params.code ?? ''}|${params.state ?? ''}|${params.error ?? ''}`;
}

const failed = (cause: SignedOutCause): CallbackResult => ({ kind: 'failed', cause });

/** The implicit grant's fragment, with the same checks as the token endpoint's body. */
const implicitFragmentSchema = tokenResponseSchema.omit({ refresh_token: true });

async function completeSignIn(params: CallbackParams, pending: PendingSignIn | undefined, deps: CallbackDeps): Promise<CallbackResult> {
  // Order matters: nothing the response says is believed before its `state` is ours.
  if (!pending) return failed({ reason: 'unexpected-callback' });
  if (params.state === undefined || params.state !== pending.state) return failed({ reason: 'state-mismatch' });
  const expected = pending.flow === 'implicit' ? 'token' : 'code';
  // An implicit answer to a code request (or the reverse) is not what this tab asked for.
  if (params.responseType !== expected && params.error === undefined) return failed({ reason: 'unexpected-callback' });
  if (params.error !== undefined) {
    return failed({ reason: 'authorization-error', detail: params.errorDescription ?? params.error });
  }

  if (pending.flow === 'implicit') {
    const fragment = implicitFragmentSchema.safeParse(params.fragment);
    if (!fragment.success) return failed({ reason: 'token-exchange-failed', detail: 'The sign-in response was malformed' });
    return { kind: 'signed-in', grant: toTokenGrant(fragment.data), returnTo: pending.returnTo };
  }

  if (params.code === undefined || params.code === '' || pending.codeVerifier === undefined) {
    return failed({ reason: 'token-exchange-failed', detail: 'The sign-in response carried no code' });
  }
  const result = await requestToken(deps.settings, deps.fetch, {
    grant_type: 'authorization_code',
    code: params.code,
    redirect_uri: pending.redirectUri,
    code_verifier: pending.codeVerifier,
  });
  if (result.ok) return { kind: 'signed-in', grant: result.grant, returnTo: pending.returnTo };
  if (result.failure.kind === 'api-key-rejected') return failed({ reason: 'configuration-error' });
  return failed({ reason: 'token-exchange-failed', detail: result.failure.description });
}

/**
 * Handles an authorization response in the address bar: strips the code/token/state from it at
 * once (`history.replaceState`, before any await), checks `state` against this tab's pending
 * attempt, then exchanges the code (code flow) or reads the fragment (implicit grant, if asked for).
 */
export function handleRedirectCallback(
  location: Pick<Location, 'href'>,
  history: Pick<History, 'replaceState' | 'state'>,
  deps: CallbackDeps,
): Promise<CallbackResult> {
  const url = new URL(location.href);
  const params = readCallbackParams(url, deps.settings.redirectPath);
  if (!params) return Promise.resolve({ kind: 'none' });

  const key = responseKey(params);
  const running = inFlight.get(key);
  if (running) return running;

  const pending = takePendingSignIn(deps.storage, deps.now());
  const matches = pending !== undefined && pending.state === params.state;
  // Refused responses land on the start page: a forged one must not pick where the user goes.
  history.replaceState(history.state, '', addressWithoutResponse(url, matches ? pending.returnTo : '/'));

  const result = completeSignIn(params, pending, deps);
  if (inFlight.size >= IN_FLIGHT_LIMIT) inFlight.clear();
  inFlight.set(key, result);
  return result;
}

/** True when the address is an authorization response (the app shows "signing in" meanwhile). */
export function isRedirectCallback(location: Pick<Location, 'href'>, redirectPath: string): boolean {
  return readCallbackParams(new URL(location.href), redirectPath) !== undefined;
}

/** Only for tests: forget responses handled in earlier tests. */
export function resetRedirectCallbacks(): void {
  inFlight.clear();
}
