import type { ConnectionState, SourceSink, SourceUpdate, SubscriptionStatus } from '../../stat-source.ts';

/** A SourceSink that keeps everything it was told, for assertions. */
export interface RecordingSink extends SourceSink {
  readonly updates: SourceSink['updates'] & { readonly batches: SourceUpdate[][] };
  readonly connections: Array<{ readonly state: ConnectionState; readonly detail: string | undefined }>;
  readonly statusLog: SubscriptionStatus[];
  readonly drops: Array<{ readonly reason: string; readonly count: number }>;
  readonly forgotten: string[][];
  latest(key: string): SourceUpdate | undefined;
  status(key: string): SubscriptionStatus | undefined;
  state(): ConnectionState | undefined;
  dropCount(): number;
}

export function createRecordingSink(): RecordingSink {
  const batches: SourceUpdate[][] = [];
  const connections: Array<{ state: ConnectionState; detail: string | undefined }> = [];
  const statusLog: SubscriptionStatus[] = [];
  const drops: Array<{ reason: string; count: number }> = [];
  const forgotten: string[][] = [];
  const updates = Object.assign((batch: readonly SourceUpdate[]) => void batches.push([...batch]), { batches });
  return {
    updates,
    connections,
    statusLog,
    drops,
    forgotten,
    statuses: (batch) => void statusLog.push(...batch),
    connection: (state, detail) => void connections.push({ state, detail }),
    dropped: (reason, count = 1) => void drops.push({ reason, count }),
    forget: (keys) => void forgotten.push([...keys]),
    latest: (key) => batches.flat().findLast((u) => u.key === key),
    status: (key) => statusLog.findLast((s) => s.key === key),
    state: () => connections.at(-1)?.state,
    dropCount: () => drops.reduce((sum, d) => sum + d.count, 0),
  };
}
