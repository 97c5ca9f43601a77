/**
 * Joins what the page received (each StatisticUpdate's value and the mock's `timestamp`, both read
 * from the CometD answers) with what the DOM showed (each tile's `data-value` change and when), so
 * a shown value is traced back to the update that carried it.
 */

/** One statistic value as the mock sent it, in the order the page received it. */
export interface NotifiedUpdate {
  /** The store key, `statistic|objectType|objectId` (the tile's `data-stat|data-object-type|data-object-id`). */
  readonly key: string;
  readonly value: number;
  /** The mock's `Date.now()` when it emitted the update. */
  readonly stampedAt: number;
}

/** A tile's `data-value` changing, as a MutationObserver saw it. */
export interface TileChange {
  readonly tile: number;
  readonly key: string;
  readonly value: number;
  /** The page's `Date.now()` in the observer's callback: after the DOM changed, before the frame is painted. */
  readonly seenAt: number;
}

export interface TimeWindow {
  readonly from: number;
  readonly to: number;
}

interface KeyHistory {
  readonly stamps: number[];
  readonly values: number[];
}

export interface UpdateIndex {
  history(key: string): KeyHistory | undefined;
  /** The last value received for each key: what the tile must show once the feed stops. */
  lastValues(): ReadonlyMap<string, number>;
}

export function indexUpdates(updates: Iterable<NotifiedUpdate>): UpdateIndex {
  const byKey = new Map<string, KeyHistory>();
  for (const u of updates) {
    let h = byKey.get(u.key);
    if (!h) {
      h = { stamps: [], values: [] };
      byKey.set(u.key, h);
    }
    h.stamps.push(u.stampedAt);
    h.values.push(u.value);
  }
  return {
    history: (key) => byKey.get(key),
    lastValues: () => new Map([...byKey].map(([key, h]) => [key, h.values[h.values.length - 1] as number])),
  };
}

/** How far back from the newest candidate to look for the value: far more than any frame coalesces. */
const MAX_LOOKBACK = 5000;

/**
 * The update a tile change shows: the newest update of the key carrying that value and stamped no
 * later than the change was seen. A statistic's firehose values repeat (the mock counts modulo
 * 1000), so "newest" matters; the stamp bound keeps a later repeat from being chosen.
 */
export function sourceStamp(index: UpdateIndex, change: TileChange): number | undefined {
  const h = index.history(change.key);
  if (!h) return undefined;
  // Updates of one key arrive in stamp order (one session, one ordered stream).
  let low = 0;
  let high = h.stamps.length - 1;
  let last = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((h.stamps[mid] as number) <= change.seenAt) {
      last = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  for (let i = last; i >= 0 && i > last - MAX_LOOKBACK; i--) {
    if (h.values[i] === change.value) return h.stamps[i];
  }
  return undefined;
}

export interface ChangeLatencies {
  /** seenAt − stamp, ms, one per tile change seen inside the window. */
  readonly samples: number[];
  /** Changes in the window no received update explains (a value the mock never sent for that key). */
  readonly unattributed: number;
}

export function changeLatencies(index: UpdateIndex, changes: readonly TileChange[], window: TimeWindow): ChangeLatencies {
  const samples: number[] = [];
  let unattributed = 0;
  for (const change of changes) {
    if (change.seenAt < window.from || change.seenAt >= window.to) continue;
    const stamp = sourceStamp(index, change);
    if (stamp === undefined) unattributed++;
    else samples.push(change.seenAt - stamp);
  }
  return { samples, unattributed };
}

/**
 * New values per statistic that reached the DOM inside the window: a key whose value changed
 * counts once however many tiles show it. Changes must be in the order seen; those before the
 * window still set what each key showed, so the first change inside it is judged against it.
 */
export function valuesShown(changes: readonly TileChange[], window: TimeWindow): number {
  const shown = new Map<string, number>();
  let count = 0;
  for (const change of changes) {
    if (shown.get(change.key) === change.value) continue;
    shown.set(change.key, change.value);
    if (change.seenAt >= window.from && change.seenAt < window.to) count++;
  }
  return count;
}

export interface FinalCheck {
  /** Statistics with a tile not showing the last value received for it. */
  readonly statistics: number;
  /** Tiles not showing their statistic's last value. */
  readonly tiles: number;
  /** A few of them, `key: shown ≠ expected`, for the report. */
  readonly examples: string[];
}

/** Every tile against the last value received for its key; keys that never got an update are not judged. */
export function finalMismatches(lastValues: ReadonlyMap<string, number>, shown: ReadonlyArray<{ readonly key: string; readonly value: string }>): FinalCheck {
  const badKeys = new Set<string>();
  let tiles = 0;
  const examples: string[] = [];
  for (const tile of shown) {
    const expected = lastValues.get(tile.key);
    if (expected === undefined || tile.value === String(expected)) continue;
    tiles++;
    badKeys.add(tile.key);
    if (examples.length < 5) examples.push(`${tile.key}: ${tile.value || '(none)'} ≠ ${expected}`);
  }
  return { statistics: badKeys.size, tiles, examples };
}
