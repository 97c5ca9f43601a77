import type { SourceSink } from '../stat-source.ts';

/**
 * Drops counted per message, not per statistic: a broken or foreign message of 80 statistics is one
 * `sink.dropped(reason, 80)` call, not 80 calls the store has to batch.
 */
export interface DropTally {
  add(reason: string, count?: number): void;
  /** Reports each reason once, in the order first seen, and starts over. */
  report(sink: Pick<SourceSink, 'dropped'>): void;
}

export function createDropTally(): DropTally {
  const counts = new Map<string, number>();
  return {
    add(reason, count = 1) {
      if (count > 0) counts.set(reason, (counts.get(reason) ?? 0) + count);
    },
    report(sink) {
      for (const [reason, count] of counts) sink.dropped(reason, count);
      counts.clear();
    },
  };
}
