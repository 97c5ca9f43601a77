import type { HttpHandler } from 'msw';

/**
 * The real mock backend (its MSW handlers and its browser-like sign-in helper) for integration
 * tests. Loaded by computed path on purpose: the mock's sources need Node's types, which the app's
 * tsconfig does not have, so a static import would fail `tsc -p tsconfig.app.json`. The shapes
 * below are the few members these tests use; the mock's own tsconfig checks the real ones.
 */
interface Verifier {
  verifyAccessToken(token: string | undefined): { readonly ok: boolean };
}

export interface RealMock {
  readonly core: {
    stop(): void;
    /** Auth v3's and Genesys Cloud's verifiers: each accepts its own provider's tokens only. */
    readonly auth: Verifier & { revokeAllTokens(): void };
    readonly genesysCloudAuth: Verifier & { revokeAllTokens(): void };
  };
  readonly handlers: HttpHandler[];
}

export interface MockSignInResult {
  readonly status: number;
  readonly location: string | null;
  readonly page: string;
}

interface MswModule {
  createMswMock(input: Readonly<Record<string, unknown>>, origin: string): RealMock;
}

interface SignInModule {
  authorize(baseUrl: string, params: Readonly<Record<string, string>>): Promise<MockSignInResult>;
}

const MOCK_ROOT = new URL('../../../mock-server/', import.meta.url);

async function importMock<T>(path: string): Promise<T> {
  return (await import(/* @vite-ignore */ new URL(path, MOCK_ROOT).href)) as T;
}

/** A fresh mock core (paused clock, no random traffic) serving `origin`. */
export async function createRealMock(origin: string): Promise<RealMock> {
  const { createMswMock } = await importMock<MswModule>('msw/create-msw-handlers.ts');
  return createMswMock({ speed: 0, randomTraffic: false }, origin);
}

/** Submits the mock's sign-in form as `supervisor` for an authorize URL; returns its redirect. */
export async function signInAtMock(origin: string, authorizeUrl: string): Promise<MockSignInResult> {
  const { authorize } = await importMock<SignInModule>('test-support/http-sign-in.ts');
  return authorize(origin, Object.fromEntries(new URL(authorizeUrl).searchParams));
}

export interface Visit {
  /** Where the provider sent the browser back (the callback address), if it did. */
  readonly location: string | null;
  /** True when the provider showed its sign-in form (a person had to type the password). */
  readonly formShown: boolean;
}

function hiddenFields(html: string): Record<string, string> {
  const unescape = (value: string): string => value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return Object.fromEntries(
    [...html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].flatMap((m) => {
      const name = /name="([^"]*)"/.exec(m[0])?.[1];
      return name ? [[name, unescape(/value="([^"]*)"/.exec(m[0])?.[1] ?? '')]] : [];
    }),
  );
}

/**
 * What a browser does with an authorize URL of any of the mock's identity providers: follow it
 * (MSW keeps the cookies the mock sets, as a browser does), and where the sign-in form shows,
 * submit it as `user`. Returns where the provider sends the browser back.
 */
export async function visitSignIn(authorizeUrl: string, user = 'supervisor'): Promise<Visit> {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  const html = await page.text();
  if (page.status === 302) return { location: page.headers.get('location'), formShown: false };
  if (page.status !== 200) return { location: null, formShown: false };
  const action = /<form method="post" action="([^"]*)"/.exec(html)?.[1] ?? '';
  const posted = await fetch(new URL(action, authorizeUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...hiddenFields(html), tenant: 'demo', username: user, password: user }).toString(),
  });
  return { location: posted.headers.get('location'), formShown: true };
}
