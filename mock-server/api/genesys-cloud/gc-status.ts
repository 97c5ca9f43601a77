import type { AgentStatus, NotReadyReason } from '../../sim/sim-types.ts';

/** The simulation's agent statuses as Genesys Cloud's routing statuses and system presences. */
export const GC_ROUTING_STATUSES = ['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING'] as const;
export type GcRoutingStatus = (typeof GC_ROUTING_STATUSES)[number];
export const GC_SYSTEM_PRESENCES = ['ON_QUEUE', 'AVAILABLE', 'BREAK', 'MEAL', 'TRAINING', 'MEETING', 'BUSY', 'AWAY', 'IDLE', 'OFFLINE'] as const;
export type GcSystemPresence = (typeof GC_SYSTEM_PRESENCES)[number];

export function routingStatusOf(state: AgentStatus): GcRoutingStatus {
  switch (state) {
    case 'WaitForNextCall':
      return 'IDLE';
    case 'CallRinging':
    case 'CallInbound':
    case 'AfterCallWork':
      return 'INTERACTING';
    default:
      return 'OFF_QUEUE';
  }
}

const PRESENCE_OF_REASON: Readonly<Record<NotReadyReason, GcSystemPresence>> = {
  Break: 'BREAK',
  Lunch: 'MEAL',
  Training: 'TRAINING',
  Coaching: 'TRAINING',
  Meeting: 'MEETING',
};

export function systemPresenceOf(state: AgentStatus, reason?: NotReadyReason): GcSystemPresence {
  if (state === 'LoggedOut') return 'OFFLINE';
  if (state === 'NotReadyForNextCall') return PRESENCE_OF_REASON[reason ?? 'Break'];
  return 'ON_QUEUE';
}
