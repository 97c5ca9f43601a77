import { createContext } from 'react';
import type { AuthorizedFetch } from './auth-http-client.ts';
import type { IdentityProviderSettings } from './identity-provider.ts';
import type { AuthStatus } from './auth-session.ts';
import type { SignedOutReason } from './signed-out-reason.ts';
import type { TokenManager } from './token-manager.ts';

export interface AuthContextValue {
  readonly status: AuthStatus;
  /** Why the user is on the sign-in screen (absent on a first visit). */
  readonly reason: SignedOutReason | undefined;
  /** The server's words about it, if any. */
  readonly detail: string | undefined;
  readonly sessionId: number;
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  readonly tokenManager: TokenManager;
  readonly authorizedFetch: AuthorizedFetch;
  readonly settings: IdentityProviderSettings;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
