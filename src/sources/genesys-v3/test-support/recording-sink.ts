import type { ConnectionState, SourceSink, SourceUpdate, SubscriptionStatus } from '../../stat-source.ts';

export interface RecordedDrop {
  readonly reason: string;
  readonly count: number;
}

/** A SourceSink that keeps everything it was told, for assertions. */
export interface RecordingSink extends SourceSink {
  readonly updateBatches: SourceUpdate[][];
  readonly statusBatches: SubscriptionStatus[][];
  readonly connections: Array<{ readonly state: ConnectionState; readonly detail: string | undefined }>;
  /** One entry per `dropped` call. */
  readonly drops: RecordedDrop[];
  /** One entry per `forget` call. */
  readonly forgotten: string[][];
  /** Every sink call in order, by name: for "forget before anything else" assertions. */
  readonly calls: Array<keyof SourceSink>;
  /** The last value sent for a key. */
  latest(key: string): SourceUpdate | undefined;
  /** The last status sent for a key. */
  status(key: string): SubscriptionStatus | undefined;
  /** The statuses sent for a key, in order. */
  statusesOf(key: string): Array<SubscriptionStatus['status']>;
  /** The current connection state. */
  connection(): ConnectionState | undefined;
  connection(state: ConnectionState, detail?: string): void;
}

export function createRecordingSink(): RecordingSink {
  const updateBatches: SourceUpdate[][] = [];
  const statusBatches: SubscriptionStatus[][] = [];
  const connections: Array<{ state: ConnectionState; detail: string | undefined }> = [];
  const drops: RecordedDrop[] = [];
  const forgotten: string[][] = [];
  const calls: Array<keyof SourceSink> = [];
  function connection(): ConnectionState | undefined;
  function connection(state: ConnectionState, detail?: string): void;
  function connection(state?: ConnectionState, detail?: string): ConnectionState | undefined {
    if (state === undefined) return connections.at(-1)?.state;
    calls.push('connection');
    connections.push({ state, detail });
    return undefined;
  }
  return {
    updateBatches,
    statusBatches,
    connections,
    drops,
    forgotten,
    calls,
    updates(batch) {
      calls.push('updates');
      updateBatches.push([...batch]);
    },
    statuses(batch) {
      calls.push('statuses');
      statusBatches.push([...batch]);
    },
    connection,
    dropped(reason, count = 1) {
      calls.push('dropped');
      drops.push({ reason, count });
    },
    forget(keys) {
      calls.push('forget');
      forgotten.push([...keys]);
    },
    latest: (key) => updateBatches.flat().findLast((u) => u.key === key),
    status: (key) => statusBatches.flat().findLast((s) => s.key === key),
    statusesOf: (key) => statusBatches.flat().flatMap((s) => (s.key === key ? [s.status] : [])),
  };
}
