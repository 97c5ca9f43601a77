import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import type { ApiClient } from '../lib/api-client.tsx';
import { ApiClientProvider } from '../lib/api-client.tsx';
import { statSpecFor } from './stat-spec-for.ts';
import type { SourceUpdate, StatPayload } from '../sources/stat-source.ts';
import { statKey } from '../sources/stat-spec.ts';
import { createStatStore, type StatStore } from '../store/create-stat-store.ts';
import { StatStoreProvider } from '../store/stat-store-context.tsx';

/**
 * Test support for boards and tiles (not shipped): real providers with a fresh stat store, a fresh
 * QueryClient without retries, and a fake API client that answers listings from plain objects.
 */
export const LISTINGS = {
  queues: [
    { id: 'sales', name: 'Sales' },
    { id: 'billing', name: 'Billing' },
    { id: 'vip', name: 'VIP <b>gold</b>' },
  ],
  skills: [
    { id: 'sales', name: 'Sales' },
    { id: 'tech', name: 'Technical' },
  ],
  users: [
    { id: 'agent-01', firstName: 'Ada', lastName: 'Lovelace', userName: 'ada', roles: ['ROLE_AGENT'] },
    { id: 'agent-02', firstName: 'Bob', lastName: 'Byte', userName: 'bob', roles: ['ROLE_AGENT'] },
    { id: 'agent-03', firstName: 'Cy', lastName: 'Cache', userName: 'cy', roles: ['ROLE_AGENT'] },
    { id: 'agent-04', firstName: 'Di', lastName: 'Disk', userName: 'di', roles: ['ROLE_AGENT'] },
    { id: 'admin', userName: 'root', roles: ['ROLE_ADMIN'] },
  ],
  agentGroups: [{ id: 'sales', name: 'Sales agents' }],
};

export function fakeApiClient(listings: Partial<typeof LISTINGS> = LISTINGS): ApiClient & { readonly calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fetch(path) {
      calls.push(path);
      const resource = /^\/api\/v2\/([\w-]+)/.exec(path)?.[1] ?? '';
      const name = resource.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as keyof typeof LISTINGS;
      const items = listings[name];
      if (!items) return Promise.resolve(new Response(JSON.stringify({ statusCode: 6, statusMessage: 'not found' }), { status: 404 }));
      return Promise.resolve(Response.json({ statusCode: 0, [name]: items }));
    },
  };
}

/** A stat store on `Date.now` (fake timers move it) that applies updates at once instead of per frame. */
export function testStatStore(): StatStore {
  const stat = createStatStore({ now: () => Date.now(), requestFrame: (flush) => flush() });
  stat.sink.connection('live');
  return stat;
}

export function keyOf(objectType: string, objectId: string, statistic: string): string {
  return statKey(statSpecFor(objectType, objectId, statistic));
}

export function update(objectType: string, objectId: string, statistic: string, value: StatPayload, extra: Partial<SourceUpdate> = {}): SourceUpdate {
  return { key: keyOf(objectType, objectId, statistic), value, timestamp: Date.now(), periodMs: 10_000, ...extra };
}

export interface TestContext {
  readonly stat?: StatStore;
  readonly client?: ApiClient;
}

/** The app's providers around a test's tree (`wrapper` of render/renderHook). */
export function testWrapper({ stat = testStatStore(), client = fakeApiClient() }: TestContext = {}): (props: { readonly children: ReactNode }) => ReactElement {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return function TestProviders({ children }) {
    return (
      <QueryClientProvider client={queryClient}>
        <ApiClientProvider client={client}>
          <StatStoreProvider store={stat}>{children}</StatStoreProvider>
        </ApiClientProvider>
      </QueryClientProvider>
    );
  };
}

export function renderWithProviders(ui: ReactElement, { stat = testStatStore(), client = fakeApiClient() }: TestContext = {}): RenderResult & { readonly stat: StatStore } {
  return Object.assign(render(ui, { wrapper: testWrapper({ stat, client }) }), { stat });
}
