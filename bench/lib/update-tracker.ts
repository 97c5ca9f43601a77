import { notificationPhaseMs } from '../../mock-server/stats/subscription-registry.ts';
/** Arrival of the periodical values due at one grid point (real epoch ms). */
export interface RawBurst {
  /** Simulated ms of the grid point. */
  readonly due: number;
  readonly first: number;
  readonly last: number;
  readonly updates: number;
}

/** What one load-generator process saw of a window; several are merged by summarizeWindow. */
export interface RawWindow {
  /** Statistic updates (not CometD messages) received during the window. */
  readonly updatesReceived: number;
  readonly messagesReceived: number;
  /** Periodical updates due inside the window, and how many of them arrived (by the end of the drain). */
  readonly expected: number;
  readonly received: number;
  readonly duplicates: number;
  /** Updates naming a subscription or statistic this client never opened: should stay 0. */
  readonly unknown: number;
  /** receivedAt − (timestamp + clock offset), every update of the window. */
  readonly lags: Float64Array;
  /** receivedAt − (due time + clock offset), periodical updates only. */
  readonly dueLags: Float64Array;
  readonly bursts: readonly RawBurst[];
}

export interface UpdateTracker {
  /** Registers a subscription's statistics; their ids must be `String(0..n-1)` in that subscription. */
  register(subscriptionId: string, statistics: ReadonlyArray<{ readonly openedAt: number; readonly periodical: boolean }>): void;
  /** Hot path: one call per statistic in every StatisticUpdate. */
  record(subscriptionId: string, statisticId: string, timestamp: number, receivedAt: number): void;
  noteMessage(receivedAt: number): void;
  /**
   * Sets the measurement window, in real epoch ms (set it before it starts: values are classified
   * as they arrive); `clockOffsetMs` is real minus simulated time. Values due inside it still
   * count when they arrive after its end.
   */
  setWindow(realStart: number, realEnd: number, clockOffsetMs: number): void;
  result(): RawWindow;
}

/**
 * Lag and loss accounting for one step. The mock puts each subscription's periodical statistics on
 * a grid of simulated time shifted by the subscription's phase (due at k·period + phase, from the
 * first due point after it was opened: see nextDueAt and notificationPhaseMs in
 * mock-server/stats/subscription-registry.ts), and stamps a value with the tick that sent it, so an
 * update's due point is floor((timestamp − phase) / period) · period + phase as long as it is less
 * than a period late. The window counts every grid point inside it, whenever its value
 * arrives, which makes "lost" exact at the window's edges. Change-based statistics (agent state)
 * have no schedule: they count for lag only.
 */
export function createUpdateTracker(periodMs: number): UpdateTracker {
  const baseOf = new Map<string, number>();
  const openedAt: number[] = [];
  const periodical: boolean[] = [];
  const phases: number[] = [];
  let lastSlot = new Float64Array(0);
  const lags: number[] = [];
  const dueLags: number[] = [];
  const bursts = new Map<number, { first: number; last: number; updates: number }>();
  let offset = 0;
  // No window yet: nothing counts.
  let realStart = Number.POSITIVE_INFINITY;
  let realEnd = Number.POSITIVE_INFINITY;
  let simStart = Number.POSITIVE_INFINITY;
  let simEnd = Number.POSITIVE_INFINITY;
  let updatesReceived = 0;
  let messagesReceived = 0;
  let received = 0;
  let duplicates = 0;
  let unknown = 0;

  const inRealWindow = (t: number): boolean => t >= realStart && t < realEnd;

  return {
    register(subscriptionId, statistics) {
      baseOf.set(subscriptionId, openedAt.length);
      const phase = notificationPhaseMs(subscriptionId, periodMs);
      for (const s of statistics) {
        openedAt.push(s.openedAt);
        periodical.push(s.periodical);
        phases.push(phase);
      }
    },
    record(subscriptionId, statisticId, timestamp, receivedAt) {
      if (inRealWindow(receivedAt)) updatesReceived++;
      const base = baseOf.get(subscriptionId);
      const index = base === undefined ? -1 : base + Number(statisticId);
      if (base === undefined || !(index < openedAt.length) || !Number.isInteger(index)) {
        // Before the window a change-based value may overtake the POST answer that registers it.
        if (receivedAt >= realStart) unknown++;
        return;
      }
      const opened = openedAt[index] as number;
      if (!periodical[index]) {
        if (timestamp >= simStart && timestamp < simEnd) lags.push(receivedAt - timestamp - offset);
        return;
      }
      const phase = phases[index] as number;
      const slot = Math.floor((timestamp - phase) / periodMs);
      const due = slot * periodMs + phase;
      if (!(due > opened) || !(due >= simStart) || due >= simEnd) return;
      if (lastSlot[index] === slot) {
        duplicates++;
        return;
      }
      lastSlot[index] = slot;
      received++;
      const burst = bursts.get(due);
      if (burst) {
        burst.first = Math.min(burst.first, receivedAt);
        burst.last = Math.max(burst.last, receivedAt);
        burst.updates++;
      } else bursts.set(due, { first: receivedAt, last: receivedAt, updates: 1 });
      lags.push(receivedAt - timestamp - offset);
      dueLags.push(receivedAt - due - offset);
    },
    noteMessage(receivedAt) {
      if (inRealWindow(receivedAt)) messagesReceived++;
    },
    setWindow(start, end, clockOffsetMs) {
      offset = clockOffsetMs;
      realStart = start;
      realEnd = end;
      simStart = start - clockOffsetMs;
      simEnd = end - clockOffsetMs;
      lastSlot = new Float64Array(openedAt.length).fill(-1);
    },
    result() {
      let expected = 0;
      for (let i = 0; i < openedAt.length; i++) {
        const opened = openedAt[i] as number;
        if (!periodical[i] || !Number.isFinite(opened)) continue;
        // Due points g = k·period + phase with g > opened and simStart ≤ g < simEnd.
        const phase = phases[i] as number;
        const first = Math.max(Math.ceil((simStart - phase) / periodMs), Math.floor((opened - phase) / periodMs) + 1);
        const end = Math.ceil((simEnd - phase) / periodMs);
        expected += Math.max(0, end - first);
      }
      return {
        updatesReceived,
        messagesReceived,
        expected,
        received,
        duplicates,
        unknown,
        lags: Float64Array.from(lags),
        dueLags: Float64Array.from(dueLags),
        bursts: [...bursts].map(([due, b]) => ({ due, ...b })),
      };
    },
  };
}
