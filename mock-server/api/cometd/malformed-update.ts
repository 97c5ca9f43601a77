import type { StatisticUpdateData } from './notification-messages.ts';

/**
 * The ways the malformed-notification fault breaks a StatisticUpdate: each one is something a
 * careless client would turn into a silent 0 or a crash, so the client's parser must reject it.
 */
export const MALFORMED_KINDS = ['value-not-object', 'missing-statistic-id', 'data-not-object', 'statistics-not-array'] as const;
export type MalformedKind = (typeof MALFORMED_KINDS)[number];

/** `pick` in [0, 1) chooses the kind, so a seeded random source gives a reproducible fault. */
export function malformedKind(pick: number): MalformedKind {
  const index = Math.min(MALFORMED_KINDS.length - 1, Math.max(0, Math.floor(pick * MALFORMED_KINDS.length)));
  return MALFORMED_KINDS[index] ?? 'value-not-object';
}

export function malformStatisticUpdate(update: StatisticUpdateData, kind: MalformedKind): unknown {
  const { statistics } = update.data;
  switch (kind) {
    case 'value-not-object':
      return { ...update, data: { statistics: statistics.map((s) => ({ ...s, value: 'NaN' })) } };
    case 'missing-statistic-id':
      return { ...update, data: { statistics: statistics.map(({ statisticId: _dropped, ...rest }) => rest) } };
    case 'data-not-object':
      return { ...update, data: 'statistics unavailable' };
    case 'statistics-not-array':
      return { ...update, data: { statistics: JSON.stringify(statistics) } };
  }
}
