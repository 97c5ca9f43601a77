import type { HttpHandler } from 'msw';

/**
 * The real mock backend (its MSW handlers and its browser-like sign-in helper) for integration
 * tests. Loaded by computed path on purpose: the mock's sources need Node's types, which the app's
 * tsconfig does not have, so a static import would fail `tsc -p tsconfig.app.json`. The shapes
 * below are the few members these tests use; the mock's own tsconfig checks the real ones.
 */
export interface RealMock {
  readonly core: { stop(): void };
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
