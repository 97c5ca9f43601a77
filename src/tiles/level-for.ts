import type { Threshold } from '../boards/board-schema.ts';

/** `data-level` of a tile (docs/architecture.md "What browser tests rely on"; docs/boards.md "Thresholds"). */
export type Level = 'none' | 'ok' | 'warning' | 'critical';

function crosses(value: number, threshold: Threshold): boolean {
  return threshold.when === 'above' ? value > threshold.value : value < threshold.value;
}

/**
 * The level a value is at: `none` when there is nothing to judge (no thresholds, or no value —
 * "no calls yet" is not "all is well"); otherwise the worst level whose threshold it crosses
 * (strictly above/below), or `ok`. Critical wins over warning whatever the order in the file.
 */
export function levelFor(value: number | null | undefined, thresholds: readonly Threshold[] | undefined): Level {
  if (!thresholds || thresholds.length === 0 || value === null || value === undefined || !Number.isFinite(value)) return 'none';
  const crossed = thresholds.filter((threshold) => crosses(value, threshold));
  if (crossed.some((threshold) => threshold.level === 'critical')) return 'critical';
  if (crossed.some((threshold) => threshold.level === 'warning')) return 'warning';
  return 'ok';
}
