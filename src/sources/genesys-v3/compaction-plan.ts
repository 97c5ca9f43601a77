import type { PartlyUsedSubscription } from './subscription-book.ts';

/** A subscription to replace by a new one holding only `keys`, its statistics still in use. */
export interface Compaction {
  readonly subscriptionId: string;
  readonly keys: readonly string[];
}

export interface CompactionPlan {
  readonly due: readonly Compaction[];
  /** When the next candidate that is not due yet will be (the sync's clock); undefined: none waiting. */
  readonly nextAt: number | undefined;
}

export interface CompactionTiming {
  readonly now: number;
  /** How long both the watched set and the subscription must have been unchanged. */
  readonly settleMs: number;
  /** When the watched set last changed. */
  readonly wantChangedAt: number;
  /** Subscriptions being replaced already: a second create for their keys would hold them twice. */
  readonly replacing: ReadonlySet<string>;
}

/**
 * Statistics no tile needs are deleted (issue 4), but the API only deletes whole subscriptions: a
 * subscription some of whose statistics are unused is replaced by one holding the rest. Waiting until
 * the board and the subscription have settled keeps a board that is still being assembled (several
 * watch() calls) or a create answered a moment ago from being re-created over and over.
 */
export function planCompaction(candidates: readonly PartlyUsedSubscription[], timing: CompactionTiming): CompactionPlan {
  const due: Compaction[] = [];
  let nextAt: number | undefined;
  for (const candidate of candidates) {
    if (timing.replacing.has(candidate.subscriptionId)) continue;
    const at = Math.max(candidate.openedAt, timing.wantChangedAt) + timing.settleMs;
    if (at <= timing.now) due.push({ subscriptionId: candidate.subscriptionId, keys: candidate.inUse });
    else nextAt = Math.min(nextAt ?? at, at);
  }
  return { due, nextAt };
}
