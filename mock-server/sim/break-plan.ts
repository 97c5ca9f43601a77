/**
 * When an agent intends to go not ready during a shift, and for how long. The plan is drawn once
 * per shift; the engine starts each activity only when the agent is free, so the actual start may
 * slip behind the planned one when the agent is on a call.
 */
import type { Rng } from './rng.ts';
import type { NotReadyReason } from './sim-types.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export interface PlannedBreak {
  readonly at: number;
  readonly reason: NotReadyReason;
  readonly durationMs: number;
}

/** Durations per reason in minutes, [min, max]; breaks are short and fairly regular in practice. */
const DURATION_MINUTES: Readonly<Record<NotReadyReason, readonly [number, number]>> = {
  Break: [10, 15],
  Lunch: [27, 35],
  Training: [30, 60],
  Meeting: [20, 40],
  Coaching: [15, 25],
};

/**
 * Wide jitter: agents who start together must not all leave for their break at once (a real
 * workforce planner staggers them), or every shift start would punch a hole into the staffing.
 */
const JITTER_MINUTES = 45;

const OCCASIONAL: readonly NotReadyReason[] = ['Training', 'Meeting', 'Coaching'];

function duration(rng: Rng, reason: NotReadyReason): number {
  const [min, max] = DURATION_MINUTES[reason];
  return Math.round(rng.uniform(min, max) * MINUTE_MS);
}

/**
 * Two short breaks and a lunch for a full shift (fewer for short ones), plus sometimes a training,
 * meeting or coaching session — those only happen in office hours, so night shifts skip them.
 * Always draws the same number of random values so one agent's plan does not depend on another's.
 */
export function planBreaks(
  rng: Rng,
  shiftStart: number,
  shiftLength: number,
  isOfficeHours: (t: number) => boolean,
): PlannedBreak[] {
  const jitter = (): number => rng.uniform(-JITTER_MINUTES, JITTER_MINUTES) * MINUTE_MS;
  const anchors: readonly (readonly [number, NotReadyReason])[] =
    shiftLength >= 6 * HOUR_MS
      ? [
          [0.2, 'Break'],
          [0.5, 'Lunch'],
          [0.8, 'Break'],
        ]
      : shiftLength >= 3 * HOUR_MS
        ? [[0.5, 'Break']]
        : [];
  const plan: PlannedBreak[] = [];
  for (const [fraction, reason] of anchors) {
    const at = Math.round(shiftStart + fraction * shiftLength + jitter());
    plan.push({ at, reason, durationMs: duration(rng, reason) });
  }

  const wantsExtra = rng.chance(0.4);
  const extraReason = rng.pick(OCCASIONAL);
  const extraAt = Math.round(shiftStart + rng.uniform(HOUR_MS, Math.max(HOUR_MS, shiftLength - 1.5 * HOUR_MS)));
  const extraDuration = duration(rng, extraReason);
  if (wantsExtra && shiftLength >= 4 * HOUR_MS && isOfficeHours(extraAt)) {
    plan.push({ at: extraAt, reason: extraReason, durationMs: extraDuration });
  }
  return plan.sort((x, y) => x.at - y.at);
}
