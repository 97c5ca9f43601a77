import { distributionOf, type Distribution } from './percentiles.ts';
import type { RawWindow } from './update-tracker.ts';

/** When the periodical values of one grid point arrived, relative to the grid point. */
export interface BurstTiming {
  /** Real epoch ms of the grid point. */
  readonly dueAt: number;
  readonly firstMs: number;
  readonly lastMs: number;
  readonly updates: number;
}

/** What a step measured about the updates of its window, over every load-generator process. */
export interface WindowResult {
  readonly windowMs: number;
  /** Grid points (bursts of periodical values) inside the window. */
  readonly bursts: number;
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
  readonly expected: number;
  readonly received: number;
  readonly lost: number;
  readonly duplicates: number;
  readonly unknown: number;
  readonly burstTimings: readonly BurstTiming[];
}

function concat(arrays: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/** Merges what each load-generator process saw into one result. */
export function summarizeWindow(raws: readonly RawWindow[], window: { readonly start: number; readonly end: number; readonly offset: number; readonly periodMs: number }): WindowResult {
  const sum = (pick: (r: RawWindow) => number): number => raws.reduce((n, r) => n + pick(r), 0);
  const bursts = new Map<number, { first: number; last: number; updates: number }>();
  for (const b of raws.flatMap((r) => r.bursts)) {
    const seen = bursts.get(b.due);
    if (seen) {
      seen.first = Math.min(seen.first, b.first);
      seen.last = Math.max(seen.last, b.last);
      seen.updates += b.updates;
    } else bursts.set(b.due, { first: b.first, last: b.last, updates: b.updates });
  }
  const simStart = window.start - window.offset;
  const simEnd = window.end - window.offset;
  const expected = sum((r) => r.expected);
  const received = sum((r) => r.received);
  return {
    windowMs: window.end - window.start,
    bursts: Math.max(0, Math.ceil(simEnd / window.periodMs) - Math.ceil(simStart / window.periodMs)),
    updatesReceived: sum((r) => r.updatesReceived),
    messagesReceived: sum((r) => r.messagesReceived),
    lag: distributionOf(concat(raws.map((r) => r.lags))),
    dueLag: distributionOf(concat(raws.map((r) => r.dueLags))),
    expected,
    received,
    lost: Math.max(0, expected - received),
    duplicates: sum((r) => r.duplicates),
    unknown: sum((r) => r.unknown),
    burstTimings: [...bursts]
      .sort((a, b) => a[0] - b[0])
      .map(([due, b]) => ({
        dueAt: due + window.offset,
        firstMs: b.first - due - window.offset,
        lastMs: b.last - due - window.offset,
        updates: b.updates,
      })),
  };
}
