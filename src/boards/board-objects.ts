import { useMemo } from 'react';
import type { SourceObject } from '../sources/source-definition.ts';
import type { ObjectRef } from './board-schema.ts';
import { useObjects } from './objects-query.ts';

/** A concrete object a tile shows: the id to subscribe with, the name to print (as text). */
export type BoardObject = SourceObject;

/** `"id": "*"` in a board file: every object of the kind. */
export const EVERY_OBJECT = '*';

const byName = (a: BoardObject, b: BoardObject): number =>
  a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }) || a.id.localeCompare(b.id);

/**
 * A tile's objects: a concrete id is itself (named from the listing once it is known, by its id
 * until then); `*` is every listed object sorted by name, or none while the listing is unknown.
 */
export function resolveObjects(ref: Pick<ObjectRef, 'id'>, listed: readonly SourceObject[] | undefined): readonly BoardObject[] {
  if (ref.id === EVERY_OBJECT) return listed ? [...listed].map(({ id, name }) => ({ id, name })).sort(byName) : [];
  const known = listed?.find((object) => object.id === ref.id);
  return [{ id: ref.id, name: known?.name || ref.id }];
}

export interface ResolvedObjects {
  readonly objects: readonly BoardObject[];
  /** `loading`/`error` only matter for `*`: a concrete id is usable before its name is known. */
  readonly status: 'loading' | 'ready' | 'error';
  readonly error?: string;
}

export function useBoardObjects(sourceId: string, ref: ObjectRef): ResolvedObjects {
  const listing = useObjects(sourceId, ref.kind);
  const { data } = listing;
  const { id } = ref;
  const objects = useMemo(() => resolveObjects({ id }, data), [id, data]);
  if (id !== EVERY_OBJECT || data) return { objects, status: 'ready' };
  if (listing.isError) return { objects, status: 'error', error: listing.error.message };
  return { objects, status: 'loading' };
}
