import type { ConnectionState, StatPayload } from '../sources/stat-source.ts';

export type StatStatus = 'loading' | 'live' | 'stale' | 'error';

/** One statistic as the UI sees it (docs/architecture.md "Data flow"). */
export interface StatValue {
  readonly key: string;
  /** `null` when there is none (yet, or the source says it is undefined). */
  readonly value: StatPayload;
  /** When the server generated it (server clock); 0 before the first value. */
  readonly timestamp: number;
  /** When it reached this browser (local clock); 0 before the first value. */
  readonly receivedAt: number;
  /** Promised refresh period; a live value older than twice this goes stale. */
  readonly periodMs: number | undefined;
  readonly status: StatStatus;
  /** Why it is in error or stale, in words. */
  readonly reason?: string;
}

export interface ConnectionInfo {
  readonly state: ConnectionState;
  readonly detail?: string;
  readonly updatedAt: number;
}

export interface Diagnostics {
  readonly dropped: number;
  readonly droppedByReason: Readonly<Record<string, number>>;
  readonly updatesApplied: number;
  readonly flushes: number;
}
