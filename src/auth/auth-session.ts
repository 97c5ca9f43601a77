import { createAuthorizedFetch, type AuthorizedFetch } from './auth-http-client.ts';
import { authSettingsFrom, type AuthConfig, type AuthSettings } from './auth-settings.ts';
import { backoffDelay, type RetryPolicy } from '../lib/backoff.ts';
import { handleRedirectCallback, isRedirectCallback } from './callback.ts';
import type { KeptRefreshToken } from './kept-refresh-token.ts';
import { safeReturnPath, type SessionStore } from './pending-sign-in.ts';
import { InsecureContextError } from './pkce.ts';
import { signOut } from './sign-out.ts';
import type { SignedOutCause } from './signed-out-reason.ts';
import { startSignIn } from './start-sign-in.ts';
import { createTokenManager, type TimerHandle, type TokenManager, type Unsubscribe } from './token-manager.ts';

export type AuthStatus = 'signing-in' | 'signed-in' | 'signed-out';

export interface AuthSnapshot {
  readonly status: AuthStatus;
  /** Why we are signed out, when there is something to tell the user. */
  readonly cause: SignedOutCause | undefined;
  /** Changes with every sign-in; per-user caches key on it. */
  readonly sessionId: number;
}

export interface AuthSessionDeps {
  readonly config: AuthConfig;
  readonly location?: Pick<Location, 'href' | 'assign'>;
  readonly history?: Pick<History, 'replaceState' | 'state'>;
  /** Where the pending attempt waits for the callback; `sessionStorage` (this tab only). */
  readonly storage?: SessionStore;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  readonly setTimer?: (callback: () => void, ms: number) => TimerHandle;
  readonly clearTimer?: (handle: TimerHandle) => void;
  readonly crypto?: Crypto;
  /**
   * Kiosk mode only: where the refresh token is kept so the page signs itself in again after a
   * reload or a browser restart (docs/kiosk.md). Absent: every token lives in memory only.
   */
  readonly keptRefreshToken?: KeptRefreshToken;
  readonly random?: () => number;
}

/** A kiosk that wakes up while the token endpoint is unreachable tries again, spread out so a hundred TVs do not return at once. */
const RESUME_RETRY: RetryPolicy = { baseMs: 1000, capMs: 60_000 };

/**
 * The app's sign-in state, outside React: created once at start-up with the runtime config, it
 * handles the redirect callback (once, however often `start` is called — React StrictMode calls
 * effects twice), owns the token manager and the authorized fetch, and starts and ends sessions.
 */
export interface AuthSession {
  readonly settings: AuthSettings;
  readonly tokenManager: TokenManager;
  readonly authorizedFetch: AuthorizedFetch;
  getSnapshot(): AuthSnapshot;
  subscribe(listener: () => void): Unsubscribe;
  /** Completes a sign-in when the address is an authorization response; idempotent. */
  start(): Promise<void>;
  /** Goes to the authorization server; comes back to the current page. */
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  dispose(): void;
}

export function createAuthSession(deps: AuthSessionDeps): AuthSession {
  const location = deps.location ?? window.location;
  const history = deps.history ?? window.history;
  const storage = deps.storage ?? window.sessionStorage;
  const fetchFn = deps.fetch ?? ((input: RequestInfo | URL, init?: RequestInit): Promise<Response> => fetch(input, init));
  const now = deps.now ?? ((): number => Date.now());
  const settings = authSettingsFrom(deps.config, new URL(location.href).origin);
  const tokenManager = createTokenManager({
    settings,
    fetch: fetchFn,
    now,
    ...(deps.setTimer ? { setTimer: deps.setTimer } : {}),
    ...(deps.clearTimer ? { clearTimer: deps.clearTimer } : {}),
  });
  const authorizedFetch = createAuthorizedFetch(tokenManager, settings, fetchFn);
  const listeners = new Set<() => void>();
  const kept = deps.keptRefreshToken;
  const setTimer = deps.setTimer ?? ((callback: () => void, ms: number): TimerHandle => setTimeout(callback, ms));
  const clearTimer = deps.clearTimer ?? ((handle: TimerHandle): void => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const random = deps.random ?? Math.random;
  const isCallback = isRedirectCallback(location, settings.redirectPath);
  const keptAtStart = isCallback ? undefined : kept?.read();

  let snapshot: AuthSnapshot = {
    status: isCallback || keptAtStart !== undefined ? 'signing-in' : 'signed-out',
    cause: undefined,
    sessionId: 0,
  };
  let started: Promise<void> | undefined;
  let disposed = false;
  let resumeTimer: TimerHandle | undefined;

  function publish(next: Omit<AuthSnapshot, 'sessionId'>): void {
    snapshot = { ...next, sessionId: tokenManager.getSessionId() };
    for (const listener of [...listeners]) listener();
  }

  const stopMirroring = tokenManager.onStateChange((state) => {
    publish(state.status === 'signed-in' ? { status: 'signed-in', cause: undefined } : { status: 'signed-out', cause: state.cause });
  });
  // Every rotation replaces the kept token at once: the server has already retired the old one.
  const stopKeeping = kept ? tokenManager.onRefreshTokenChange((token) => (token === undefined ? kept.clear() : kept.write(token))) : undefined;

  /** Signs in again from the kept refresh token; a server that cannot be reached is tried again with back-off. */
  async function resumeKept(refreshToken: string): Promise<void> {
    for (let attempt = 0; !disposed; attempt++) {
      const result = await tokenManager.resume(refreshToken);
      if (result !== 'transient' || tokenManager.getState().status === 'signed-in') return;
      await new Promise<void>((resolve) => {
        resumeTimer = setTimer(resolve, Math.max(RESUME_RETRY.baseMs, backoffDelay(attempt, RESUME_RETRY, random)));
      });
    }
  }

  async function completeCallback(): Promise<void> {
    try {
      const result = await handleRedirectCallback(location, history, { settings, fetch: fetchFn, storage, now });
      if (result.kind === 'signed-in') tokenManager.signIn(result.grant);
      else if (result.kind === 'failed') publish({ status: 'signed-out', cause: result.cause });
      else if (snapshot.status === 'signing-in') publish({ status: 'signed-out', cause: undefined });
    } catch {
      // Not expected (the steps return failures rather than throw); never leave "signing in" forever.
      publish({ status: 'signed-out', cause: { reason: 'token-exchange-failed' } });
    }
  }

  return {
    settings,
    tokenManager,
    authorizedFetch,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    start() {
      started ??= keptAtStart !== undefined ? resumeKept(keptAtStart) : completeCallback();
      return started;
    },
    async signIn() {
      const here = new URL(location.href);
      const returnTo = safeReturnPath(`${here.pathname}${here.search}`, settings.redirectPath);
      try {
        await startSignIn({ settings, storage, now, navigate: (url) => location.assign(url), ...(deps.crypto ? { crypto: deps.crypto } : {}) }, returnTo);
      } catch (error) {
        const reason = error instanceof InsecureContextError ? 'insecure-context' : 'authorization-error';
        publish({ status: 'signed-out', cause: { reason, detail: error instanceof Error ? error.message : undefined } });
      }
    },
    signOut: () => signOut({ settings, fetch: fetchFn, tokenManager, storage }),
    dispose() {
      disposed = true;
      if (resumeTimer !== undefined) clearTimer(resumeTimer);
      stopKeeping?.();
      stopMirroring();
      tokenManager.dispose();
      listeners.clear();
    },
  };
}
