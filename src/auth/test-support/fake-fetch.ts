/** A recorded call of the fake `fetch`: what the code under test sent. */
export interface SentRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string;
  /** The body read as a form (token requests). */
  readonly form: URLSearchParams;
}

export type FakeRoute = (request: SentRequest) => Response | Promise<Response>;

export interface FakeFetch {
  readonly fetch: typeof fetch;
  readonly requests: SentRequest[];
  to(path: string): SentRequest[];
}

/** A `fetch` that answers from `route` and records every request; for tests without a server. */
export function createFakeFetch(route: FakeRoute): FakeFetch {
  const requests: SentRequest[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = typeof init?.body === 'string' ? init.body : '';
    const request: SentRequest = {
      url,
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body,
      form: new URLSearchParams(body),
    };
    requests.push(request);
    return route(request);
  };
  return { fetch: fetchFn, requests, to: (path) => requests.filter((request) => new URL(request.url).pathname === path) };
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function tokenBody(accessToken: string, refreshToken: string | undefined, expiresIn = 100): Response {
  return jsonResponse({
    access_token: accessToken,
    expires_in: expiresIn,
    ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
    scope: '*',
    token_type: 'bearer',
  });
}

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

/** A promise the test settles itself, to hold a request "in flight". */
export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/** A `location` + `history` pair over a plain URL, so tests see exactly what the address bar shows. */
export interface FakeAddressBar {
  readonly location: { href: string; assign(url: string): void };
  readonly history: { state: unknown; replaceState(data: unknown, unused: string, url?: string | URL | null): void };
  readonly assigned: string[];
  readonly replaced: string[];
}

export function createAddressBar(href: string): FakeAddressBar {
  const assigned: string[] = [];
  const replaced: string[] = [];
  const location = {
    href,
    assign(url: string): void {
      assigned.push(url);
    },
  };
  const history = {
    state: null as unknown,
    replaceState(data: unknown, _unused: string, url?: string | URL | null): void {
      history.state = data;
      if (url !== undefined && url !== null) {
        location.href = new URL(url, location.href).href;
        replaced.push(location.href);
      }
    },
  };
  return { location, history, assigned, replaced };
}

/** In-memory Storage (per test), standing in for `sessionStorage`. */
export function createMemoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}
