import type { SourceSink } from '../stat-source.ts';

/** A sink that passes nothing on once `closed()`: answers still on their way when the source stops. */
export function guardedSink(sink: SourceSink, closed: () => boolean): SourceSink {
  return {
    updates: (batch) => {
      if (!closed()) sink.updates(batch);
    },
    statuses: (batch) => {
      if (!closed()) sink.statuses(batch);
    },
    connection: (state, detail) => {
      if (!closed()) sink.connection(state, detail);
    },
    dropped: (reason, count) => {
      if (!closed()) sink.dropped(reason, count);
    },
    forget: (keys) => {
      if (!closed()) sink.forget(keys);
    },
  };
}
