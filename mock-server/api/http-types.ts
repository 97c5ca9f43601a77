/**
 * A transport-neutral request/response pair. Every mock API is written against these types so the
 * Express server and the MSW handlers run the very same code.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'HEAD';

export type BodyError = 'malformed-json' | 'too-large' | 'unsupported-media-type';

export interface ApiRequest {
  readonly method: HttpMethod;
  /** Path without query string, e.g. `/statistics/v3/subscriptions/abc`. */
  readonly path: string;
  /** Values of `:name` segments of the matched route. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly cookies: Readonly<Record<string, string>>;
  /** Parsed JSON value, a form (`Record<string,string>`) for urlencoded bodies, or undefined. */
  readonly body: unknown;
  /** Set when the body could not be read; handlers answer with their API's documented error. */
  readonly bodyError?: BodyError;
  /** Scheme, host and port the client used, e.g. `http://localhost:8080`. */
  readonly origin: string;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  /** Serialized as JSON. Mutually exclusive with `text`. */
  readonly json?: unknown;
  /** Sent as is (HTML pages); set `content-type` in headers. */
  readonly text?: string;
}

export type ApiHandler = (request: ApiRequest) => ApiResponse | Promise<ApiResponse>;

export interface Route {
  readonly method: HttpMethod;
  /** Path pattern with `:name` segments, e.g. `/statistics/v3/subscriptions/:id`. */
  readonly path: string;
  readonly handler: ApiHandler;
}
