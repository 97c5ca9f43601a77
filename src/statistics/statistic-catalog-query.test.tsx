import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchStatisticCatalog, StatisticCatalogError, useStatisticCatalog } from './statistic-catalog-query.ts';

const CATALOG = {
  version: 1,
  statistics: [
    {
      name: 'Current_In_Queue',
      objectType: 'Queue',
      catalogObjectType: 'QUEUE',
      definition: { category: 'CurrentNumber', subject: 'DNAction', mainMask: 'CallWait' },
      notificationMode: 'Periodical',
      notificationFrequency: 10,
    },
  ],
};

function serve(answer: (url: string) => Promise<Response>): ReturnType<typeof vi.fn> {
  const fetchFn = vi.fn((url: string) => answer(url));
  vi.stubGlobal('fetch', fetchFn);
  return fetchFn;
}

function wrapper(): (props: { readonly children: ReactNode }) => ReactElement {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return ({ children }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

async function failure(): Promise<StatisticCatalogError> {
  const error: unknown = await fetchStatisticCatalog().catch((e: unknown) => e);
  if (!(error instanceof StatisticCatalogError)) throw new Error(`expected a StatisticCatalogError, got ${String(error)}`);
  return error;
}

describe('useStatisticCatalog', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('should fetch statistics.json next to the app, without a token, and parse it', async () => {
    const fetchFn = serve(() => Promise.resolve(Response.json(CATALOG)));
    const { result } = renderHook(() => useStatisticCatalog(), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.statistics[0]?.name).toBe('Current_In_Queue');
    expect(fetchFn).toHaveBeenCalledTimes(1);
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(new URL(String(url)).pathname).toBe('/statistics.json');
    expect(init).toBeUndefined();
  });

  it('should fail once, naming the bad field, for a file that is not a catalog', async () => {
    const bad = { ...CATALOG, statistics: [{ ...CATALOG.statistics[0], objectType: 'Skill' }] };
    const fetchFn = serve(() => Promise.resolve(Response.json(bad)));
    const { result } = renderHook(() => useStatisticCatalog(), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ kind: 'invalid', path: 'statistics[0].objectType', retryable: false });
    expect(result.current.error?.message).toMatch(/^statistics\.json at statistics\[0\]\.objectType: /);
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  it('should say why the file could not be had, and whether trying again can help', async () => {
    serve(() => Promise.resolve(new Response('not found', { status: 404 })));
    expect(await failure()).toMatchObject({ kind: 'http', message: 'statistics.json: HTTP 404', retryable: false });
    serve(() => Promise.resolve(new Response('busy', { status: 503 })));
    expect(await failure()).toMatchObject({ kind: 'http', retryable: true });
    serve(() => Promise.resolve(new Response('<!doctype html>', { status: 200 })));
    expect(await failure()).toMatchObject({ kind: 'not-json', message: 'statistics.json is not JSON', retryable: false });
    serve(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await failure()).toMatchObject({ kind: 'network', message: 'statistics.json could not be loaded: Failed to fetch', retryable: true });
  });
});
