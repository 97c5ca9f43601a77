import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import type { SourceCatalog, SourceDefinition, SourceObject } from '../sources/source-definition.ts';
import type { SourceUpdate, StatPayload } from '../sources/stat-source.ts';
import { statKey } from '../sources/stat-spec.ts';
import { createStatStore, type StatStore } from '../store/create-stat-store.ts';
import { StatStoreProvider } from '../store/stat-store-context.tsx';
import { OBJECT_KINDS, type ObjectKind } from '../vocabulary/object-kinds.ts';
import { wallboardStatistics } from '../vocabulary/statistics.ts';
import { statSpecFor } from './stat-spec-for.ts';
import { SourcesProvider, type Sources } from './sources-context.tsx';

/**
 * Test support for boards and tiles (not shipped): real providers with a fresh stat store, a fresh
 * QueryClient without retries, and one source that lists objects from plain data.
 */
export const TEST_SOURCE = 'genesys-v3';

export const LISTINGS: Readonly<Record<ObjectKind, readonly SourceObject[]>> = {
  queue: [
    { id: 'sales', name: 'Sales' },
    { id: 'billing', name: 'Billing' },
    { id: 'vip', name: 'VIP <b>gold</b>' },
  ],
  skill: [
    { id: 'sales', name: 'Sales' },
    { id: 'tech', name: 'Technical' },
  ],
  agent: [
    { id: 'agent-01', name: 'Ada Lovelace' },
    { id: 'agent-02', name: 'Bob Byte' },
    { id: 'agent-03', name: 'Cy Cache' },
    { id: 'agent-04', name: 'Di Disk' },
  ],
  'agent-group': [{ id: 'sales', name: 'Sales agents' }],
};

/** The wallboard's own statistics, as a source that supplies every one of them would describe them. */
export const VOCABULARY_CATALOG: SourceCatalog = {
  statistics: wallboardStatistics().map((s) => ({ ...s, answerTimeTarget: s.id === 'ServiceLevel' })),
  objectKinds: OBJECT_KINDS,
};

export interface FakeSource extends SourceDefinition {
  /** `kind` of every listing asked for, in order. */
  readonly listed: ObjectKind[];
}

/** A source that lists `listings` (a kind left out fails, as an unreachable listing would) and describes `catalog`. */
export function fakeSource(listings: Partial<Record<ObjectKind, readonly SourceObject[]>> = LISTINGS, catalog: SourceCatalog = VOCABULARY_CATALOG): FakeSource {
  const listed: ObjectKind[] = [];
  return {
    listed,
    kind: 'genesys-v3',
    label: 'Test source',
    freshness: { mode: 'push', silenceLimitMs: 35_000 },
    loadCatalog: () => Promise.resolve(catalog),
    listObjects(_context, kind) {
      listed.push(kind);
      const objects = listings[kind];
      return objects ? Promise.resolve(objects) : Promise.reject(new Error(`listing ${kind}: HTTP 404`));
    },
    createSource() {
      throw new Error('the test source does not run');
    },
  };
}

/** Sources for a test: the fake one, signed in, as the default. */
export function testSources(definition: SourceDefinition = fakeSource()): Sources {
  const context = {
    settings: { id: TEST_SOURCE, kind: 'genesys-v3', apiBaseUrl: 'http://test' },
    authorizedFetch: () => Promise.reject(new Error('no network in this test')),
    getAccessToken: () => 'token',
    onTokenChange: () => () => undefined,
    handleUnauthorized: () => Promise.resolve(false),
  } as const;
  return { defaultSource: TEST_SOURCE, byId: new Map([[TEST_SOURCE, { id: TEST_SOURCE, definition, context }]]) };
}

/** A stat store on `Date.now` (fake timers move it) that applies updates at once instead of per frame. */
export function testStatStore(): StatStore {
  const stat = createStatStore({ now: () => Date.now(), requestFrame: (flush) => flush(), defaultSource: TEST_SOURCE });
  stat.sink.connection('live');
  return stat;
}

export function keyOf(kind: ObjectKind, objectId: string, statistic: string): string {
  return statKey(statSpecFor(TEST_SOURCE, kind, objectId, statistic));
}

export function update(kind: ObjectKind, objectId: string, statistic: string, value: StatPayload, extra: Partial<SourceUpdate> = {}): SourceUpdate {
  return { key: keyOf(kind, objectId, statistic), value, timestamp: Date.now(), periodMs: 10_000, ...extra };
}

export interface TestContext {
  readonly stat?: StatStore;
  readonly sources?: Sources;
}

/** The app's providers around a test's tree (`wrapper` of render/renderHook). */
export function testWrapper({ stat = testStatStore(), sources = testSources() }: TestContext = {}): (props: { readonly children: ReactNode }) => ReactElement {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return function TestProviders({ children }) {
    return (
      <QueryClientProvider client={queryClient}>
        <SourcesProvider sources={sources}>
          <StatStoreProvider store={stat}>{children}</StatStoreProvider>
        </SourcesProvider>
      </QueryClientProvider>
    );
  };
}

export function renderWithProviders(ui: ReactElement, { stat = testStatStore(), sources = testSources() }: TestContext = {}): RenderResult & { readonly stat: StatStore } {
  return Object.assign(render(ui, { wrapper: testWrapper({ stat, sources }) }), { stat });
}
