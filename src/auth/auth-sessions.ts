import type { AuthSession } from './auth-session.ts';
import { exchangeCode, isRedirectCallback, readRedirectCallback } from './callback.ts';
import { pageAnswers } from './callback-answers.ts';
import { identityProviderSettingsFrom, type IdentityProviderSettings, type SourceAuthConfig } from './identity-provider.ts';
import type { KeptRefreshToken } from './kept-refresh-token.ts';
import { safeReturnPath, savePendingSignIn, type SessionStore } from './pending-sign-in.ts';
import { createProviderSession, type ProviderSession } from './provider-session.ts';
import { planStart } from './sign-in-plan.ts';
import { createSignedInMemory, NO_SIGNED_IN_MEMORY, type SignedInMemory } from './signed-in-memory.ts';
import type { SignedOutCause } from './signed-out-reason.ts';
import { startSignIn } from './start-sign-in.ts';
import type { TimerHandle } from './token-manager.ts';

export interface AuthSessionsDeps {
  readonly location?: Pick<Location, 'href' | 'assign'>;
  readonly history?: Pick<History, 'replaceState' | 'state'>;
  /** Where pending attempts wait for the callback; `sessionStorage` (this tab only). */
  readonly storage?: SessionStore;
  /** "Signed in, not signed out" per source; default: in `localStorage`. */
  readonly signedInMemory?: SignedInMemory;
  /**
   * Kiosk mode only: where a source's refresh token is kept so the page signs itself in again
   * after a reload or a browser restart (docs/kiosk.md). Absent: every token lives in memory only.
   */
  readonly keptRefreshToken?: (sourceId: string) => KeptRefreshToken | undefined;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  readonly setTimer?: (callback: () => void, ms: number) => TimerHandle;
  readonly clearTimer?: (handle: TimerHandle) => void;
  readonly crypto?: Crypto;
  readonly random?: () => number;
}

/** The sessions of every source that signs in in the browser, started together. */
export interface AuthSessions<S extends IdentityProviderSettings = IdentityProviderSettings> {
  /** By source id, in the configuration's order. */
  readonly sessions: ReadonlyMap<string, AuthSession<S>>;
  get(sourceId: string): AuthSession<S> | undefined;
  /** Completes this page's sign-ins (callback, silent sign-ins, kept tokens); idempotent. */
  start(): Promise<void>;
  dispose(): void;
}

function defaultMemory(): SignedInMemory {
  return typeof localStorage === 'undefined' ? NO_SIGNED_IN_MEMORY : createSignedInMemory(localStorage);
}

/**
 * The sessions of several identity providers on one page. They share the one callback path
 * (`state` tells which attempt a response answers) and one start: the callback is read once,
 * remembered sources are signed in again without a password (`prompt=none`, one provider per page
 * load, their codes waiting in this tab until the last one is back), then codes are exchanged and
 * kept kiosk tokens used. The rules are `planStart`'s.
 */
export function createSessionGroup<S extends IdentityProviderSettings>(providers: readonly S[], deps: AuthSessionsDeps = {}): AuthSessions<S> {
  const location = deps.location ?? window.location;
  const history = deps.history ?? window.history;
  const storage = deps.storage ?? window.sessionStorage;
  const memory = deps.signedInMemory ?? defaultMemory();
  const fetchFn = deps.fetch ?? ((input: RequestInfo | URL, init?: RequestInit): Promise<Response> => fetch(input, init));
  const now = deps.now ?? ((): number => Date.now());
  const setTimer = deps.setTimer ?? ((callback: () => void, ms: number): TimerHandle => setTimeout(callback, ms));
  const clearTimer = deps.clearTimer ?? ((handle: TimerHandle): void => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const redirectPaths = [...new Set(providers.map((p) => p.redirectPath))];
  const atCallback = isRedirectCallback(location, redirectPaths);
  let started: Promise<void> | undefined;

  const members = new Map<string, { readonly settings: S; readonly kept: KeptRefreshToken | undefined; readonly control: ProviderSession<S> }>();
  for (const settings of providers) {
    const kept = deps.keptRefreshToken?.(settings.sourceId);
    const continues = settings.flow === 'code-pkce' && memory.remembers(settings.sourceId);
    const control = createProviderSession(settings, {
      location,
      storage,
      memory,
      kept,
      fetch: fetchFn,
      now,
      setTimer,
      clearTimer,
      random: deps.random ?? Math.random,
      crypto: deps.crypto,
      initialStatus: atCallback || continues || kept?.read() !== undefined ? 'signing-in' : 'signed-out',
      start: () => (started ??= run()),
    });
    members.set(settings.sourceId, { settings, kept, control });
  }

  async function run(): Promise<void> {
    const read = readRedirectCallback(location, history, { storage, now, redirectPaths });
    const { answers, abandoned, stillOpen } = pageAnswers(read);
    for (const attempt of stillOpen) savePendingSignIn(storage, attempt);
    // A callback no attempt of this tab asked for: nobody can tell which source it was for, so all
    // are forgotten rather than risk a loop.
    const unattributed: SignedOutCause | undefined = read.kind === 'refused' ? read.cause : undefined;
    if (unattributed) memory.forgetAll();

    const plan = planStart(
      [...members.values()].map(({ settings, kept }) => ({
        sourceId: settings.sourceId,
        remembered: settings.flow === 'code-pkce' && memory.remembers(settings.sourceId),
        kept: kept?.read() !== undefined,
        answered: answers.get(settings.sourceId)?.answer.kind,
        abandonedSilent: abandoned.has(settings.sourceId),
      })),
    );
    for (const sourceId of plan.forget) memory.forget(sourceId);

    for (const [sourceId, { pending, answer }] of answers) {
      const member = members.get(sourceId);
      if (!member) continue;
      if (answer.kind === 'token') member.control.session.tokenManager.signIn(answer.grant);
      // A sign-in that was to continue on its own and was refused (login_required) is no news to the person.
      if (answer.kind === 'error') member.control.settleSignedOut(pending.silent === true ? undefined : answer.cause);
    }

    const next = plan.silentNext === undefined ? undefined : members.get(plan.silentNext);
    if (next) {
      for (const [, { pending, answer }] of answers) if (answer.kind === 'code') savePendingSignIn(storage, { ...pending, code: answer.code });
      const here = new URL(location.href);
      try {
        const returnTo = safeReturnPath(`${here.pathname}${here.search}`, next.settings.redirectPath);
        await startSignIn({ settings: next.settings, storage, now, navigate: (url) => location.assign(url), ...(deps.crypto ? { crypto: deps.crypto } : {}) }, returnTo, { silent: true });
        return;
      } catch {
        // No WebCrypto (plain http): a silent sign-in cannot start; the button will say why.
        memory.forgetAll();
        for (const member of members.values()) member.control.settleSignedOut(undefined);
        return;
      }
    }

    const busy = new Set([...plan.exchange, ...plan.resume]);
    for (const [sourceId, member] of members) {
      if (!busy.has(sourceId) && !answers.has(sourceId)) member.control.settleSignedOut(unattributed);
    }
    await Promise.all([
      ...plan.exchange.map(async (sourceId) => {
        const member = members.get(sourceId);
        const entry = answers.get(sourceId);
        if (!member || entry?.answer.kind !== 'code') return;
        const result = await exchangeCode(member.settings, fetchFn, entry.pending, entry.answer.code);
        if (result.ok) {
          member.control.session.tokenManager.signIn(result.grant);
        } else {
          memory.forget(sourceId);
          member.control.settleSignedOut(result.cause);
        }
      }),
      ...plan.resume.map((sourceId) => members.get(sourceId)?.control.resumeKept()),
    ]);
  }

  const sessions = new Map([...members].map(([id, member]) => [id, member.control.session] as const));
  return {
    sessions,
    get: (sourceId) => sessions.get(sourceId),
    start: () => (started ??= run()),
    dispose() {
      for (const session of sessions.values()) session.dispose();
    },
  };
}

/**
 * The sessions of a configuration's sources (`sources` of config.json): one per source that signs
 * a person in in the browser (Genesys Engage, Genesys Cloud); `gws` and `8x8` get none. Throws
 * `IdentityProviderConfigError` for a source whose sign-in settings cannot work.
 */
export function createAuthSessions(sources: readonly SourceAuthConfig[], deps: AuthSessionsDeps = {}): AuthSessions {
  const origin = new URL((deps.location ?? window.location).href).origin;
  const providers = sources.flatMap((source) => {
    const settings = identityProviderSettingsFrom(source, origin);
    return settings ? [settings] : [];
  });
  return createSessionGroup(providers, deps);
}
