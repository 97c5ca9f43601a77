import { useEffect, useMemo, useSyncExternalStore, type ReactElement, type ReactNode } from 'react';
import { AuthContext, type AuthContextValue } from './auth-context.ts';
import type { AuthSession } from './auth-session.ts';
import type { IdentityProviderSettings } from './identity-provider.ts';

export interface AuthProviderProps {
  /** Created once at start-up (`createAuthSession({ config })`), outside React. */
  readonly session: AuthSession<IdentityProviderSettings>;
  readonly children: ReactNode;
}

/** Exposes the session to React; the sign-in logic itself lives in the session. */
export function AuthProvider({ session, children }: AuthProviderProps): ReactElement {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);

  useEffect(() => {
    // Idempotent: StrictMode's second run gets the same promise, so the code is exchanged once.
    void session.start();
  }, [session]);

  const value = useMemo<AuthContextValue>(
    () => ({
      status: snapshot.status,
      reason: snapshot.cause?.reason,
      detail: snapshot.cause?.detail,
      sessionId: snapshot.sessionId,
      signIn: () => session.signIn(),
      signOut: () => session.signOut(),
      tokenManager: session.tokenManager,
      authorizedFetch: session.authorizedFetch,
      settings: session.settings,
    }),
    [session, snapshot],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}
