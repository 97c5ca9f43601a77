/**
 * The values seen per statistic key, for trend lines: in memory only, bounded by count and by age
 * (docs/architecture.md, convention 12) so a board that runs for weeks holds at most `maxPoints` per key. Times are the
 * server's timestamps, so a line is drawn on the clock that produced it. Arrays are replaced, not
 * mutated, so a chart can tell what changed.
 */
export interface HistoryPoint {
  /** Server timestamp, epoch ms. */
  readonly t: number;
  /** `null`: the server said there was no value then — a gap in the line, not a 0. */
  readonly v: number | null;
}

export interface HistoryBuffer {
  /** Adds a point if it is newer than the key's last one (a repeat of the same value is not news). */
  append(key: string, point: HistoryPoint): void;
  points(key: string): readonly HistoryPoint[];
  subscribe(listener: () => void): () => void;
  /** Changes on every append; a `useSyncExternalStore` snapshot. */
  version(): number;
  /** Forgets everything (sign-out: the next user must not see the last one's history). */
  clear(): void;
}

export interface HistoryLimits {
  readonly maxPoints: number;
  readonly maxAgeMs: number;
}

const NONE: readonly HistoryPoint[] = [];

export function createHistoryBuffer(limits: HistoryLimits): HistoryBuffer {
  const series = new Map<string, readonly HistoryPoint[]>();
  const listeners = new Set<() => void>();
  let version = 0;
  return {
    append(key, point) {
      const current = series.get(key) ?? NONE;
      const last = current[current.length - 1];
      if (last && last.t >= point.t) return;
      const oldest = point.t - limits.maxAgeMs;
      let start = Math.max(0, current.length + 1 - limits.maxPoints);
      while (start < current.length && (current[start]?.t ?? 0) < oldest) start++;
      series.set(key, [...current.slice(start), point]);
      version++;
      for (const listener of listeners) listener();
    },
    points: (key) => series.get(key) ?? NONE,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
    clear() {
      series.clear();
      version++;
      for (const listener of listeners) listener();
    },
  };
}

/** Three hours at a 10-second period: enough for the longest trend a board may ask for (180 min). */
export const historyBuffer: HistoryBuffer = createHistoryBuffer({ maxPoints: 1100, maxAgeMs: 3 * 3_600_000 });
