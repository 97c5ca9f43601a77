import type { AuthSettings } from './auth-settings.ts';
import { buildAuthorizeUrl } from './authorize-url.ts';
import { savePendingSignIn, type SessionStore } from './pending-sign-in.ts';
import { createCodeChallenge, createCodeVerifier } from './pkce.ts';
import { createRandomState } from './random-state.ts';

export interface StartSignInDeps {
  readonly settings: AuthSettings;
  readonly storage: SessionStore;
  /** Leaves the page for the authorization server (`location.assign`). */
  readonly navigate: (url: string) => void;
  readonly now: () => number;
  readonly crypto?: Crypto;
}

/**
 * Starts one attempt: a fresh `state` (and PKCE verifier for the code flow) is stored for this
 * tab, then the browser goes to the sign-in page. `returnTo` is a same-origin path.
 */
export async function startSignIn(deps: StartSignInDeps, returnTo: string): Promise<void> {
  const cryptoImpl = deps.crypto ?? globalThis.crypto;
  const state = createRandomState(cryptoImpl);
  const codeVerifier = deps.settings.flow === 'code-pkce' ? createCodeVerifier(cryptoImpl) : undefined;
  const codeChallenge = codeVerifier === undefined ? undefined : await createCodeChallenge(codeVerifier, cryptoImpl);
  savePendingSignIn(deps.storage, {
    state,
    flow: deps.settings.flow,
    codeVerifier,
    redirectUri: deps.settings.redirectUri,
    returnTo,
    createdAt: deps.now(),
  });
  deps.navigate(buildAuthorizeUrl(deps.settings, { state, codeChallenge }));
}
