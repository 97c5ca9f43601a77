import { describe, expect, it, vi } from 'vitest';
import { fetchStatisticCatalog, StatisticCatalogError } from './fetch-statistic-catalog.ts';

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

const URL_OF_FILE = 'http://localhost/statistics.json';

function serving(answer: () => Promise<Response>): typeof fetch {
  return vi.fn(() => answer());
}

async function failure(fetchFn: typeof fetch): Promise<StatisticCatalogError> {
  const error: unknown = await fetchStatisticCatalog(URL_OF_FILE, fetchFn).catch((e: unknown) => e);
  if (!(error instanceof StatisticCatalogError)) throw new Error(`expected a StatisticCatalogError, got ${String(error)}`);
  return error;
}

describe('fetchStatisticCatalog', () => {
  it('should fetch statistics.json without a token, and parse it', async () => {
    const fetchFn = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(Response.json(CATALOG)));
    const catalog = await fetchStatisticCatalog(URL_OF_FILE, fetchFn as unknown as typeof fetch);
    expect(catalog.statistics[0]?.name).toBe('Current_In_Queue');
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(fetchFn.mock.calls[0]?.[0]).toBe(URL_OF_FILE);
    expect(fetchFn.mock.calls[0]?.[1]).toBeUndefined();
  });

  it('should fail naming the bad field, for a file that is not a catalog', async () => {
    const bad = { ...CATALOG, statistics: [{ ...CATALOG.statistics[0], objectType: 'Skill' }] };
    const error = await failure(serving(() => Promise.resolve(Response.json(bad))));
    expect(error).toMatchObject({ kind: 'invalid', path: 'statistics[0].objectType', retryable: false });
    expect(error.message).toMatch(/^statistics\.json at statistics\[0\]\.objectType: /);
  });

  it('should say why the file could not be had, and whether trying again can help', async () => {
    expect(await failure(serving(() => Promise.resolve(new Response('not found', { status: 404 }))))).toMatchObject({
      kind: 'http',
      message: 'statistics.json: HTTP 404',
      retryable: false,
    });
    expect(await failure(serving(() => Promise.resolve(new Response('busy', { status: 503 }))))).toMatchObject({ kind: 'http', retryable: true });
    expect(await failure(serving(() => Promise.resolve(new Response('<!doctype html>', { status: 200 }))))).toMatchObject({
      kind: 'not-json',
      message: 'statistics.json is not JSON',
      retryable: false,
    });
    expect(await failure(serving(() => Promise.reject(new TypeError('Failed to fetch'))))).toMatchObject({
      kind: 'network',
      message: 'statistics.json could not be loaded: Failed to fetch',
      retryable: true,
    });
  });
});
