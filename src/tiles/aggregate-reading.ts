import type { StatStatus, StatValue } from '../store/stat-value.ts';
import { aggregate, type AggregateKind } from './aggregate.ts';
import { displayedNumber, isTicking } from './ticking.ts';

/** What an aggregate tile shows, made from its objects' values. */
export interface AggregateReading {
  /** The combination of the server's values: `data-value`. */
  readonly raw: number | null;
  /** The combination of the values on screen (a ticking wait grows between notifications): judged by thresholds. */
  readonly shown: number | null;
  /** Objects whose value took part. */
  readonly counted: number;
  /** Objects combined in all. */
  readonly total: number;
  readonly status: StatStatus;
  /** Why the status is stale or error, in words. */
  readonly reason: string | undefined;
  /** When the newest value arrived (the combination changed then); 0 before any. */
  readonly receivedAt: number;
  /** When the oldest value arrived: a stale aggregate is as old as its oldest part. */
  readonly oldestReceivedAt: number;
  /** Some part is a clock running between notifications, so the tile must re-render every second. */
  readonly ticking: boolean;
}

const number = (value: StatValue | undefined): number | null => (value && typeof value.value === 'number' ? value.value : null);

/**
 * The worst status of the parts, so the tile is `live` only when every value it combines is:
 * `data-value` is then the combination of every object's current value, and a number made partly
 * of an old or failed value is never shown as live (docs/architecture.md "Data flow", StatValue). An error
 * outranks staleness, which outranks a part still loading.
 */
function worstStatus(parts: readonly (StatValue | undefined)[]): { readonly status: StatStatus; readonly reason: string | undefined } {
  const error = parts.find((part) => part?.status === 'error');
  if (error) return { status: 'error', reason: error.reason ?? 'error' };
  const stale = parts.find((part) => part?.status === 'stale');
  if (stale) return { status: 'stale', reason: stale.reason };
  if (parts.some((part) => part === undefined || part.status === 'loading')) return { status: 'loading', reason: undefined };
  return { status: 'live', reason: undefined };
}

/**
 * Combines `values` (one per object) — weighted by `weights` (one per object, same order) for a
 * weighted mean. An object without a value yet is left out of the number and counted as missing.
 */
export function readAggregate(
  kind: AggregateKind,
  /** The statistic is a running clock (src/tiles/statistic-info.tsx). */
  clock: boolean,
  values: readonly (StatValue | undefined)[],
  weights: readonly (StatValue | undefined)[] | undefined,
  now: number,
): AggregateReading {
  const weightOf = (index: number): number | null | undefined => (weights ? number(weights[index]) : undefined);
  const raw = aggregate(kind, values.map((value, index) => ({ value: number(value), weight: weightOf(index) })));
  const ticking = values.some((value) => isTicking(clock, value));
  const shown = ticking ? aggregate(kind, values.map((value, index) => ({ value: displayedNumber(clock, value, now), weight: weightOf(index) }))).value : raw.value;
  const all = weights ? [...values, ...weights] : values;
  const arrivals = all.map((part) => part?.receivedAt ?? 0).filter((at) => at > 0);
  return {
    raw: raw.value,
    shown,
    counted: raw.counted,
    total: values.length,
    ...worstStatus(all),
    receivedAt: arrivals.length > 0 ? Math.max(...arrivals) : 0,
    oldestReceivedAt: arrivals.length > 0 ? Math.min(...arrivals) : 0,
    ticking,
  };
}
