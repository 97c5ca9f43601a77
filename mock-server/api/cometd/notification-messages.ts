import type { StatisticNotification } from '../../stats/subscription-registry.ts';

export const UPDATES_CHANNEL = '/statistics/v3/updates';
export const SERVICE_CHANNEL = '/statistics/v3/service';

export type ServiceState = 'AVAILABLE' | 'UNAVAILABLE';

/** The CometD `data` of a notification on `/statistics/v3/updates` (docs/vendors/genesys-engage.md §2.9). */
export interface StatisticUpdateData {
  readonly name: 'StatisticUpdate';
  readonly topic: typeof UPDATES_CHANNEL;
  readonly data: { readonly statistics: readonly StatisticNotification[] };
}

/** The CometD `data` of a notification on `/statistics/v3/service` (docs/vendors/genesys-engage.md §2.9). */
export interface ServiceStateChangeData {
  readonly name: 'ServiceStateChange';
  readonly topic: typeof SERVICE_CHANNEL;
  readonly data: { readonly serviceState: ServiceState };
}

export function statisticUpdateData(statistics: readonly StatisticNotification[]): StatisticUpdateData {
  // Copied field by field so nothing beyond the documented four fields leaks onto the wire.
  return {
    name: 'StatisticUpdate',
    topic: UPDATES_CHANNEL,
    data: {
      statistics: statistics.map(({ subscriptionId, statisticId, value, timestamp }) => ({ subscriptionId, statisticId, value, timestamp })),
    },
  };
}

export function serviceStateChangeData(serviceState: ServiceState): ServiceStateChangeData {
  return { name: 'ServiceStateChange', topic: SERVICE_CHANNEL, data: { serviceState } };
}
