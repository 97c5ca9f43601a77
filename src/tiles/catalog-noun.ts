import type { ObjectRef } from '../boards/board-schema.ts';
import { catalogFor } from '../boards/catalog-query.ts';

const NOUNS = { queues: 'queues', skills: 'skills', agents: 'agents', 'agent-groups': 'agent groups' } as const;

/** "queues", "skills"… — what a `*` tile lists, in words. */
export function catalogNoun(object: ObjectRef): string {
  return NOUNS[catalogFor(object)];
}
