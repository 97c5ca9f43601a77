/**
 * Test helpers for the auth module: a harness that drives the real Route objects through
 * `dispatch`, a controllable clock, temp state folders, and the OAuth steps most tests repeat.
 * Not a test file itself (vitest only runs `*.test.ts`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ApiResponse, BodyError, HttpMethod } from '../http-types.ts';
import { createRouter, dispatch, type Router } from '../router.ts';
import { AUTH_PREFIX, AUTHORIZE_PATH, TOKEN_PATH } from './auth-paths.ts';
import type { AuthOptions, AuthService } from './auth-types.ts';
import { createAuthService } from './create-auth-service.ts';

export const API_KEY = 'test-api-key';
export const ORIGIN = 'http://localhost:8080';
export const REDIRECT_URI = `${ORIGIN}/auth/callback`;
export const ROOT_REDIRECT_URI = `${ORIGIN}/`;
export const TTL_SEC = 3600;
export const START = Date.UTC(2026, 0, 5, 9, 0, 0);

export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export function createTestClock(start = START): TestClock {
  let t = start;
  return {
    now: () => t,
    advance(ms) {
      t += ms;
    },
  };
}

const stateDirs: string[] = [];

export async function makeStateDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wallboard-auth-'));
  stateDirs.push(dir);
  return dir;
}

/** For `afterEach`: removes every folder made by `makeStateDir`. */
export async function removeStateDirs(): Promise<void> {
  await Promise.all(stateDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export interface TestRequest {
  readonly method?: HttpMethod;
  /** Path with optional query string. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** `x-api-key` to send; default the right one, `null` for none. */
  readonly apiKey?: string | null;
  /** An urlencoded form (as the body parser delivers it) or any parsed JSON value. */
  readonly body?: unknown;
  readonly bodyError?: BodyError;
  /** Cookies the browser would send (a sign-in session's, say). */
  readonly cookies?: Readonly<Record<string, string>>;
}

export interface AuthHarness {
  readonly service: AuthService;
  readonly router: Router;
  readonly clock: TestClock;
  readonly stateDir: string;
  readonly redirectUris: string[];
  send(request: TestRequest): Promise<ApiResponse>;
  /** A fresh service on the same state folder and clock: what a restarted mock process would be. */
  restart(): AuthHarness;
}

export function harnessFor(
  stateDir: string,
  clock: TestClock = createTestClock(),
  redirectUris: string[] = [REDIRECT_URI, ROOT_REDIRECT_URI],
  extra: Partial<AuthOptions> = {},
): AuthHarness {
  const service = createAuthService({
    apiKey: API_KEY,
    tokenTtlSec: TTL_SEC,
    stateDir,
    redirectUris: () => redirectUris,
    now: () => clock.now(),
    ...extra,
  });
  const router = createRouter(service.routes, [AUTH_PREFIX]);
  return {
    service,
    router,
    clock,
    stateDir,
    redirectUris,
    async send(request) {
      const url = new URL(request.path, ORIGIN);
      const headers: Record<string, string> = {};
      const apiKey = request.apiKey === undefined ? API_KEY : request.apiKey;
      if (apiKey !== null) headers['x-api-key'] = apiKey;
      for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
      const response = await dispatch(router, {
        method: request.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers,
        cookies: request.cookies ?? {},
        body: request.body,
        ...(request.bodyError ? { bodyError: request.bodyError } : {}),
        origin: ORIGIN,
      });
      if (!response) throw new Error(`no route served ${request.path}`);
      return response;
    },
    restart: () => harnessFor(stateDir, clock, redirectUris, extra),
  };
}

export async function createHarness(extra: Partial<AuthOptions> = {}): Promise<AuthHarness> {
  return harnessFor(await makeStateDir(), createTestClock(), [REDIRECT_URI, ROOT_REDIRECT_URI], extra);
}

export function basicAuth(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

export interface PkcePair {
  readonly verifier: string;
  readonly challenge: string;
}

/** Computed here independently of the module's own PKCE code, so a shared bug cannot hide. */
export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(params: Readonly<Record<string, string>>): string {
  return `${AUTHORIZE_PATH}?${new URLSearchParams(params).toString()}`;
}

export function header(response: ApiResponse, name: string): string | undefined {
  const value = response.headers?.[name];
  return typeof value === 'string' ? value : value?.join(', ');
}

/** The `Location` of a 302, parsed. */
export function redirectOf(response: ApiResponse): URL {
  expect(response.status).toBe(302);
  const location = header(response, 'location');
  expect(location).toBeDefined();
  return new URL(location ?? '');
}

/** The value a `Set-Cookie` header gives the cookie `name` (empty when it deletes it), or undefined. */
export function setCookieValue(response: ApiResponse, name: string): string | undefined {
  const setCookie = header(response, 'set-cookie');
  const match = setCookie === undefined ? null : new RegExp(`(?:^|, )${name}=([^;]*)`).exec(setCookie);
  return match ? (match[1] ?? '') : undefined;
}

export function fragmentParams(url: URL): URLSearchParams {
  return new URLSearchParams(url.hash.slice(1));
}

export interface SignInInput {
  readonly clientId?: string;
  readonly redirectUri?: string;
  readonly state?: string;
  readonly username?: string;
  readonly password?: string;
  readonly tenant?: string;
  readonly pkce?: PkcePair | null;
}

export interface CodeSignIn {
  readonly code: string;
  readonly pkce: PkcePair | null;
  readonly redirect: URL;
}

/** Posts the sign-in form for `response_type=code` as the page would, and returns the code. */
export async function signInForCode(h: AuthHarness, input: SignInInput = {}): Promise<CodeSignIn> {
  const pkce = input.pkce === undefined ? createPkcePair() : input.pkce;
  const form: Record<string, string> = {
    client_id: input.clientId ?? 'wallboard',
    redirect_uri: input.redirectUri ?? REDIRECT_URI,
    response_type: 'code',
    tenant: input.tenant ?? 'demo',
    username: input.username ?? 'supervisor',
    password: input.password ?? 'supervisor',
  };
  if (input.state !== undefined) form.state = input.state;
  if (pkce) {
    form.code_challenge = pkce.challenge;
    form.code_challenge_method = 'S256';
  }
  const response = await h.send({ method: 'POST', path: AUTHORIZE_PATH, apiKey: null, body: form });
  const redirect = redirectOf(response);
  const code = redirect.searchParams.get('code');
  expect(code).toBeTruthy();
  return { code: code ?? '', pkce, redirect };
}

export function postToken(h: AuthHarness, form: Readonly<Record<string, string>>, authorization?: string): Promise<ApiResponse> {
  return h.send({
    method: 'POST',
    path: TOKEN_PATH,
    body: form,
    ...(authorization ? { headers: { authorization } } : {}),
  });
}

export interface TokenBody {
  readonly access_token: string;
  readonly expires_in: number;
  readonly refresh_token?: string;
  readonly scope: string;
  readonly token_type: string;
}

export function tokenBody(response: ApiResponse): TokenBody {
  expect(response.status).toBe(200);
  return response.json as TokenBody;
}

/** Signs `supervisor` in through code + PKCE and exchanges the code: the SPA's whole flow. */
export async function signInWithPkce(h: AuthHarness, username = 'supervisor'): Promise<TokenBody> {
  const { code, pkce } = await signInForCode(h, { username, password: username });
  return tokenBody(
    await postToken(h, {
      grant_type: 'authorization_code',
      client_id: 'wallboard',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: pkce?.verifier ?? '',
    }),
  );
}

export function bearer(token: string): Readonly<Record<string, string>> {
  return { authorization: `Bearer ${token}` };
}
