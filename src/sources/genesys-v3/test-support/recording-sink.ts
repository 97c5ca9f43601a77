import type { ConnectionState, SourceSink, SourceUpdate, SubscriptionStatus } from '../../stat-source.ts';

/** A SourceSink that keeps everything it was told, for assertions. */
export interface RecordingSink extends SourceSink {
  readonly updateBatches: SourceUpdate[][];
  readonly statusBatches: SubscriptionStatus[][];
  readonly connections: Array<{ readonly state: ConnectionState; readonly detail: string | undefined }>;
  readonly drops: string[];
  /** The last value sent for a key. */
  latest(key: string): SourceUpdate | undefined;
  /** The last status sent for a key. */
  status(key: string): SubscriptionStatus | undefined;
  /** The current connection state. */
  connection(): ConnectionState | undefined;
  connection(state: ConnectionState, detail?: string): void;
}

export function createRecordingSink(): RecordingSink {
  const updateBatches: SourceUpdate[][] = [];
  const statusBatches: SubscriptionStatus[][] = [];
  const connections: Array<{ state: ConnectionState; detail: string | undefined }> = [];
  const drops: string[] = [];
  function connection(): ConnectionState | undefined;
  function connection(state: ConnectionState, detail?: string): void;
  function connection(state?: ConnectionState, detail?: string): ConnectionState | undefined {
    if (state === undefined) return connections.at(-1)?.state;
    connections.push({ state, detail });
    return undefined;
  }
  return {
    updateBatches,
    statusBatches,
    connections,
    drops,
    updates(batch) {
      updateBatches.push([...batch]);
    },
    statuses(batch) {
      statusBatches.push([...batch]);
    },
    connection,
    dropped(reason) {
      drops.push(reason);
    },
    latest: (key) => updateBatches.flat().findLast((u) => u.key === key),
    status: (key) => statusBatches.flat().findLast((s) => s.key === key),
  };
}
