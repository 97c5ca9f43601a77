import type { SignedOutCause } from './signed-out-reason.ts';
import { requestToken, type TokenEndpointSettings } from './token-endpoint.ts';
import type { TokenGrant } from './token-response.ts';

export type AuthState =
  | { readonly status: 'signed-in' }
  | { readonly status: 'signed-out'; readonly cause: SignedOutCause | undefined };

export type Unsubscribe = () => void;
export type TimerHandle = unknown;

export interface TokenManagerDeps {
  readonly settings: TokenEndpointSettings;
  readonly fetch: typeof fetch;
  readonly now?: () => number;
  readonly setTimer?: (callback: () => void, ms: number) => TimerHandle;
  readonly clearTimer?: (handle: TimerHandle) => void;
}

/**
 * The access token's only home: memory (never storage, never logs). Refreshes at 80 % of the
 * lifetime, one refresh at a time (the server revokes a whole token family when a refresh token
 * is used twice), and turns "no way to get a valid token" into `signed-out` with a reason.
 */
export interface TokenManager {
  /** The current access token, or null when signed out. */
  getAccessToken(): string | null;
  getState(): AuthState;
  /** Increases with every sign-in (not with refreshes): per-user caches key on it. */
  getSessionId(): number;
  /** A new sign-in's tokens. */
  signIn(grant: TokenGrant): void;
  /**
   * A new session from a refresh token kept from an earlier page (kiosk mode): one refresh grant.
   * `refused` ends in `signed-out` (the server no longer grants it); `transient` (network, 5xx)
   * leaves things as they were, for the caller to try again.
   */
  resume(refreshToken: string): Promise<'signed-in' | 'refused' | 'transient'>;
  /** Single-flight: concurrent callers share one request. True when a new access token is held. */
  refresh(): Promise<boolean>;
  /**
   * A request made with `rejectedToken` got 401. True when a newer token is there to retry with
   * (refreshing once if nobody has yet); false when signed out (or the refresh could not be done).
   */
  handleUnauthorized(rejectedToken: string): Promise<boolean>;
  /** Forgets every token and goes to `signed-out` with the cause. */
  endSession(cause: SignedOutCause): void;
  /** Called with each new access token (null once signed out), e.g. to update CometD headers. */
  onTokenChange(listener: (token: string | null) => void): Unsubscribe;
  onStateChange(listener: (state: AuthState) => void): Unsubscribe;
  /** Called with each refresh token held (rotation gives a new one; undefined once signed out), for kiosk mode to keep. */
  onRefreshTokenChange(listener: (refreshToken: string | undefined) => void): Unsubscribe;
  /** Stops the timers; for tests and teardown. */
  dispose(): void;
}

/** Refresh when this share of the token's lifetime has passed (docs/vendors/genesys-engage.md §1.8: 80–90 %). */
export const REFRESH_AT = 0.8;
/** After a failed refresh that may work later (network, 5xx), try again after at most this long. */
const RETRY_MAX_MS = 30_000;
const RETRY_MIN_MS = 1_000;
/** setTimeout's limit; longer delays would fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

interface Held {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  readonly expiresAt: number;
}

function notifyAll<T>(listeners: ReadonlySet<(value: T) => void>, value: T): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (error) {
      // One faulty listener must not keep the others (e.g. the CometD headers) from the new token.
      console.error('An auth listener failed', error);
    }
  }
}

export function createTokenManager(deps: TokenManagerDeps): TokenManager {
  const now = deps.now ?? ((): number => Date.now());
  const setTimer = deps.setTimer ?? ((callback: () => void, ms: number): TimerHandle => setTimeout(callback, ms));
  const clearTimer = deps.clearTimer ?? ((handle: TimerHandle): void => clearTimeout(handle as ReturnType<typeof setTimeout>));

  let held: Held | undefined;
  let state: AuthState = { status: 'signed-out', cause: undefined };
  let sessionId = 0;
  /** Bumped on every sign-in and sign-out, so a late refresh answer for an old session is ignored. */
  let generation = 0;
  let refreshing: Promise<boolean> | undefined;
  let timer: TimerHandle | undefined;
  const tokenListeners = new Set<(token: string | null) => void>();
  const stateListeners = new Set<(state: AuthState) => void>();
  const refreshTokenListeners = new Set<(refreshToken: string | undefined) => void>();

  function cancelTimer(): void {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
  }

  function schedule(ms: number, action: () => void): void {
    cancelTimer();
    timer = setTimer(
      () => {
        timer = undefined;
        action();
      },
      Math.min(Math.max(0, ms), MAX_TIMER_MS),
    );
  }

  function setState(next: AuthState): void {
    state = next;
    notifyAll(stateListeners, next);
  }

  function hold(grant: TokenGrant, previousRefreshToken: string | undefined): void {
    const lifetimeMs = grant.expiresInSec * 1000;
    // Rotation: keep the new refresh token; a server that sends none keeps the old one valid (RFC 6749 §6).
    held = { accessToken: grant.accessToken, refreshToken: grant.refreshToken ?? previousRefreshToken, expiresAt: now() + lifetimeMs };
    if (held.refreshToken === undefined) {
      // The implicit grant has no way to renew: the session ends with the token.
      schedule(lifetimeMs, () => endSession({ reason: 'session-expired' }));
    } else {
      schedule(lifetimeMs * REFRESH_AT, () => void refresh());
    }
    notifyAll(refreshTokenListeners, held.refreshToken);
    notifyAll(tokenListeners, grant.accessToken);
  }

  function endSession(cause: SignedOutCause): void {
    const wasSignedIn = held !== undefined;
    cancelTimer();
    held = undefined;
    refreshing = undefined;
    generation += 1;
    if (wasSignedIn) notifyAll(tokenListeners, null);
    notifyAll(refreshTokenListeners, undefined);
    setState({ status: 'signed-out', cause });
  }

  function retryLater(): void {
    if (!held) return;
    const remaining = held.expiresAt - now();
    schedule(Math.min(RETRY_MAX_MS, Math.max(RETRY_MIN_MS, remaining / 2)), () => void refresh());
  }

  async function runRefresh(refreshToken: string, forGeneration: number): Promise<boolean> {
    const result = await requestToken(deps.settings, deps.fetch, { grant_type: 'refresh_token', refresh_token: refreshToken });
    if (forGeneration !== generation) return false;
    if (result.ok) {
      hold(result.grant, refreshToken);
      return true;
    }
    switch (result.failure.kind) {
      case 'refused':
        endSession({ reason: 'session-expired', detail: result.failure.description });
        return false;
      case 'api-key-rejected':
        endSession({ reason: 'configuration-error' });
        return false;
      case 'transient':
        retryLater();
        return false;
    }
  }

  function refresh(): Promise<boolean> {
    if (refreshing) return refreshing;
    if (!held) return Promise.resolve(false);
    if (held.refreshToken === undefined) {
      endSession({ reason: 'session-expired' });
      return Promise.resolve(false);
    }
    cancelTimer();
    const running = runRefresh(held.refreshToken, generation).finally(() => {
      if (refreshing === running) refreshing = undefined;
    });
    refreshing = running;
    return running;
  }

  return {
    getAccessToken: () => held?.accessToken ?? null,
    getState: () => state,
    getSessionId: () => sessionId,
    signIn(grant) {
      cancelTimer();
      refreshing = undefined;
      generation += 1;
      sessionId += 1;
      hold(grant, undefined);
      setState({ status: 'signed-in' });
    },
    async resume(refreshToken) {
      cancelTimer();
      refreshing = undefined;
      generation += 1;
      const forGeneration = generation;
      const result = await requestToken(deps.settings, deps.fetch, { grant_type: 'refresh_token', refresh_token: refreshToken });
      // Signed in (or out) another way meanwhile: that wins.
      if (forGeneration !== generation) return 'transient';
      if (result.ok) {
        sessionId += 1;
        hold(result.grant, refreshToken);
        setState({ status: 'signed-in' });
        return 'signed-in';
      }
      switch (result.failure.kind) {
        case 'refused':
          endSession({ reason: 'session-expired', detail: result.failure.description });
          return 'refused';
        case 'api-key-rejected':
          endSession({ reason: 'configuration-error' });
          return 'refused';
        case 'transient':
          return 'transient';
      }
    },
    refresh,
    handleUnauthorized(rejectedToken) {
      if (!held) return Promise.resolve(false);
      // Someone refreshed since that request left: retry with the newer token, no second refresh.
      if (held.accessToken !== rejectedToken) return Promise.resolve(true);
      return refresh();
    },
    endSession,
    onTokenChange(listener) {
      tokenListeners.add(listener);
      return () => void tokenListeners.delete(listener);
    },
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => void stateListeners.delete(listener);
    },
    onRefreshTokenChange(listener) {
      refreshTokenListeners.add(listener);
      return () => void refreshTokenListeners.delete(listener);
    },
    dispose() {
      cancelTimer();
      tokenListeners.clear();
      stateListeners.clear();
      refreshTokenListeners.clear();
    },
  };
}
