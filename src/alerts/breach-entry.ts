import type { Level } from '../tiles/level-for.ts';

/** The levels a breach sounds at. */
export type AlertLevel = 'warning' | 'critical';

const RANK: Readonly<Record<Level, number>> = { none: 0, ok: 1, warning: 2, critical: 3 };

/**
 * The level a tile's move from `before` to `after` sounds at: a breach beginning (ok or no value →
 * warning or critical) or getting worse (warning → critical). Staying, easing (critical → warning)
 * and clearing are silent: the sound is news, once per breach and once per escalation.
 */
export function breachEntered(before: Level, after: Level): AlertLevel | undefined {
  if (after !== 'warning' && after !== 'critical') return undefined;
  return RANK[after] > RANK[before] ? after : undefined;
}

export function isWorse(a: AlertLevel, b: AlertLevel): boolean {
  return RANK[a] > RANK[b];
}
