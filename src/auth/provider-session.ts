import { backoffDelay, type RetryPolicy } from '../lib/backoff.ts';
import { createAuthorizedFetch } from './auth-http-client.ts';
import type { AuthSession, AuthSnapshot, AuthStatus } from './auth-session.ts';
import type { IdentityProviderSettings } from './identity-provider.ts';
import type { KeptRefreshToken } from './kept-refresh-token.ts';
import { safeReturnPath, type SessionStore } from './pending-sign-in.ts';
import { InsecureContextError } from './pkce.ts';
import { signOut } from './sign-out.ts';
import type { SignedInMemory } from './signed-in-memory.ts';
import type { SignedOutCause } from './signed-out-reason.ts';
import { startSignIn } from './start-sign-in.ts';
import { createTokenManager, type TimerHandle } from './token-manager.ts';

/** A kiosk that wakes up while the token endpoint is unreachable tries again, spread out so a hundred TVs do not return at once. */
const RESUME_RETRY: RetryPolicy = { baseMs: 1000, capMs: 60_000 };

export interface ProviderSessionDeps {
  readonly location: Pick<Location, 'href' | 'assign'>;
  readonly storage: SessionStore;
  readonly memory: SignedInMemory;
  readonly kept: KeptRefreshToken | undefined;
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly setTimer: (callback: () => void, ms: number) => TimerHandle;
  readonly clearTimer: (handle: TimerHandle) => void;
  readonly random: () => number;
  readonly crypto?: Crypto | undefined;
  readonly initialStatus: AuthStatus;
  /** The page's start, shared by every source (one callback, one chain of silent sign-ins). */
  readonly start: () => Promise<void>;
}

/** One source's session plus the levers the page's start pulls. */
export interface ProviderSession<S extends IdentityProviderSettings> {
  readonly session: AuthSession<S>;
  /** Settles the "signing in" of the start page without a session (`cause`: what to tell the person). */
  settleSignedOut(cause: SignedOutCause | undefined): void;
  /** Signs in again from the kept refresh token; a server that cannot be reached is tried again with back-off. */
  resumeKept(): Promise<void>;
}

/**
 * The sign-in state of one source's identity provider, outside React: its token manager, its
 * authorized fetch, and its part of "signed in, not signed out" (remembered on every sign-in by
 * code, forgotten on every way out: sign-out, refusal, expiry). Kiosk pages keep a refresh token
 * instead, which does the same job and more.
 */
export function createProviderSession<S extends IdentityProviderSettings>(settings: S, deps: ProviderSessionDeps): ProviderSession<S> {
  const tokenManager = createTokenManager({ settings, fetch: deps.fetch, now: deps.now, setTimer: deps.setTimer, clearTimer: deps.clearTimer });
  const authorizedFetch = createAuthorizedFetch(tokenManager, settings, deps.fetch);
  const listeners = new Set<() => void>();
  const { kept, memory } = deps;
  let snapshot: AuthSnapshot = { status: deps.initialStatus, cause: undefined, sessionId: 0 };
  let disposed = false;
  let resumeTimer: TimerHandle | undefined;

  function publish(next: Omit<AuthSnapshot, 'sessionId'>): void {
    snapshot = { ...next, sessionId: tokenManager.getSessionId() };
    for (const listener of [...listeners]) listener();
  }

  // Every rotation replaces the kept token at once: the server has already retired the old one.
  const stopKeeping = kept ? tokenManager.onRefreshTokenChange((token) => (token === undefined ? kept.clear() : kept.write(token))) : undefined;
  // Registered after the kept token's listener is, and refresh tokens are announced first: by the
  // time the state says "signed in", a kiosk page has kept its token and needs no memory.
  const stopMirroring = tokenManager.onStateChange((state) => {
    if (state.status === 'signed-in') {
      if (settings.flow === 'code-pkce' && kept?.read() === undefined) memory.remember(settings.sourceId);
      publish({ status: 'signed-in', cause: undefined });
    } else {
      memory.forget(settings.sourceId);
      publish({ status: 'signed-out', cause: state.cause });
    }
  });

  const session: AuthSession<S> = {
    settings,
    tokenManager,
    authorizedFetch,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    start: deps.start,
    async signIn() {
      const here = new URL(deps.location.href);
      const returnTo = safeReturnPath(`${here.pathname}${here.search}`, settings.redirectPath);
      const navigate = (url: string): void => deps.location.assign(url);
      try {
        await startSignIn({ settings, storage: deps.storage, now: deps.now, navigate, ...(deps.crypto ? { crypto: deps.crypto } : {}) }, returnTo);
      } catch (error) {
        const reason = error instanceof InsecureContextError ? 'insecure-context' : 'authorization-error';
        publish({ status: 'signed-out', cause: { reason, detail: error instanceof Error ? error.message : undefined } });
      }
    },
    signOut() {
      memory.forget(settings.sourceId);
      return signOut({ settings, fetch: deps.fetch, tokenManager, storage: deps.storage });
    },
    dispose() {
      disposed = true;
      if (resumeTimer !== undefined) deps.clearTimer(resumeTimer);
      stopKeeping?.();
      stopMirroring();
      tokenManager.dispose();
      listeners.clear();
    },
  };

  return {
    session,
    settleSignedOut(cause) {
      if (snapshot.status !== 'signed-in') publish({ status: 'signed-out', cause });
    },
    async resumeKept() {
      const refreshToken = kept?.read();
      if (refreshToken === undefined) return;
      for (let attempt = 0; !disposed; attempt++) {
        const result = await tokenManager.resume(refreshToken);
        if (result !== 'transient' || tokenManager.getState().status === 'signed-in') return;
        await new Promise<void>((resolve) => {
          resumeTimer = deps.setTimer(resolve, Math.max(RESUME_RETRY.baseMs, backoffDelay(attempt, RESUME_RETRY, deps.random)));
        });
      }
    },
  };
}
