import type { ApiResponse } from '../http-types.ts';
import { badRequest } from './gc-errors.ts';

/** The platform's paging: `pageSize` default 25, at most 500; `pageNumber` counts from 1. */
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 500;

export interface Page {
  readonly pageSize: number;
  readonly pageNumber: number;
}

function intParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number | string {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) return `${name} must be an integer from ${min} to ${max}, got "${raw}"`;
  return value;
}

export function pageOf(query: URLSearchParams, maxPageSize = MAX_PAGE_SIZE): { ok: true; page: Page } | { ok: false; response: ApiResponse } {
  const pageSize = intParam(query, 'pageSize', DEFAULT_PAGE_SIZE, 1, maxPageSize);
  const pageNumber = intParam(query, 'pageNumber', 1, 1, 1_000_000);
  if (typeof pageSize === 'string') return { ok: false, response: badRequest(pageSize) };
  if (typeof pageNumber === 'string') return { ok: false, response: badRequest(pageNumber) };
  return { ok: true, page: { pageSize, pageNumber } };
}

function uri(path: string, query: URLSearchParams, page: Page): string {
  const params = new URLSearchParams();
  params.set('pageSize', String(page.pageSize));
  params.set('pageNumber', String(page.pageNumber));
  for (const [k, v] of query) if (k !== 'pageSize' && k !== 'pageNumber') params.append(k, v);
  return `${path}?${params.toString()}`;
}

/**
 * One page of an entity listing: `{entities, pageSize, pageNumber, total, pageCount, firstUri,
 * selfUri, nextUri?, previousUri?, lastUri}`; URIs are relative to the API root, as the platform's
 * are relative to its API host. `totals: false` drops `total`, `pageCount` and `lastUri`, as listings
 * without a count (queue members) answer.
 */
export function listing<T>(
  items: readonly T[],
  page: Page,
  path: string,
  query: URLSearchParams,
  totals = true,
  /** Builds the entities of the page only, when building one is costly. */
  build: (item: T) => unknown = (item) => item,
): Record<string, unknown> {
  const { pageSize, pageNumber } = page;
  const total = items.length;
  const pageCount = Math.ceil(total / pageSize);
  const entities = items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map(build);
  const at = (n: number): string => uri(path, query, { pageSize, pageNumber: n });
  const hasNext = totals ? pageNumber < pageCount : pageNumber * pageSize < total;
  return {
    entities,
    pageSize,
    pageNumber,
    ...(totals ? { total, pageCount } : {}),
    firstUri: at(1),
    selfUri: at(pageNumber),
    ...(hasNext ? { nextUri: at(pageNumber + 1) } : {}),
    ...(pageNumber > 1 ? { previousUri: at(pageNumber - 1) } : {}),
    ...(totals ? { lastUri: at(Math.max(1, pageCount)) } : {}),
  };
}
