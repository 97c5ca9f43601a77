import { distributionOf, type Distribution } from './percentiles.ts';

/** What a step measured about the updates of its window. */
export interface WindowResult {
  readonly windowMs: number;
  /** Statistic updates (not CometD messages) received during the window. */
  readonly updatesReceived: number;
  readonly messagesReceived: number;
  /** receivedAt − (timestamp + clock offset): from the server computing a value to the client having it. */
  readonly lag: Distribution;
  /**
   * receivedAt − (due time + clock offset), periodical values only: also counts how late the
   * server's 100 ms tick got round to a due value, which `lag` cannot see when the server's event
   * loop is behind (the timestamp is taken when the value is computed, not when it was due).
   */
  readonly dueLag: Distribution;
  /** Periodical updates due inside the window, and how many of them arrived (by the end of the drain). */
  readonly expected: number;
  readonly received: number;
  readonly lost: number;
  readonly duplicates: number;
  /** Updates naming a subscription or statistic this client never opened: should stay 0. */
  readonly unknown: number;
}

export interface UpdateTracker {
  /** Registers a subscription's statistics; their ids must be `String(0..n-1)` in that subscription. */
  register(subscriptionId: string, statistics: ReadonlyArray<{ readonly openedAt: number; readonly periodical: boolean }>): void;
  /** Hot path: one call per statistic in every StatisticUpdate. */
  record(subscriptionId: string, statisticId: string, timestamp: number, receivedAt: number): void;
  noteMessage(receivedAt: number): void;
  /** Opens the measurement window now; `clockOffsetMs` is real minus simulated time. */
  startWindow(realStart: number, clockOffsetMs: number): void;
  /** Closes the window: values due after this are ignored; ones due before still count when they arrive late. */
  endWindow(realEnd: number): void;
  result(): WindowResult;
}

/**
 * Lag and loss accounting for one step. A periodical statistic opened at simulated time T is due
 * at T + k·period (k ≥ 1) and stamped with the tick that sent it, so the slot k of an update is
 * floor((timestamp − T) / period): the window counts every slot due inside it, whenever it
 * arrives, which makes "lost" exact at the window's edges. Change-based statistics (agent state)
 * have no schedule: they count for lag only.
 */
export function createUpdateTracker(periodMs: number): UpdateTracker {
  const baseOf = new Map<string, number>();
  const openedAt: number[] = [];
  const periodical: boolean[] = [];
  let lastSlot = new Float64Array(0);
  const lags: number[] = [];
  const dueLags: number[] = [];
  let offset = 0;
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
      for (const s of statistics) {
        openedAt.push(s.openedAt);
        periodical.push(s.periodical);
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
      const slot = Math.floor((timestamp - opened) / periodMs);
      const due = opened + slot * periodMs;
      if (!(slot >= 1) || !(due >= simStart) || due >= simEnd) return;
      if (lastSlot[index] === slot) {
        duplicates++;
        return;
      }
      lastSlot[index] = slot;
      received++;
      lags.push(receivedAt - timestamp - offset);
      dueLags.push(receivedAt - due - offset);
    },
    noteMessage(receivedAt) {
      if (inRealWindow(receivedAt)) messagesReceived++;
    },
    startWindow(start, clockOffsetMs) {
      offset = clockOffsetMs;
      realStart = start;
      simStart = start - clockOffsetMs;
      lastSlot = new Float64Array(openedAt.length).fill(-1);
    },
    endWindow(end) {
      realEnd = end;
      simEnd = end - offset;
    },
    result() {
      let expected = 0;
      for (let i = 0; i < openedAt.length; i++) {
        const opened = openedAt[i] as number;
        if (!periodical[i] || !Number.isFinite(opened)) continue;
        const first = Math.max(1, Math.ceil((simStart - opened) / periodMs));
        const last = Math.ceil((simEnd - opened) / periodMs) - 1;
        expected += Math.max(0, last - first + 1);
      }
      return {
        windowMs: realEnd - realStart,
        updatesReceived,
        messagesReceived,
        lag: distributionOf(lags),
        dueLag: distributionOf(dueLags),
        expected,
        received,
        lost: Math.max(0, expected - received),
        duplicates,
        unknown,
      };
    },
  };
}
