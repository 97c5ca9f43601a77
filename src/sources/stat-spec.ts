import type { ObjectKind } from '../vocabulary/object-kinds.ts';

/**
 * What a tile needs from a source (docs/architecture.md "Data flow"), in the wallboard's words: a
 * statistic of one object of one source. The source maps it onto its vendor's object types and
 * statistics. Two tiles that need the same value produce the same key and share one subscription.
 */
export interface StatSpec {
  /** The id of the source in the runtime configuration (`genesys-v3`, `cloud`, …). */
  readonly source: string;
  readonly kind: ObjectKind;
  /** The object's id in that source (a Genesys Cloud UUID, an Engage queue name, …). */
  readonly objectId: string;
  /** A wallboard statistic id (src/vocabulary/statistics.ts) or one of the source's own. */
  readonly statistic: string;
  /** An answer-time target in seconds for a service level; only where the source says it takes one. */
  readonly serviceLevelSeconds?: number | undefined;
}

/** A stable string for a spec: equal specs, equal keys. */
export function statKey(spec: StatSpec): string {
  const target = spec.serviceLevelSeconds === undefined ? '' : `@${spec.serviceLevelSeconds}s`;
  return `${spec.source}|${spec.kind}|${spec.objectId}|${spec.statistic}${target}`;
}
