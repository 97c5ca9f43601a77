import type { EngageDefinition as StatDefinitionSpec } from './engage-spec.ts';
import { fetchErrorKind } from './fetch-error-kind.ts';
import { envelopeSchema, errorMessages, parseStatisticsData, type Envelope, type ReportedStatistic } from './rest-schemas.ts';
import type { Timers } from './timers.ts';

/** A statistic as `POST /subscriptions` takes it (docs/vendors/genesys-engage.md §2.3): a pre-configured `name` or an inline `definition`. */
export interface StatisticDescriptor {
  readonly statisticId: string;
  readonly objectId: string;
  readonly objectType: string;
  readonly name?: string;
  readonly definition?: StatDefinitionSpec;
}

/** Worth retrying later: 5xx, 429, a network error or no answer in time. */
export interface RetryFailure {
  readonly kind: 'retry';
  readonly status: number | undefined;
  readonly message: string;
}

/** Failures every call shares: worth retrying later, or the token is gone for good. */
export type ApiFailure = RetryFailure | { readonly kind: 'unauthorized'; readonly message: string };

/** The server refused the request (4xx, or the gateway refused the API key): retrying soon would not help. */
export interface Refusal {
  readonly kind: 'refused';
  readonly message: string;
  readonly errors: readonly string[];
}

export type CreateOutcome =
  | {
      readonly kind: 'opened';
      readonly subscriptionId: string;
      readonly statistics: readonly ReportedStatistic[];
      /** Messages of `errors[]` (status code 2): statistics the server refused. */
      readonly errors: readonly string[];
      readonly malformed: number;
    }
  | Refusal
  /**
   * `mayHaveOpened`: the request may have reached the server before the answer was lost (network
   * error, timeout, an unreadable 200). subscriptionId = operationId (§2.3 there), so the caller DELETEs
   * that id to make sure nothing is left open behind its back.
   */
  | (RetryFailure & { readonly mayHaveOpened: boolean })
  | { readonly kind: 'unauthorized'; readonly message: string };

export type ReadOutcome =
  | { readonly kind: 'values'; readonly statistics: readonly ReportedStatistic[]; readonly malformed: number }
  /** 404: the server no longer has the subscription (docs/vendors/genesys-engage.md §2.10.7): re-create it. */
  | { readonly kind: 'gone' }
  | ApiFailure;

/**
 * `removed`: any 2xx, or 404 (nothing left to delete). A DELETE that fails is retried by the caller:
 * the server keeps a subscription it never got the DELETE for, and keeps notifying it.
 */
export type RemoveOutcome = { readonly kind: 'removed' } | Refusal | ApiFailure;

export interface StatisticsApi {
  create(operationId: string, statistics: readonly StatisticDescriptor[]): Promise<CreateOutcome>;
  read(subscriptionId: string): Promise<ReadOutcome>;
  /** Never rejects. */
  remove(subscriptionId: string): Promise<RemoveOutcome>;
}

export interface StatisticsApiDeps {
  readonly baseUrl: string;
  /** Adds x-api-key and the bearer token; on 401 refreshes once and retries (the auth module's job). */
  readonly authorizedFetch: (input: string, init: RequestInit) => Promise<Response>;
  readonly timers: Timers;
  /** A call with no answer after this long is abandoned and retried (a half-open connection never ends). */
  readonly timeoutMs: number;
}

/** A configuration error (API key refused) is the server's final word, like a 4xx. */
type SendFailure = ApiFailure | Refusal;

type Sent =
  | { readonly ok: true; readonly response: Response; readonly envelope: Envelope | undefined }
  | { readonly ok: false; readonly failure: SendFailure };

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

function messageOf(envelope: Envelope | undefined, status: number): string {
  return envelope?.status?.message ?? envelope?.message ?? `HTTP ${status}`;
}

/** 5xx, 429 and other non-answers are worth retrying; a 4xx is the server's final word. */
function isRetryable(status: number): boolean {
  return status >= 500 || status === 429 || status === 408 || status < 400;
}

/** The Statistics API v3 REST calls the adapter makes, each answer parsed with zod and reduced to an outcome. */
export function createStatisticsApi(deps: StatisticsApiDeps): StatisticsApi {
  const root = `${deps.baseUrl.replace(/\/+$/, '')}/statistics/v3/subscriptions`;

  async function send(url: string, init: RequestInit): Promise<Sent> {
    const controller = new AbortController();
    const timer = deps.timers.setTimeout(() => controller.abort(), deps.timeoutMs);
    try {
      const response = await deps.authorizedFetch(url, { ...init, headers: JSON_HEADERS, signal: controller.signal });
      let envelope: Envelope | undefined;
      try {
        const parsed = envelopeSchema.safeParse(await response.json());
        envelope = parsed.success ? parsed.data : undefined;
      } catch {
        // Not JSON (a proxy's error page, a cut connection): judged by the HTTP status alone.
        envelope = undefined;
      }
      if (response.status === 401) return { ok: false, failure: { kind: 'unauthorized', message: messageOf(envelope, 401) } };
      return { ok: true, response, envelope };
    } catch (error) {
      const kind = fetchErrorKind(error);
      const reason = error instanceof Error ? error.message : String(error);
      if (kind === 'unauthorized') return { ok: false, failure: { kind, message: reason } };
      if (kind === 'configuration') return { ok: false, failure: { kind: 'refused', message: reason, errors: [] } };
      const message = controller.signal.aborted ? 'no answer in time' : 'network error';
      return { ok: false, failure: { kind: 'retry', status: undefined, message } };
    } finally {
      deps.timers.clearTimeout(timer);
    }
  }

  async function remove(subscriptionId: string): Promise<RemoveOutcome> {
    const sent = await send(`${root}/${encodeURIComponent(subscriptionId)}`, { method: 'DELETE' });
    if (!sent.ok) return sent.failure;
    const { status } = sent.response;
    if ((status >= 200 && status < 300) || status === 404) return { kind: 'removed' };
    if (isRetryable(status)) return { kind: 'retry', status, message: messageOf(sent.envelope, status) };
    return { kind: 'refused', message: messageOf(sent.envelope, status), errors: [] };
  }

  async function create(operationId: string, statistics: readonly StatisticDescriptor[]): Promise<CreateOutcome> {
    const sent = await send(`${root}?verbose=INFO`, { method: 'POST', body: JSON.stringify({ operationId, data: { statistics } }) });
    if (!sent.ok) {
      // A network error or timeout: the request may have reached the server before the connection broke.
      return sent.failure.kind === 'retry' ? { ...sent.failure, mayHaveOpened: true } : sent.failure;
    }
    const { response, envelope } = sent;
    const status = response.status;
    const code = envelope?.status?.code;
    if (status === 200 && (code === 0 || code === 1 || code === 2)) {
      const data = parseStatisticsData(envelope?.data);
      if (data) {
        return {
          kind: 'opened',
          subscriptionId: data.subscriptionId ?? operationId,
          statistics: data.statistics,
          errors: envelope ? errorMessages(envelope) : [],
          malformed: data.malformed,
        };
      }
    }
    const retryable = status === 200 ? code === undefined || code <= 2 || code >= 500 : isRetryable(status);
    // A 200 we could not read may still have opened it.
    if (retryable) return { kind: 'retry', status, message: messageOf(envelope, status), mayHaveOpened: status === 200 };
    const message = status === 403 ? 'Forbidden: the API key was refused' : messageOf(envelope, status);
    return { kind: 'refused', message, errors: envelope ? errorMessages(envelope) : [] };
  }

  async function read(subscriptionId: string): Promise<ReadOutcome> {
    const sent = await send(`${root}/${encodeURIComponent(subscriptionId)}/statistic-values?verbose=INFO`, { method: 'GET' });
    // A refused read (API key) is not worth repeating soon, but the values may come back by notification.
    if (!sent.ok) return sent.failure.kind === 'refused' ? { kind: 'retry', status: undefined, message: sent.failure.message } : sent.failure;
    const { response, envelope } = sent;
    if (response.status === 404) return { kind: 'gone' };
    const code = envelope?.status?.code;
    if (response.status === 200 && (code === 0 || code === 2)) {
      const data = parseStatisticsData(envelope?.data);
      if (data) return { kind: 'values', statistics: data.statistics, malformed: data.malformed };
    }
    return { kind: 'retry', status: response.status, message: messageOf(envelope, response.status) };
  }

  return { create, read, remove };
}
