import type { AgentState } from '../../vocabulary/agent-states.ts';
import type { AgentStateValue } from '../stat-source.ts';

/** Genesys Cloud's names, as its own UI words them. */
const ROUTING_LABELS: Readonly<Record<string, string>> = {
  OFF_QUEUE: 'Off queue',
  IDLE: 'Idle',
  INTERACTING: 'Interacting',
  NOT_RESPONDING: 'Not responding',
  COMMUNICATING: 'Communicating',
};

const PRESENCE_LABELS: Readonly<Record<string, string>> = {
  AVAILABLE: 'Available',
  AWAY: 'Away',
  BUSY: 'Busy',
  BREAK: 'Break',
  MEAL: 'Meal',
  MEETING: 'Meeting',
  TRAINING: 'Training',
  IDLE: 'Idle',
  OFFLINE: 'Offline',
  ON_QUEUE: 'On queue',
};

/**
 * The wallboard's agent state for a Genesys Cloud routing status (docs/vendors/genesys-cloud.md
 * "The Genesys Cloud source in the app"):
 * - IDLE → ready; INTERACTING → on-call (an ACD interaction, ringing and wrap-up included: the
 *   routing status does not tell them apart); COMMUNICATING → on-call (a non-ACD interaction);
 * - NOT_RESPONDING → not-ready: the agent let an offer ring out and routing offers nothing more until
 *   the agent acts, which is what "not ready" means on a board. Ringing is already INTERACTING;
 * - OFF_QUEUE → logged-out when the presence is Offline, else not-ready (with the presence as label).
 * Any other status is `unknown`, labelled with its own name.
 */
export function agentStateOf(status: string): AgentState {
  switch (status) {
    case 'IDLE':
      return 'ready';
    case 'INTERACTING':
    case 'COMMUNICATING':
      return 'on-call';
    case 'NOT_RESPONDING':
    case 'OFF_QUEUE':
      return 'not-ready';
    default:
      return 'unknown';
  }
}

export function presenceLabel(systemPresence: string): string {
  return PRESENCE_LABELS[systemPresence] ?? systemPresence;
}

/** The value of CurrentAgentState: `since` is when the routing status began (server epoch ms). */
export function agentStateValue(status: string, since: number, systemPresence: string | undefined): AgentStateValue {
  if (status === 'OFF_QUEUE' && systemPresence === 'OFFLINE') return { state: 'logged-out', since, label: presenceLabel(systemPresence) };
  const state = agentStateOf(status);
  if (status === 'OFF_QUEUE' && systemPresence !== undefined && systemPresence !== 'ON_QUEUE') {
    return { state, since, label: presenceLabel(systemPresence) };
  }
  return { state, since, label: ROUTING_LABELS[status] ?? status };
}
