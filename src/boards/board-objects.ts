import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApiClient } from '../lib/api-client.tsx';
import type { ObjectRef } from './board-schema.ts';
import { catalogFor, catalogQueryOptions } from './catalog-query.ts';
import type { CatalogObject } from './fetch-listing.ts';

/** A concrete object a tile shows: the id to subscribe with, the name to print (as text). */
export type BoardObject = CatalogObject;

/** `"id": "*"` in a board file: every object of the catalog. */
export const EVERY_OBJECT = '*';

const byName = (a: BoardObject, b: BoardObject): number =>
  a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }) || a.id.localeCompare(b.id);

/**
 * A tile's objects: a concrete id is itself (named from the catalog once it is known, by its id
 * until then); `*` is every object of the catalog sorted by name, or none while it is unknown.
 */
export function resolveObjects(ref: Pick<ObjectRef, 'id'>, catalog: readonly CatalogObject[] | undefined): readonly BoardObject[] {
  if (ref.id === EVERY_OBJECT) return catalog ? [...catalog].map(({ id, name }) => ({ id, name })).sort(byName) : [];
  const known = catalog?.find((object) => object.id === ref.id);
  return [{ id: ref.id, name: known?.name || ref.id }];
}

export interface ResolvedObjects {
  readonly objects: readonly BoardObject[];
  /** `loading`/`error` only matter for `*`: a concrete id is usable before its name is known. */
  readonly status: 'loading' | 'ready' | 'error';
  readonly error?: string;
}

export function useBoardObjects(ref: ObjectRef): ResolvedObjects {
  const client = useApiClient();
  const catalog = useQuery(catalogQueryOptions(client, catalogFor(ref)));
  const { data } = catalog;
  const { id } = ref;
  const objects = useMemo(() => resolveObjects({ id }, data), [id, data]);
  if (id !== EVERY_OBJECT || data) return { objects, status: 'ready' };
  if (catalog.isError) return { objects, status: 'error', error: catalog.error.message };
  return { objects, status: 'loading' };
}
