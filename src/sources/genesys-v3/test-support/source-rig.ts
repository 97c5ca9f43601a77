import type { StatSource } from '../../stat-source.ts';
import { statKey, type StatSpec } from '../../stat-spec.ts';
import { createGenesysV3Source, type GenesysV3SourceDeps } from '../create-genesys-v3-source.ts';
import { createFakeCometd, type FakeCometd } from './fake-cometd.ts';
import { createRecordingSink, type RecordingSink } from './recording-sink.ts';

export interface LoggedRequest {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
}

export interface CreateBody {
  readonly operationId: string;
  readonly data: {
    readonly statistics: ReadonlyArray<{
      readonly statisticId: string;
      readonly objectType: string;
      readonly objectId: string;
      readonly name?: string;
      readonly definition?: StatSpec['statistic'];
    }>;
  };
}

/** The adapter wired for a test: fake CometD, a sink that records, and every REST call logged. */
export interface SourceRig {
  readonly source: StatSource;
  readonly sink: RecordingSink;
  readonly cometd: FakeCometd;
  readonly requests: LoggedRequest[];
  /** The create requests sent so far. */
  creates(): CreateBody[];
  deletes(): string[];
  /** The statisticId and subscriptionId the adapter used for a spec in its latest create. */
  placeOf(spec: StatSpec): { readonly subscriptionId: string; readonly statisticId: string } | undefined;
}

export interface RigOptions {
  readonly origin: string;
  readonly apiKey: string;
  readonly token: () => string;
  readonly deps?: Partial<GenesysV3SourceDeps>;
}

export function spec(objectType: string, objectId: string, statistic: StatSpec['statistic']): StatSpec {
  return { source: 'genesys-v3', objectType, objectId, statistic };
}

export function createSourceRig(options: RigOptions): SourceRig {
  const sink = createRecordingSink();
  const cometd = createFakeCometd();
  const requests: LoggedRequest[] = [];
  const authorizedFetch = (input: string, init: RequestInit): Promise<Response> => {
    requests.push({ method: init.method ?? 'GET', url: input, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
    const headers = new Headers(init.headers);
    headers.set('x-api-key', options.apiKey);
    headers.set('authorization', `Bearer ${options.token()}`);
    return fetch(input, { ...init, headers });
  };
  const source = createGenesysV3Source({
    baseUrl: options.origin,
    apiKey: options.apiKey,
    getAccessToken: options.token,
    onTokenChange: () => () => undefined,
    authorizedFetch,
    sink,
    createCometD: () => cometd,
    ...options.deps,
  });
  const creates = (): CreateBody[] =>
    requests.filter((r) => r.method === 'POST' && r.url.includes('/statistics/v3/subscriptions')).map((r) => r.body as CreateBody);
  return {
    source,
    sink,
    cometd,
    requests,
    creates,
    deletes: () => requests.filter((r) => r.method === 'DELETE').map((r) => decodeURIComponent(r.url.split('/').at(-1) ?? '')),
    placeOf(wanted) {
      for (const body of [...creates()].reverse()) {
        // A statistic sent as a name or as an inline definition is the spec whose key it has.
        const found = body.data.statistics.find(
          (s) => statKey(spec(s.objectType, s.objectId, s.name ?? s.definition ?? '')) === statKey(wanted),
        );
        if (found) return { subscriptionId: body.operationId, statisticId: found.statisticId };
      }
      return undefined;
    },
  };
}

/**
 * Lets queued microtasks run. The adapter sends its requests from a microtask and logs them
 * synchronously, so after this a request that was not logged was not sent.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
