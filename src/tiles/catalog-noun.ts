import type { ObjectRef } from '../boards/board-schema.ts';
import { catalogFor } from '../boards/catalog-query.ts';

const NOUNS = { queues: 'queues', skills: 'skills', agents: 'agents', 'agent-groups': 'agent groups' } as const;
const ONE = { queues: 'queue', skills: 'skill', agents: 'agent', 'agent-groups': 'agent group' } as const;

/** "queues", "skills"… — what a `*` tile lists, in words. */
export function catalogNoun(object: ObjectRef): string {
  return NOUNS[catalogFor(object)];
}

/** "queue" for one, "queues" for any other count: what an aggregate says it combined. */
export function countedNoun(object: ObjectRef, count: number): string {
  return count === 1 ? ONE[catalogFor(object)] : NOUNS[catalogFor(object)];
}
