import { useEffect, useState } from 'react';
import { breachEntered } from '../alerts/breach-entry.ts';
import { useBreachSignal } from '../alerts/breach-signal.ts';
import type { Threshold } from '../boards/board-schema.ts';
import type { ValueFormat } from '../lib/format-value.ts';
import type { StatStore } from '../store/create-stat-store.ts';
import { useStatStore } from '../store/stat-store-context.tsx';
import { hysteresisFor } from './hysteresis.ts';
import { INITIAL_THRESHOLD_STATE, nextThresholdState, type ThresholdState } from './threshold-state.ts';

/**
 * Each store's breach memory, by statistic and thresholds. It lives beside the store, not in the
 * tile: a kiosk rotating boards, or a table re-rendering its rows, mounts tiles again, and a
 * breach that began at 10:42 must still say 10:42 (and not flash again) on the next board round.
 */
const memories = new WeakMap<StatStore, Map<string, ThresholdState>>();

function memoryOf(store: StatStore): Map<string, ThresholdState> {
  let memory = memories.get(store);
  if (!memory) {
    memory = new Map();
    memories.set(store, memory);
  }
  return memory;
}

/** Thresholds as text, once per list: a board's lists keep their identity, and a render is the hot path. */
const signatures = new WeakMap<readonly Threshold[], string>();

function signatureOf(thresholds: readonly Threshold[] | undefined): string {
  if (!thresholds) return '[]';
  let signature = signatures.get(thresholds);
  if (signature === undefined) {
    signature = JSON.stringify(thresholds);
    signatures.set(thresholds, signature);
  }
  return signature;
}

export interface TileThresholdState extends ThresholdState {
  /**
   * It entered warning or critical while this tile was on screen: the tile flashes (src/index.css
   * plays three flashes once), and not again when it is shown again later in the same breach.
   */
  readonly flashing: boolean;
}

/**
 * A tile's level with memory (threshold-state.ts), moved on by each value shown. `memoryKey` names
 * what the level is of (the statistic's store key; an aggregate's own key): tiles showing the same
 * statistic against the same thresholds share one breach. The time of a breach is the time its
 * value arrived (`at`), not the render's.
 */
export function useThresholdState(
  memoryKey: string,
  shown: number | null,
  thresholds: readonly Threshold[] | undefined,
  format: ValueFormat,
  at: number,
): TileThresholdState {
  const memory = memoryOf(useStatStore());
  const band = hysteresisFor(thresholds, format);
  const slot = `${memoryKey}|${band}|${signatureOf(thresholds)}`;
  const remembered = memory.get(slot) ?? INITIAL_THRESHOLD_STATE;
  const [levelSinceAtMount] = useState(remembered.levelSince);
  const next = nextThresholdState(remembered, shown, thresholds, band, at);
  const signal = useBreachSignal();
  // Remembered once the render is committed: a render React throws away leaves no trace.
  useEffect(() => {
    // Judged against the memory, not this render's start: of the tiles sharing a breach (a stat
    // tile and its table cell) the first to commit signals it, and a tile shown again in the same
    // breach finds it already there and stays silent.
    const entered = breachEntered((memory.get(slot) ?? INITIAL_THRESHOLD_STATE).level, next.level);
    memory.set(slot, next);
    if (entered) signal?.breached(entered);
  }, [memory, slot, next, signal]);
  const alerting = next.level === 'warning' || next.level === 'critical';
  return { ...next, flashing: alerting && next.levelSince !== levelSinceAtMount };
}
