import type { ResolvedStatistic } from './stat-engine.ts';

/**
 * What the engine tells the registry about its statistics' inputs, so a changes-based statistic is
 * evaluated when it can have changed rather than on every tick.
 */
export interface ActivityChanges {
  /** Keys of the activities that changed since the previous call; the call forgets them. */
  takeChanged(): Iterable<string>;
  /** The activity (one object's log in one family) a statistic is computed from. */
  activityKey(statistic: ResolvedStatistic): string;
  /** True when the value can move while its activity stands still (durations, window resets). */
  movesWithTime(statistic: ResolvedStatistic): boolean;
}

/** The changes-based statistics (entries of the registry) a tick has to look at. */
export interface ChangeWatch<E> {
  add(entry: E, statistic: ResolvedStatistic): void;
  delete(entry: E): void;
  /** After an evaluation: whether the value can now move with time alone (e.g. an agent with no status). */
  settle(entry: E, statistic: ResolvedStatistic): void;
  /** Entries whose activity changed since the previous call, then those that move with time (an entry may come twice). */
  forEachDue(visit: (entry: E) => void): void;
}

/**
 * A value that moves only with its activity (a count of waiting calls, an agent's state) is worth a
 * look only after that activity changed: comparing it on the other ticks finds the same value as
 * last time, so skipping them sends exactly the same. Values that move with time — and all of them
 * when no `changes` feed is given — are looked at on every tick.
 */
export function createChangeWatch<E>(changes: ActivityChanges | undefined): ChangeWatch<E> {
  const keys = new Map<E, string>();
  const byActivity = new Map<string, Set<E>>();
  const everyTick = new Set<E>();

  function settle(entry: E, statistic: ResolvedStatistic): void {
    if (!changes || !keys.has(entry)) return;
    if (changes.movesWithTime(statistic)) everyTick.add(entry);
    else everyTick.delete(entry);
  }

  return {
    add(entry, statistic) {
      if (!changes) {
        everyTick.add(entry);
        return;
      }
      const key = changes.activityKey(statistic);
      keys.set(entry, key);
      let set = byActivity.get(key);
      if (!set) {
        set = new Set();
        byActivity.set(key, set);
      }
      set.add(entry);
      settle(entry, statistic);
    },
    delete(entry) {
      everyTick.delete(entry);
      const key = keys.get(entry);
      if (key === undefined) return;
      keys.delete(entry);
      const set = byActivity.get(key);
      set?.delete(entry);
      if (set?.size === 0) byActivity.delete(key);
    },
    settle,
    forEachDue(visit) {
      if (changes) {
        for (const key of changes.takeChanged()) {
          const set = byActivity.get(key);
          if (set) for (const entry of set) visit(entry);
        }
      }
      for (const entry of everyTick) visit(entry);
    },
  };
}
