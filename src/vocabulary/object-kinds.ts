/**
 * The kinds of object a board can name, in the wallboard's own words (docs/vocabulary.md). Every
 * source maps its own object types onto these inside its folder; nothing else names a vendor's.
 * A skill and an agent group are both groups of agents — a skill groups everyone who has it, an
 * agent group is a team — and a source may evaluate the same statistics for both.
 */
export const OBJECT_KINDS = ['queue', 'skill', 'agent-group', 'agent'] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

interface ObjectKindWords {
  /** "queue": one object, in a sentence. */
  readonly one: string;
  /** "queues": several, or every one. */
  readonly many: string;
  /** "Queues": a heading or a picker's label. */
  readonly title: string;
  /** "Queue": what one row of a table is. */
  readonly oneTitle: string;
}

const WORDS: Readonly<Record<ObjectKind, ObjectKindWords>> = {
  queue: { one: 'queue', many: 'queues', title: 'Queues', oneTitle: 'Queue' },
  skill: { one: 'skill', many: 'skills', title: 'Skills', oneTitle: 'Skill' },
  'agent-group': { one: 'agent group', many: 'agent groups', title: 'Agent groups', oneTitle: 'Agent group' },
  agent: { one: 'agent', many: 'agents', title: 'Agents', oneTitle: 'Agent' },
};

export function objectKindWords(kind: ObjectKind): ObjectKindWords {
  return WORDS[kind];
}

/** "queue" for one, "queues" for any other count. */
export function countedKind(kind: ObjectKind, count: number): string {
  return count === 1 ? WORDS[kind].one : WORDS[kind].many;
}

export function isObjectKind(value: string): value is ObjectKind {
  return (OBJECT_KINDS as readonly string[]).includes(value);
}
