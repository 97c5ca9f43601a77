import { buildAuthorizeUrl } from './authorize-url.ts';
import type { IdentityProviderSettings } from './identity-provider.ts';
import { savePendingSignIn, type SessionStore } from './pending-sign-in.ts';
import { createCodeChallenge, createCodeVerifier } from './pkce.ts';
import { createRandomState } from './random-state.ts';

export interface StartSignInDeps {
  readonly settings: Pick<IdentityProviderSettings, 'sourceId' | 'authorizeUrl' | 'clientId' | 'redirectUri' | 'flow' | 'scope'>;
  readonly storage: SessionStore;
  /** Leaves the page for the authorization server (`location.assign`). */
  readonly navigate: (url: string) => void;
  readonly now: () => number;
  readonly crypto?: Crypto;
}

export interface StartSignInOptions {
  /** A sign-in that continues on its own: `prompt=none`, the provider never shows its form. */
  readonly silent?: boolean;
}

/**
 * Starts one attempt: a fresh `state` (and PKCE verifier for the code flow) is stored for this
 * tab under that state, then the browser goes to the provider. `returnTo` is a same-origin path.
 */
export async function startSignIn(deps: StartSignInDeps, returnTo: string, options: StartSignInOptions = {}): Promise<void> {
  const cryptoImpl = deps.crypto ?? globalThis.crypto;
  const state = createRandomState(cryptoImpl);
  const codeVerifier = deps.settings.flow === 'code-pkce' ? createCodeVerifier(cryptoImpl) : undefined;
  const codeChallenge = codeVerifier === undefined ? undefined : await createCodeChallenge(codeVerifier, cryptoImpl);
  const silent = options.silent === true;
  savePendingSignIn(deps.storage, {
    state,
    sourceId: deps.settings.sourceId,
    flow: deps.settings.flow,
    codeVerifier,
    redirectUri: deps.settings.redirectUri,
    returnTo,
    createdAt: deps.now(),
    ...(silent ? { silent } : {}),
  });
  deps.navigate(buildAuthorizeUrl(deps.settings, { state, ...(codeChallenge === undefined ? {} : { codeChallenge }), ...(silent ? { prompt: 'none' } : {}) }));
}
