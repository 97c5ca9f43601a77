import { useState } from 'react';
import type { Threshold } from '../boards/board-schema.ts';
import type { ValueFormat } from '../lib/format-value.ts';
import { hysteresisFor } from './hysteresis.ts';
import { INITIAL_THRESHOLD_STATE, nextThresholdState, type ThresholdState } from './threshold-state.ts';

/**
 * A tile's level with memory (threshold-state.ts): the state is kept across renders and moved on
 * by each value shown. The time of a breach is the time its value arrived (`at`), not the render's.
 */
export function useThresholdState(shown: number | null, thresholds: readonly Threshold[] | undefined, format: ValueFormat, at: number): ThresholdState {
  const [state, setState] = useState<ThresholdState>(INITIAL_THRESHOLD_STATE);
  const next = nextThresholdState(state, shown, thresholds, hysteresisFor(thresholds, format), at);
  // Derived from the previous render's state: React re-renders at once, before committing, and
  // `nextThresholdState` returns the same object when nothing moved, so this settles.
  if (next !== state) setState(next);
  return next;
}
