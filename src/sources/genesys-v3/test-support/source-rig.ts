import type { StatSource } from '../../stat-source.ts';
import type { ObjectKind } from '../../../vocabulary/object-kinds.ts';
import type { StatSpec } from '../../stat-spec.ts';
import { shippedCatalog } from '../catalog/test-catalog.ts';
import { toSourceCatalog } from '../catalog/to-source-catalog.ts';
import { createGenesysV3Source, type GenesysV3SourceDeps } from '../create-genesys-v3-source.ts';
import type { EngageDefinition } from '../engage-spec.ts';
import { createEngageSpecs } from '../to-engage-spec.ts';
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
      readonly definition?: EngageDefinition;
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

const KINDS: Readonly<Record<string, ObjectKind>> = { Queue: 'queue', GroupAgents: 'skill', Agent: 'agent' };

/** The wallboard's spec of a statistic of an object of that wire type (a `GroupAgents` is a skill's group). */
export function spec(objectType: string, objectId: string, statistic: string, serviceLevelSeconds?: number): StatSpec {
  return { source: 'genesys-v3', kind: KINDS[objectType] ?? 'queue', objectId, statistic, ...(serviceLevelSeconds === undefined ? {} : { serviceLevelSeconds }) };
}

/** The demo's statistics.json as the source describes it. */
export const SHIPPED_SOURCE_CATALOG = toSourceCatalog(shippedCatalog());
const toEngageSpec = createEngageSpecs(SHIPPED_SOURCE_CATALOG);

function sameStatistic(a: string | EngageDefinition, b: string | EngageDefinition): boolean {
  return JSON.stringify(typeof a === 'string' ? a : Object.entries(a).sort()) === JSON.stringify(typeof b === 'string' ? b : Object.entries(b).sort());
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
    catalog: SHIPPED_SOURCE_CATALOG,
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
      const asked = toEngageSpec(wanted);
      if (!asked.ok) return undefined;
      const { objectType, objectId, statistic } = asked.spec;
      for (const body of [...creates()].reverse()) {
        // A statistic sent as a name or as an inline definition is the spec it was asked as.
        const found = body.data.statistics.find(
          (s) => s.objectType === objectType && s.objectId === objectId && sameStatistic(s.name ?? s.definition ?? '', statistic),
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
