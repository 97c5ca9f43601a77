import type { ObjectRef } from '../boards/board-schema.ts';
import { countedKind, objectKindWords } from '../vocabulary/object-kinds.ts';

/** "queues", "skills"… — what a `*` tile lists, in words. */
export function objectsNoun(object: ObjectRef): string {
  return objectKindWords(object.kind).many;
}

/** "queue" for one, "queues" for any other count: what an aggregate says it combined. */
export function countedNoun(object: ObjectRef, count: number): string {
  return countedKind(object.kind, count);
}
