/** What the page knows of one source's sign-in when it starts. */
export interface ProviderAtStart {
  readonly sourceId: string;
  /** Code flow, and this browser signed in at the provider and did not sign out. */
  readonly remembered: boolean;
  /** Kiosk mode keeps a refresh token for it. */
  readonly kept: boolean;
  /** What its provider answered: on this page's address, or a code kept from an earlier page of the chain. */
  readonly answered: 'code' | 'token' | 'error' | undefined;
  /** A sign-in that was to continue on its own left this tab and never came back (a provider that showed a page, Back pressed). */
  readonly abandonedSilent: boolean;
}

export interface StartPlan {
  /** Send the browser to this source's provider now, with `prompt=none`; the rest waits for the page after. */
  readonly silentNext: string | undefined;
  /** Codes to exchange on this page (none while a silent sign-in is still to come). */
  readonly exchange: readonly string[];
  /** Kept refresh tokens to use on this page (none while a silent sign-in is still to come). */
  readonly resume: readonly string[];
  /** Sources whose "signed in, not signed out" memory goes: their provider refused, or the attempt never came back. */
  readonly forget: readonly string[];
}

/**
 * The rules of a sign-in that continues on its own, as one pure function:
 * - a remembered source with nothing else to go on is sent to its provider with `prompt=none`,
 *   one source per page load; codes that came back wait (in this tab) until none is left to send,
 *   because tokens live in memory and would not survive the next navigation;
 * - no loop: a refusal or an attempt that never came back forgets the source, so the next page
 *   waits for the Sign in button; a source is sent at most once per chain (it then has an answer);
 * - an implicit-grant token cannot wait for the chain (it is never stored), so a page that got one
 *   sends nobody anywhere;
 * - kept refresh tokens are used only on the page that stays: a rotation answered to a page that
 *   is leaving would be lost, and the next use of the old token would revoke the whole family.
 */
export function planStart(providers: readonly ProviderAtStart[]): StartPlan {
  const forget = providers.filter((p) => p.answered === 'error' || p.abandonedSilent).map((p) => p.sourceId);
  const tokenArrived = providers.some((p) => p.answered === 'token');
  const candidates = providers.filter((p) => p.remembered && !p.kept && p.answered === undefined && !p.abandonedSilent);
  const silentNext = tokenArrived ? undefined : candidates[0]?.sourceId;
  if (silentNext !== undefined) return { silentNext, exchange: [], resume: [], forget };
  return {
    silentNext: undefined,
    exchange: providers.filter((p) => p.answered === 'code').map((p) => p.sourceId),
    resume: providers.filter((p) => p.kept && p.answered === undefined).map((p) => p.sourceId),
    forget,
  };
}
