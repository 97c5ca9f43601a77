import type { IdentityProviderSettings } from '../identity-provider.ts';
import { exchangeCode, readRedirectCallback } from '../callback.ts';
import type { SessionStore } from '../pending-sign-in.ts';
import type { SignedOutCause } from '../signed-out-reason.ts';
import type { TokenGrant } from '../token-response.ts';

export type CallbackResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'signed-in'; readonly grant: TokenGrant; readonly returnTo: string }
  | { readonly kind: 'failed'; readonly cause: SignedOutCause };

export interface CallbackDeps {
  readonly settings: IdentityProviderSettings;
  readonly fetch: typeof fetch;
  readonly storage: SessionStore;
  readonly now: () => number;
}

/** One provider's whole callback, as a session completes it: read the address, then exchange the code. */
export async function handleRedirectCallback(
  location: Pick<Location, 'href'>,
  history: Pick<History, 'replaceState' | 'state'>,
  deps: CallbackDeps,
): Promise<CallbackResult> {
  const read = readRedirectCallback(location, history, { storage: deps.storage, now: deps.now, redirectPaths: [deps.settings.redirectPath] });
  if (read.kind === 'none') return { kind: 'none' };
  if (read.kind === 'refused') return { kind: 'failed', cause: read.cause };
  const { answer, pending } = read;
  if (answer.kind === 'error') return { kind: 'failed', cause: answer.cause };
  if (answer.kind === 'token') return { kind: 'signed-in', grant: answer.grant, returnTo: pending.returnTo };
  const exchanged = await exchangeCode(deps.settings, deps.fetch, pending, answer.code);
  return exchanged.ok ? { kind: 'signed-in', grant: exchanged.grant, returnTo: pending.returnTo } : { kind: 'failed', cause: exchanged.cause };
}
