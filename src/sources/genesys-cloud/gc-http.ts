import type { z } from 'zod';
import { errorBodySchema, type ErrorBody } from './gc-rest-schemas.ts';
import type { RequestGate } from './gc-request-gate.ts';
import type { GcTimers } from './gc-timers.ts';

/** What went wrong with a request, in the terms the source acts on. */
export type GcFailure =
  /** 401 after one re-authentication, or no one signed in: the source gives up until a new token. */
  | { readonly kind: 'unauthorized'; readonly message: string }
  /** 403: the message names the missing permission; never retried. */
  | { readonly kind: 'forbidden'; readonly message: string }
  | { readonly kind: 'not-found'; readonly message: string }
  /** Another 4xx: the request itself is wrong for this org. */
  | { readonly kind: 'rejected'; readonly status: number; readonly message: string }
  /** 5xx, the network, a timeout, an unreadable answer, 429 past its retries: try again later. */
  | { readonly kind: 'transient'; readonly message: string; readonly status?: number }
  | { readonly kind: 'stopped' };

export type GcResult<T> =
  | { readonly ok: true; readonly value: T; readonly sentAt: number; readonly receivedAt: number }
  | ({ readonly ok: false } & GcFailure);

export interface GcRequest<T> {
  readonly body?: unknown;
  /** The answer's schema; without one the answer's body is not read. */
  readonly schema?: z.ZodType<T>;
  /** The permission the endpoint needs, named when a 403 does not say. */
  readonly permission?: string;
}

export interface GcHttpDeps {
  readonly authorizedFetch: (input: string, init?: RequestInit) => Promise<Response>;
  readonly getAccessToken: () => Promise<string | null> | string | null;
  readonly handleUnauthorized: (rejectedToken: string) => Promise<boolean>;
  readonly gate: RequestGate;
  readonly timers: GcTimers;
  /** An answer that did not parse: dropped and counted. */
  readonly dropped: (reason: string) => void;
  readonly timeoutMs: number;
}

export interface GcHttp {
  request<T = null>(method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD', path: string, options?: GcRequest<T>): Promise<GcResult<T>>;
}

/** 429s of one request retried before it counts as a failure of its own. */
const RATE_LIMIT_ATTEMPTS = 4;

/** The path without query and ids, so drops of one endpoint count under one reason. */
const endpointOf = (path: string): string => (path.split('?')[0] ?? '').replace(/\/[0-9a-z]+(-[0-9a-z]+){2,}(?=\/|$)/gi, '/{id}');

function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

async function errorBody(response: Response): Promise<ErrorBody> {
  const parsed = errorBodySchema.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? parsed.data : {};
}

/** The auth module rejects with `kind: 'unauthorized'` when no one is signed in (read by shape). */
function isSignedOut(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'kind' in error && (error as { kind: unknown }).kind === 'unauthorized';
}

function forbidden(body: ErrorBody, permission: string | undefined): GcFailure {
  // The platform names what is missing: "…at least one of the following permissions assigned: [a, b]".
  const named = /\[([^\]]+)\]/.exec(body.message ?? '')?.[1];
  const needs = named ?? permission;
  return { kind: 'forbidden', message: needs ? `Missing permission: ${needs}` : (body.message ?? 'Not permitted (403)') };
}

export function createGcHttp(deps: GcHttpDeps): GcHttp {
  async function once(method: string, path: string, body: unknown): Promise<Response | { error: unknown }> {
    const abort = new AbortController();
    const timer = deps.timers.setTimeout(() => abort.abort(), deps.timeoutMs);
    try {
      const init: RequestInit = { method, signal: abort.signal };
      if (body !== undefined) {
        init.body = JSON.stringify(body);
        init.headers = { 'content-type': 'application/json' };
      }
      return await deps.authorizedFetch(path, init);
    } catch (error) {
      return { error };
    } finally {
      deps.timers.clearTimeout(timer);
    }
  }

  return {
    async request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD', path: string, options: GcRequest<T> = {}): Promise<GcResult<T>> {
      let reauthenticated = false;
      for (let limited = 0; ; ) {
        const release = await deps.gate.acquire();
        if (!release) return { ok: false, kind: 'stopped' };
        const token = await Promise.resolve(deps.getAccessToken()).catch(() => null);
        const sentAt = deps.timers.now();
        const response = await once(method, path, options.body);
        const limitedNow = !('error' in response) && response.status === 429;
        // The door closes before this request leaves it, so no waiting request slips out meanwhile.
        if (limitedNow) deps.gate.rateLimited(retryAfterMs(response));
        release();
        const receivedAt = deps.timers.now();
        if ('error' in response) {
          if (isSignedOut(response.error)) return { ok: false, kind: 'unauthorized', message: 'Not signed in' };
          return { ok: false, kind: 'transient', message: `Genesys Cloud did not answer ${method} ${path}` };
        }
        if (limitedNow) {
          if (++limited < RATE_LIMIT_ATTEMPTS) continue;
          return { ok: false, kind: 'transient', status: 429, message: 'Genesys Cloud rate limit' };
        }
        if (response.status === 401) {
          if (!reauthenticated && token !== null && (await deps.handleUnauthorized(token).catch(() => false))) {
            reauthenticated = true;
            continue;
          }
          return { ok: false, kind: 'unauthorized', message: (await errorBody(response)).message ?? 'Genesys Cloud refused the token (401)' };
        }
        if (!response.ok) {
          const body = await errorBody(response);
          const message = body.message ?? `HTTP ${response.status}`;
          if (response.status === 403) return { ok: false, ...forbidden(body, options.permission) };
          if (response.status === 404) return { ok: false, kind: 'not-found', message };
          if (response.status >= 500 || response.status === 408) return { ok: false, kind: 'transient', status: response.status, message };
          return { ok: false, kind: 'rejected', status: response.status, message };
        }
        deps.gate.succeeded();
        if (!options.schema) return { ok: true, value: null as T, sentAt, receivedAt };
        const json: unknown = await response.json().catch(() => undefined);
        const parsed = options.schema.safeParse(json);
        if (!parsed.success) {
          deps.dropped(`Genesys Cloud answer to ${method} ${endpointOf(path)} does not parse`);
          return { ok: false, kind: 'transient', message: 'Genesys Cloud answer does not parse' };
        }
        return { ok: true, value: parsed.data, sentAt, receivedAt };
      }
    },
  };
}
